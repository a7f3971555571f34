package dev.kmpdata.platformkit

import java.security.MessageDigest
import java.security.SecureRandom
import java.util.Base64
import java.util.UUID

private val secureRandom by lazy { SecureRandom() }

actual fun sha256(input: ByteArray): String {
    val digest = MessageDigest.getInstance("SHA-256")
    digest.update(input)
    val hash = digest.digest()
    return hash.toHex()
}

actual fun sha256(input: String): String {
    val digest = MessageDigest.getInstance("SHA-256")
    val hash = digest.digest(input.toByteArray(Charsets.UTF_8))
    return hash.toHex()
}

actual fun randomUuid(): String {
    val bytes = ByteArray(16)
    secureRandom.nextBytes(bytes)
    bytes[6] = ((bytes[6].toInt() and 0x0f) or 0x40).toByte()
    bytes[8] = ((bytes[8].toInt() and 0x3f) or 0x80).toByte()
    var msb = 0L
    var lsb = 0L
    for (i in 0 until 8) msb = (msb shl 8) or (bytes[i].toLong() and 0xff)
    for (i in 8 until 16) lsb = (lsb shl 8) or (bytes[i].toLong() and 0xff)
    return UUID(msb, lsb).toString()
}

actual fun encodeBase64(bytes: ByteArray): String {
    val encoder = Base64.getEncoder()
    val encoded = encoder.encodeToString(bytes)
    return encoded
}

actual fun decodeBase64(text: String): ByteArray {
    val decoder = Base64.getDecoder()
    val cleaned = text.filterNot { it == '\n' || it == '\r' }
    return try {
        decoder.decode(cleaned)
    } catch (e: IllegalArgumentException) {
        throw IllegalArgumentException("Invalid Base64 input: ${e.message}", e)
    }
}
