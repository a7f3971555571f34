package dev.kmpdata.crypto

/** SHA-256 as defined in FIPS 180-4. */
expect object Sha256 {
    /** Returns the 32-byte digest of [data]. */
    fun digest(data: ByteArray): ByteArray
}

/** Returns [size] bytes from the platform's cryptographically secure generator. */
expect fun secureRandomBytes(size: Int): ByteArray

/** Lower-case hexadecimal encoding of [bytes]. */
expect fun hex(bytes: ByteArray): String

/** Hex-encoded SHA-256 digest of the UTF-8 bytes of [text]. */
fun hex(text: String): String = hex(Sha256.digest(text.encodeToByteArray()))

internal const val HEX_DIGITS = "0123456789abcdef"

/** Shared encoder for platforms without a native hex routine. */
internal fun encodeHex(bytes: ByteArray): String {
    val out = CharArray(bytes.size * 2)
    for (i in bytes.indices) {
        val v = bytes[i].toInt() and 0xFF
        out[i * 2] = HEX_DIGITS[v ushr 4]
        out[i * 2 + 1] = HEX_DIGITS[v and 0x0F]
    }
    return out.concatToString()
}

/** Compares two arrays in time that depends only on their length. */
fun constantTimeEquals(a: ByteArray, b: ByteArray): Boolean {
    if (a.size != b.size) return false
    var diff = 0
    for (i in a.indices) {
        diff = diff or (a[i].toInt() xor b[i].toInt())
    }
    return diff == 0
}
