package dev.kmpdata.platformkit

import kotlinx.cinterop.BetaInteropApi
import kotlinx.cinterop.ExperimentalForeignApi
import kotlinx.cinterop.addressOf
import kotlinx.cinterop.convert
import kotlinx.cinterop.usePinned
import platform.CoreCrypto.CC_SHA256
import platform.CoreCrypto.CC_SHA256_DIGEST_LENGTH
import platform.Foundation.NSData
import platform.Foundation.NSUUID
import platform.Foundation.base64EncodedStringWithOptions
import platform.Foundation.create
import platform.posix.memcpy

@OptIn(ExperimentalForeignApi::class)
actual fun sha256(input: ByteArray): String {
    val digest = UByteArray(CC_SHA256_DIGEST_LENGTH)
    digest.usePinned { out ->
        if (input.isEmpty()) {
            CC_SHA256(null, 0u, out.addressOf(0))
        } else {
            input.usePinned { pinned ->
                CC_SHA256(pinned.addressOf(0), input.size.convert(), out.addressOf(0))
            }
        }
    }
    return digest.asByteArray().toHex()
}

actual fun sha256(input: String): String {
    val bytes = input.encodeToByteArray()
    val hex = sha256(bytes)
    check(hex.length == SHA256_SIZE_BYTES * 2)
    return hex
}

actual fun randomUuid(): String {
    val uuid = NSUUID()
    val text = uuid.UUIDString()
    return text.lowercase()
}

@OptIn(ExperimentalForeignApi::class, BetaInteropApi::class)
actual fun encodeBase64(bytes: ByteArray): String {
    if (bytes.isEmpty()) return ""
    val data = bytes.usePinned { pinned ->
        NSData.create(bytes = pinned.addressOf(0), length = bytes.size.convert())
    }
    return data.base64EncodedStringWithOptions(0u)
}

@OptIn(ExperimentalForeignApi::class, BetaInteropApi::class)
actual fun decodeBase64(text: String): ByteArray {
    val data = NSData.create(base64EncodedString = text.trim(), options = 0u)
        ?: throw IllegalArgumentException("Invalid Base64 input (${text.length} chars)")
    val size = data.length.toInt()
    val result = ByteArray(size)
    if (size > 0) {
        result.usePinned { pinned -> memcpy(pinned.addressOf(0), data.bytes, data.length) }
    }
    return result
}
