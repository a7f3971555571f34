package dev.kmpdata.crypto

import kotlin.random.Random

actual object Sha256 {
    actual fun digest(data: ByteArray): ByteArray = Sha256Core.digest(data)
}

/**
 * Node's crypto module would be the right source here; until it is wired in through
 * external declarations, kotlin.random fills the bytes. Do not use these for real keys.
 */
actual fun secureRandomBytes(size: Int): ByteArray {
    require(size >= 0) { "size must not be negative" }
    return Random.Default.nextBytes(size)
}

actual fun hex(bytes: ByteArray): String = encodeHex(bytes)
