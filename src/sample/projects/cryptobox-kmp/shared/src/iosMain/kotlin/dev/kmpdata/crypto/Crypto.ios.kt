package dev.kmpdata.crypto

import kotlinx.cinterop.BetaInteropApi
import kotlinx.cinterop.ExperimentalForeignApi
import kotlinx.cinterop.addressOf
import kotlinx.cinterop.allocArrayOf
import kotlinx.cinterop.convert
import kotlinx.cinterop.memScoped
import kotlinx.cinterop.usePinned
import platform.CoreCrypto.CC_SHA256
import platform.CoreCrypto.CC_SHA256_DIGEST_LENGTH
import platform.Foundation.NSData
import platform.Foundation.NSUUID
import platform.Foundation.base64EncodedStringWithOptions
import platform.Foundation.create
import platform.Security.SecRandomCopyBytes
import platform.Security.errSecSuccess
import platform.Security.kSecRandomDefault
import platform.posix.memcpy

@OptIn(ExperimentalForeignApi::class, ExperimentalUnsignedTypes::class)
actual fun sha256(bytes: ByteArray): ByteArray {
    if (bytes.isEmpty()) {
        // addressOf(0) is not allowed on an empty array.
        return PureSha256.hash(bytes)
    }
    val digest = UByteArray(CC_SHA256_DIGEST_LENGTH)
    bytes.usePinned { input ->
        digest.usePinned { output ->
            CC_SHA256(input.addressOf(0), bytes.size.convert(), output.addressOf(0))
        }
    }
    return digest.asByteArray()
}

actual fun sha256(text: String): ByteArray {
    val utf8 = text.encodeToByteArray()
    return sha256(utf8)
}

actual fun randomUuid(): String {
    val uuid = NSUUID()
    return uuid.UUIDString.lowercase()
}

@OptIn(ExperimentalForeignApi::class)
actual fun secureRandomBytes(size: Int): ByteArray {
    require(size >= 0) { "size must be non-negative, was $size" }
    val bytes = ByteArray(size)
    if (size == 0) return bytes
    val status = bytes.usePinned { pinned ->
        SecRandomCopyBytes(kSecRandomDefault, size.convert(), pinned.addressOf(0))
    }
    check(status == errSecSuccess) { "SecRandomCopyBytes failed with status $status" }
    return bytes
}

actual fun base64Encode(bytes: ByteArray): String {
    if (bytes.isEmpty()) return ""
    val data = bytes.toNSData()
    return data.base64EncodedStringWithOptions(0u)
}

@OptIn(BetaInteropApi::class)
actual fun base64Decode(text: String): ByteArray {
    val trimmed = text.trim()
    if (trimmed.isEmpty()) return ByteArray(0)
    val data = NSData.create(base64EncodedString = trimmed, options = 0u)
        ?: throw IllegalArgumentException("Malformed base64 input of length ${trimmed.length}")
    return data.toByteArray()
}

/** Copies this array into a new [NSData]. */
@OptIn(ExperimentalForeignApi::class, BetaInteropApi::class)
internal fun ByteArray.toNSData(): NSData = memScoped {
    NSData.create(bytes = allocArrayOf(this@toNSData), length = this@toNSData.size.convert())
}

/** Copies the contents of this [NSData] into a Kotlin [ByteArray]. */
@OptIn(ExperimentalForeignApi::class)
internal fun NSData.toByteArray(): ByteArray {
    val size = length.toInt()
    val result = ByteArray(size)
    if (size == 0) return result
    result.usePinned { pinned ->
        memcpy(pinned.addressOf(0), bytes, length)
    }
    return result
}
