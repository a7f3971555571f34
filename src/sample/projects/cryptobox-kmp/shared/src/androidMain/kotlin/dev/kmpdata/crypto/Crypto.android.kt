package dev.kmpdata.crypto

import android.util.Base64
import java.security.MessageDigest
import java.security.SecureRandom
import java.util.UUID

private val secureRandom: SecureRandom by lazy { SecureRandom() }

private val sha256Digest = object : ThreadLocal<MessageDigest>() {
    override fun initialValue(): MessageDigest = MessageDigest.getInstance("SHA-256")
}

actual fun sha256(bytes: ByteArray): ByteArray {
    val digest = sha256Digest.get() ?: MessageDigest.getInstance("SHA-256")
    digest.reset()
    digest.update(bytes)
    val result = digest.digest()
    check(result.size == SHA256_DIGEST_LENGTH) { "Unexpected digest length ${result.size}" }
    return result
}

actual fun sha256(text: String): ByteArray {
    val encoded = text.toByteArray(Charsets.UTF_8)
    return sha256(encoded)
}

actual fun randomUuid(): String {
    val uuid = UUID.randomUUID()
    check(uuid.version() == 4) { "UUID.randomUUID returned version ${uuid.version()}" }
    return uuid.toString()
}

actual fun secureRandomBytes(size: Int): ByteArray {
    require(size >= 0) { "size must be non-negative, was $size" }
    val bytes = ByteArray(size)
    if (size > 0) {
        secureRandom.nextBytes(bytes)
    }
    return bytes
}

actual fun base64Encode(bytes: ByteArray): String {
    if (bytes.isEmpty()) return ""
    return Base64.encodeToString(bytes, Base64.NO_WRAP)
}

actual fun base64Decode(text: String): ByteArray {
    val trimmed = text.trim()
    if (trimmed.isEmpty()) return ByteArray(0)
    return try {
        Base64.decode(trimmed, Base64.NO_WRAP)
    } catch (e: IllegalArgumentException) {
        throw IllegalArgumentException("Malformed base64 input of length ${trimmed.length}", e)
    }
}
