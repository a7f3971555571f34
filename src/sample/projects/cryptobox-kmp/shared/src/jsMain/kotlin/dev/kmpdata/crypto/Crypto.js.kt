package dev.kmpdata.crypto

import kotlinx.browser.window
import org.khronos.webgl.Uint8Array
import org.khronos.webgl.get

/** Maximum number of bytes `crypto.getRandomValues` accepts per call. */
private const val MAX_RANDOM_CHUNK = 65_536

private val webCrypto: dynamic
    get() = js("globalThis.crypto")

actual fun sha256(bytes: ByteArray): ByteArray {
    // SubtleCrypto.digest is async only, so the synchronous API uses the portable implementation.
    val result = PureSha256.hash(bytes)
    check(result.size == SHA256_DIGEST_LENGTH)
    return result
}

actual fun sha256(text: String): ByteArray {
    val utf8 = text.encodeToByteArray()
    return PureSha256.hash(utf8)
}

actual fun randomUuid(): String {
    val crypto = webCrypto
    if (crypto != null && jsTypeOf(crypto.randomUUID) == "function") {
        return crypto.randomUUID() as String
    }
    val bytes = secureRandomBytes(16)
    return Uuid.fromRandomBytes(bytes)
}

actual fun secureRandomBytes(size: Int): ByteArray {
    require(size >= 0) { "size must be non-negative, was $size" }
    val crypto = webCrypto ?: throw UnsupportedOperationException("Web Crypto API is not available")
    val array = Uint8Array(size)
    var offset = 0
    while (offset < size) {
        val chunk = minOf(MAX_RANDOM_CHUNK, size - offset)
        crypto.getRandomValues(array.subarray(offset, offset + chunk))
        offset += chunk
    }
    return ByteArray(size) { index -> array[index] }
}

actual fun base64Encode(bytes: ByteArray): String {
    if (bytes.isEmpty()) return ""
    val binary = buildString(bytes.size) {
        for (b in bytes) {
            append((b.toInt() and 0xff).toChar())
        }
    }
    return try {
        window.btoa(binary)
    } catch (e: Throwable) {
        PortableBase64.encode(bytes)
    }
}

actual fun base64Decode(text: String): ByteArray {
    val trimmed = text.trim()
    val binary = try {
        window.atob(trimmed)
    } catch (e: Throwable) {
        throw IllegalArgumentException("Malformed base64 input of length ${trimmed.length}", e)
    }
    return ByteArray(binary.length) { index -> binary[index].code.toByte() }
}
