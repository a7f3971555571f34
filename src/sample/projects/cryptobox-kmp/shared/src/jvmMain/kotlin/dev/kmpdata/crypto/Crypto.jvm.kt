package dev.kmpdata.crypto

import java.nio.charset.StandardCharsets
import java.security.MessageDigest
import java.security.NoSuchAlgorithmException
import java.security.SecureRandom
import java.util.Base64
import java.util.UUID

private val random = SecureRandom()

private fun newSha256(): MessageDigest = try {
    MessageDigest.getInstance("SHA-256")
} catch (e: NoSuchAlgorithmException) {
    throw IllegalStateException("SHA-256 is required by the Java SE specification", e)
}

actual fun sha256(bytes: ByteArray): ByteArray {
    val digest = newSha256()
    digest.update(bytes)
    return digest.digest()
}

actual fun sha256(text: String): ByteArray {
    val digest = newSha256()
    digest.update(text.toByteArray(StandardCharsets.UTF_8))
    return digest.digest()
}

actual fun randomUuid(): String {
    val uuid = UUID.randomUUID()
    return uuid.toString()
}

actual fun secureRandomBytes(size: Int): ByteArray {
    require(size >= 0) { "size must be non-negative, was $size" }
    val bytes = ByteArray(size)
    synchronized(random) {
        random.nextBytes(bytes)
    }
    return bytes
}

actual fun base64Encode(bytes: ByteArray): String {
    val encoder = Base64.getEncoder()
    return encoder.encodeToString(bytes)
}

actual fun base64Decode(text: String): ByteArray {
    val decoder = Base64.getDecoder()
    return try {
        decoder.decode(text.trim())
    } catch (e: IllegalArgumentException) {
        throw IllegalArgumentException("Malformed base64 input: ${e.message}", e)
    }
}
