package dev.kmpdata.crypto

/**
 * HMAC (RFC 2104) built on top of the platform [sha256] implementation.
 */
object Hmac {
    private const val BLOCK_SIZE = 64
    private const val INNER_PAD: Int = 0x36
    private const val OUTER_PAD: Int = 0x5c

    /**
     * Computes HMAC-SHA256 of [message] keyed with [key].
     */
    fun sha256(key: ByteArray, message: ByteArray): ByteArray {
        val normalizedKey = when {
            key.size > BLOCK_SIZE -> dev.kmpdata.crypto.sha256(key).copyOf(BLOCK_SIZE)
            key.size < BLOCK_SIZE -> key.copyOf(BLOCK_SIZE)
            else -> key
        }

        val innerKey = ByteArray(BLOCK_SIZE) { i -> (normalizedKey[i].toInt() xor INNER_PAD).toByte() }
        val outerKey = ByteArray(BLOCK_SIZE) { i -> (normalizedKey[i].toInt() xor OUTER_PAD).toByte() }

        val innerHash = dev.kmpdata.crypto.sha256(innerKey + message)
        return dev.kmpdata.crypto.sha256(outerKey + innerHash)
    }

    /** String convenience: both key and message are UTF-8 encoded. */
    fun sha256(key: String, message: String): ByteArray =
        sha256(key.encodeToByteArray(), message.encodeToByteArray())

    /**
     * Verifies [expectedMac] in constant time.
     */
    fun verify(key: ByteArray, message: ByteArray, expectedMac: ByteArray): Boolean {
        val actual = sha256(key, message)
        return constantTimeEquals(actual, expectedMac)
    }
}

/** Computes HMAC-SHA256 of this message with [key] and returns it as hex. */
fun ByteArray.hmacSha256Hex(key: ByteArray): String = Hmac.sha256(key, this).toHex()

/**
 * HKDF (RFC 5869) key derivation using HMAC-SHA256.
 *
 * @param ikm input keying material
 * @param salt optional salt; an all-zero salt is used when empty
 * @param info context and application specific information
 * @param length number of output bytes, at most 255 * 32
 */
fun hkdfSha256(ikm: ByteArray, salt: ByteArray, info: ByteArray, length: Int): ByteArray {
    require(length in 1..255 * SHA256_DIGEST_LENGTH) { "Invalid HKDF output length $length" }
    val effectiveSalt = if (salt.isEmpty()) ByteArray(SHA256_DIGEST_LENGTH) else salt
    val prk = Hmac.sha256(effectiveSalt, ikm)

    val output = ByteArray(length)
    var previous = ByteArray(0)
    var written = 0
    var counter = 1
    while (written < length) {
        previous = Hmac.sha256(prk, previous + info + byteArrayOf(counter.toByte()))
        val toCopy = minOf(previous.size, length - written)
        previous.copyInto(output, written, 0, toCopy)
        written += toCopy
        counter++
    }
    return output
}
