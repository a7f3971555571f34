package dev.kmpdata.crypto

import kotlinx.cinterop.ExperimentalForeignApi
import kotlinx.cinterop.addressOf
import kotlinx.cinterop.usePinned
import platform.posix.fclose
import platform.posix.fopen
import platform.posix.fread

actual object Sha256 {
    actual fun digest(data: ByteArray): ByteArray = Sha256Core.digest(data)
}

/** Reads from /dev/urandom, which both Darwin and Linux provide. */
@OptIn(ExperimentalForeignApi::class)
actual fun secureRandomBytes(size: Int): ByteArray {
    require(size >= 0) { "size must not be negative" }
    val out = ByteArray(size)
    if (size == 0) return out
    val file = fopen("/dev/urandom", "rb") ?: error("Cannot open /dev/urandom")
    try {
        var filled = 0
        out.usePinned { pinned ->
            while (filled < size) {
                val read = fread(pinned.addressOf(filled), 1u, (size - filled).toULong(), file)
                if (read == 0uL) error("Short read from /dev/urandom")
                filled += read.toInt()
            }
        }
    } finally {
        fclose(file)
    }
    return out
}

actual fun hex(bytes: ByteArray): String = encodeHex(bytes)
