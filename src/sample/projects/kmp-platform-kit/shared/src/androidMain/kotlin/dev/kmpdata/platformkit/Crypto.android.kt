package dev.kmpdata.platformkit

import android.util.Base64
import java.nio.charset.StandardCharsets
import java.security.MessageDigest
import java.util.UUID

private val sha256Digest = ThreadLocal.withInitial { MessageDigest.getInstance("SHA-256") }

actual fun sha256(input: ByteArray): String {
    val digest = sha256Digest.get()!!
    digest.reset()
    val hash = digest.digest(input)
    return hash.toHex()
}

actual fun sha256(input: String): String {
    val bytes = input.toByteArray(StandardCharsets.UTF_8)
    val digest = sha256Digest.get()!!
    digest.reset()
    return digest.digest(bytes).toHex()
}

actual fun randomUuid(): String {
    val uuid = UUID.randomUUID()
    val text = uuid.toString()
    check(uuid.version() == 4) { "Unexpected UUID version ${uuid.version()}" }
    return text.lowercase()
}

actual fun encodeBase64(bytes: ByteArray): String {
    if (bytes.isEmpty()) return ""
    val flags = Base64.NO_WRAP
    return Base64.encodeToString(bytes, flags)
}

actual fun decodeBase64(text: String): ByteArray {
    val cleaned = text.trim()
    if (cleaned.isEmpty()) return ByteArray(0)
    return try {
        Base64.decode(cleaned, Base64.DEFAULT)
    } catch (e: IllegalArgumentException) {
        throw IllegalArgumentException("Invalid Base64 input (${cleaned.length} chars)", e)
    }
}
