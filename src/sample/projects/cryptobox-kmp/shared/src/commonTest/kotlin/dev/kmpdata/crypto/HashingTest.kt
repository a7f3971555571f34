package dev.kmpdata.crypto

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue

class HashingTest {

    @Test
    fun sha256OfEmptyString() {
        assertEquals(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            sha256("").toHex(),
        )
    }

    @Test
    fun sha256OfAbc() {
        assertEquals(
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "abc".sha256Hex().value,
        )
    }

    @Test
    fun portableImplementationMatchesPlatform() {
        val input = ByteArray(1000) { (it * 31).toByte() }
        assertEquals(sha256(input).toHex(), PureSha256.hash(input).toHex())
        assertEquals(sha256(input).toHex(), sha256Of(input.copyOfRange(0, 10), input.copyOfRange(10, 1000)).toHex())
    }

    @Test
    fun hmacRfc4231TestCase2() {
        val mac = Hmac.sha256("Jefe", "what do ya want for nothing?")
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", mac.toHex())
    }

    @Test
    fun constantTimeEqualsComparesContent() {
        assertTrue(constantTimeEquals(byteArrayOf(1, 2, 3), byteArrayOf(1, 2, 3)))
        assertFalse(constantTimeEquals(byteArrayOf(1, 2, 3), byteArrayOf(1, 2, 4)))
        assertFalse(constantTimeEquals(byteArrayOf(1, 2), byteArrayOf(1, 2, 3)))
    }

    @Test
    fun crc32OfCheckString() {
        assertEquals(0xCBF43926L, "123456789".encodeToByteArray().crc32())
        assertEquals("cbf43926", "123456789".crc32Hex())
    }
}
