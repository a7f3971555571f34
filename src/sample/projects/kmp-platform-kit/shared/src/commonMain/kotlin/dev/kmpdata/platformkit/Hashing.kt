package dev.kmpdata.platformkit

private const val HEX_DIGITS = "0123456789abcdef"

/** Number of bytes in a SHA-256 digest. */
const val SHA256_SIZE_BYTES = 32

/**
 * Computes the SHA-256 digest of [input] and returns it as a lowercase hex string.
 * Uses the platform's native implementation where one exists (MessageDigest, CommonCrypto).
 */
expect fun sha256(input: ByteArray): String

/**
 * Computes the SHA-256 digest of the UTF-8 encoding of [input].
 * Overload of [sha256] for text, e.g. cache keys or content fingerprints.
 */
expect fun sha256(input: String): String

/** Encodes bytes as lowercase hexadecimal, two characters per byte. */
fun ByteArray.toHex(): String {
    val out = StringBuilder(size * 2)
    for (byte in this) {
        val value = byte.toInt() and 0xff
        out.append(HEX_DIGITS[value ushr 4])
        out.append(HEX_DIGITS[value and 0x0f])
    }
    return out.toString()
}

/** Parses a hex string produced by [toHex]; throws on odd length or invalid characters. */
fun String.hexToBytes(): ByteArray {
    require(length % 2 == 0) { "Hex string must have an even length, was $length" }
    return ByteArray(length / 2) { index ->
        val high = HEX_DIGITS.indexOf(this[index * 2].lowercaseChar())
        val low = HEX_DIGITS.indexOf(this[index * 2 + 1].lowercaseChar())
        require(high >= 0 && low >= 0) { "Invalid hex digit near position ${index * 2}" }
        ((high shl 4) or low).toByte()
    }
}

/** A SHA-256 digest, compared in constant time to avoid leaking timing information. */
class Digest private constructor(private val bytes: ByteArray) {
    val hex: String by lazy { bytes.toHex() }

    fun matches(other: Digest): Boolean {
        if (bytes.size != other.bytes.size) return false
        var diff = 0
        for (i in bytes.indices) diff = diff or (bytes[i].toInt() xor other.bytes[i].toInt())
        return diff == 0
    }

    override fun equals(other: Any?): Boolean = other is Digest && matches(other)

    override fun hashCode(): Int = bytes.contentHashCode()

    override fun toString(): String = "Digest(${hex.take(12)}…)"

    companion object {
        fun of(data: ByteArray): Digest = Digest(sha256(data).hexToBytes())
        fun of(text: String): Digest = Digest(sha256(text).hexToBytes())
        fun fromHex(hex: String): Digest {
            val raw = hex.hexToBytes()
            require(raw.size == SHA256_SIZE_BYTES) { "Expected $SHA256_SIZE_BYTES bytes, got ${raw.size}" }
            return Digest(raw)
        }
    }
}
