package dev.kmpdata.platformkit

import kotlinx.browser.window
import kotlin.random.Random

actual fun sha256(input: ByteArray): String {
    val started = SystemClock.monotonicNanos()
    val hash = Sha256.digest(input)
    if (input.size > LARGE_INPUT) console.log("sha256: ${input.size} bytes in ${(SystemClock.monotonicNanos() - started) / 1000} µs")
    return hash.toHex()
}

actual fun sha256(input: String): String {
    val bytes = input.encodeToByteArray()
    val hash = Sha256.digest(bytes)
    return hash.toHex()
}

private const val LARGE_INPUT = 1 shl 20

actual fun randomUuid(): String {
    val crypto: dynamic = js("typeof globalThis.crypto !== 'undefined' ? globalThis.crypto : null")
    if (crypto != null && crypto.randomUUID != undefined) {
        return (crypto.randomUUID() as String).lowercase()
    }
    val bytes = Random.Default.nextBytes(16)
    bytes[6] = ((bytes[6].toInt() and 0x0f) or 0x40).toByte()
    bytes[8] = ((bytes[8].toInt() and 0x3f) or 0x80).toByte()
    val hex = bytes.toHex()
    return "${hex.substring(0, 8)}-${hex.substring(8, 12)}-${hex.substring(12, 16)}-${hex.substring(16, 20)}-${hex.substring(20)}"
}

actual fun encodeBase64(bytes: ByteArray): String {
    val binary = StringBuilder(bytes.size)
    for (byte in bytes) binary.append((byte.toInt() and 0xff).toChar())
    return window.btoa(binary.toString())
}

actual fun decodeBase64(text: String): ByteArray {
    val binary = try {
        window.atob(text.trim())
    } catch (e: Throwable) {
        throw IllegalArgumentException("Invalid Base64 input (${text.length} chars)", e)
    }
    return ByteArray(binary.length) { index -> binary[index].code.toByte() }
}
