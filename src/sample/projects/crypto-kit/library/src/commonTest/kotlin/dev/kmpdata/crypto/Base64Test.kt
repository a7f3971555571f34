package dev.kmpdata.crypto

import kotlin.test.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith

class Base64Test {

    @Test
    fun encodesRfc4648Vectors() {
        val vectors = mapOf(
            "" to "",
            "f" to "Zg==",
            "fo" to "Zm8=",
            "foo" to "Zm9v",
            "foob" to "Zm9vYg==",
            "fooba" to "Zm9vYmE=",
            "foobar" to "Zm9vYmFy",
        )
        for ((plain, encoded) in vectors) {
            assertEquals(encoded, Base64.Default.encode(plain))
            assertEquals(plain, Base64.Default.decodeToString(encoded))
        }
    }

    @Test
    fun urlSafeRoundTripsBinary() {
        val data = ByteArray(256) { it.toByte() }
        val encoded = Base64.UrlSafe.encode(data)
        assertEquals(false, encoded.contains('+') || encoded.contains('/') || encoded.contains('='))
        assertContentEquals(data, Base64.UrlSafe.decode(encoded))
    }

    @Test
    fun rejectsInvalidCharacters() {
        assertFailsWith<IllegalArgumentException> { Base64.Default.decode("ab*d") }
    }
}
