package dev.kmpdata.platformkit

import kotlin.test.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue

class PlatformKitTest {

    @Test
    fun sha256MatchesKnownVectors() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", sha256(ByteArray(0)))
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sha256("abc"))
        assertTrue(Digest.of("abc").matches(Digest.of("abc".encodeToByteArray())))
    }

    @Test
    fun base64RoundTripsAllVariants() {
        val data = ByteArray(256) { it.toByte() }
        for (variant in Base64Variant.entries) {
            assertContentEquals(data, variant.decode(variant.encode(data)), "variant $variant")
        }
        assertEquals("aGVsbG8=", "hello".encodeBase64())
        assertTrue(isLikelyBase64("aGVsbG8="))
        assertFalse(isLikelyBase64("not base64!"))
    }

    @Test
    fun uuidsAreUniqueAndSettingsDelegatesWork() {
        val ids = List(50) { Uuid.random() }
        assertEquals(50, ids.toSet().size)
        assertTrue(ids.all { it.version == 4 })

        val settings = InMemorySettings()
        var launches by settings.int("launches")
        launches += 2
        assertEquals("2", settings["launches"])
        assertTrue("launches" in settings)
    }
}
