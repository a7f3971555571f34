package dev.kmpdata.crypto

import kotlin.jvm.JvmInline

/** Length in bytes of a SHA-256 digest. */
const val SHA256_DIGEST_LENGTH: Int = 32

/**
 * Computes the SHA-256 digest of [bytes].
 *
 * Each platform delegates to its native provider where one exists
 * (`MessageDigest` on the JVM and Android, CommonCrypto on Apple platforms)
 * and falls back to [PureSha256] everywhere else.
 *
 * @return a new array of exactly [SHA256_DIGEST_LENGTH] bytes.
 */
expect fun sha256(bytes: ByteArray): ByteArray

/**
 * Computes the SHA-256 digest of the UTF-8 encoding of [text].
 *
 * This is an overload of [sha256] that avoids an intermediate copy on
 * platforms that can hash strings directly.
 */
expect fun sha256(text: String): ByteArray

/**
 * A SHA-256 digest rendered as 64 lowercase hex characters.
 *
 * The wrapper exists so that digests cannot be confused with arbitrary strings
 * in public APIs (for example cache keys vs. user supplied ids).
 */
@JvmInline
value class HexDigest(val value: String) {
    init {
        require(value.length == SHA256_DIGEST_LENGTH * 2) {
            "Expected ${SHA256_DIGEST_LENGTH * 2} hex characters, got ${value.length}"
        }
        require(value.all { it in '0'..'9' || it in 'a'..'f' }) {
            "Digest must be lowercase hex: $value"
        }
    }

    /** Decodes the digest back into its raw bytes. */
    fun toBytes(): ByteArray = value.hexToBytes()

    /** First [length] characters, handy for log output and short cache keys. */
    fun abbreviated(length: Int = 12): String = value.take(length)

    override fun toString(): String = value
}

/** Hashes this string with SHA-256 and returns the digest as [HexDigest]. */
fun String.sha256Hex(): HexDigest = HexDigest(sha256(this).toHex())

/** Hashes these bytes with SHA-256 and returns the digest as [HexDigest]. */
fun ByteArray.sha256Hex(): HexDigest = HexDigest(sha256(this).toHex())

/**
 * Hashes several chunks as if they were concatenated.
 *
 * Uses the portable implementation so the result is identical on every target.
 */
fun sha256Of(vararg chunks: ByteArray): ByteArray {
    val hasher = PureSha256()
    for (chunk in chunks) {
        hasher.update(chunk)
    }
    return hasher.digest()
}

/**
 * Compares two byte arrays in constant time with respect to their contents.
 *
 * Use this instead of [ByteArray.contentEquals] when comparing MACs or
 * password hashes so that an attacker cannot learn how many leading bytes matched.
 */
fun constantTimeEquals(a: ByteArray, b: ByteArray): Boolean {
    if (a.size != b.size) return false
    var result = 0
    for (i in a.indices) {
        result = result or (a[i].toInt() xor b[i].toInt())
    }
    return result == 0
}
