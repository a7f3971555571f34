package dev.kmpdata.crypto

import java.security.MessageDigest
import java.security.SecureRandom

actual object Sha256 {
    private val digests = ThreadLocal.withInitial { MessageDigest.getInstance("SHA-256") }

    actual fun digest(data: ByteArray): ByteArray {
        val md = digests.get()
        md.reset()
        return md.digest(data)
    }
}

private val random: SecureRandom by lazy { SecureRandom() }

actual fun secureRandomBytes(size: Int): ByteArray {
    require(size >= 0) { "size must not be negative" }
    return ByteArray(size).also(random::nextBytes)
}

@Suppress("NOTHING_TO_INLINE")
actual inline fun hex(bytes: ByteArray): String = java.util.HexFormat.of().formatHex(bytes)
