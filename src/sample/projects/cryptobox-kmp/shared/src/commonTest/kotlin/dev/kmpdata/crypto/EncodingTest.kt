package dev.kmpdata.crypto

import kotlin.test.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith

class EncodingTest {

    @Test
    fun hexRoundTrip() {
        val bytes = byteArrayOf(0, 1, 15, 16, 127, -128, -1)
        val hex = bytes.toHex()
        assertEquals("00010f107f80ff", hex)
        assertContentEquals(bytes, hex.hexToBytes())
    }

    @Test
    fun hexRejectsOddLength() {
        assertFailsWith<IllegalArgumentException> { "abc".hexToBytes() }
    }

    @Test
    fun base64MatchesRfc4648Vectors() {
        val vectors = mapOf(
            "" to "",
            "f" to "Zg==",
            "fo" to "Zm8=",
            "foo" to "Zm9v",
            "foobar" to "Zm9vYmFy",
        )
        for ((plain, encoded) in vectors) {
            assertEquals(encoded, plain.encodeToByteArray().toBase64(), "encode '$plain'")
            assertEquals(plain, encoded.decodeBase64().decodeToString(), "decode '$encoded'")
        }
    }

    @Test
    fun portableBase64AgreesWithPlatform() {
        val data = ByteArray(257) { it.toByte() }
        assertEquals(data.toBase64(), PortableBase64.encode(data))
        assertContentEquals(data, PortableBase64.decode(data.toBase64()))
    }

    @Test
    fun base64UrlHasNoPaddingOrUnsafeCharacters() {
        val data = byteArrayOf(-5, -1, -65)
        val encoded = data.toBase64Url()
        assertEquals("-_-_", encoded)
        assertContentEquals(data, encoded.decodeBase64Url())
    }
}
