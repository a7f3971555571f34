package dev.kmpdata.crypto

private const val HEX_DIGITS = "0123456789abcdef"

/**
 * Encodes [bytes] as standard, padded base64 (RFC 4648 section 4) without line breaks.
 */
expect fun base64Encode(bytes: ByteArray): String

/**
 * Decodes standard base64 [text]. Whitespace around the input is ignored.
 *
 * @throws IllegalArgumentException if [text] is not valid base64.
 */
expect fun base64Decode(text: String): ByteArray

/** Standard base64 encoding of this array. */
fun ByteArray.toBase64(): String = base64Encode(this)

/**
 * URL and filename safe base64 (RFC 4648 section 5) without padding, suitable
 * for tokens placed in query strings or cookies.
 */
fun ByteArray.toBase64Url(): String =
    base64Encode(this)
        .trimEnd('=')
        .replace('+', '-')
        .replace('/', '_')

/** Decodes standard base64. */
fun String.decodeBase64(): ByteArray = base64Decode(this)

/** Decodes URL-safe base64, with or without padding. */
fun String.decodeBase64Url(): ByteArray {
    val standard = replace('-', '+').replace('_', '/')
    val padding = when (standard.length % 4) {
        0 -> ""
        2 -> "=="
        3 -> "="
        else -> throw IllegalArgumentException("Invalid base64url length ${standard.length}")
    }
    return base64Decode(standard + padding)
}

/** Lowercase hex representation, two characters per byte. */
fun ByteArray.toHex(): String {
    val chars = CharArray(size * 2)
    for (i in indices) {
        val v = this[i].toInt() and 0xff
        chars[i * 2] = HEX_DIGITS[v ushr 4]
        chars[i * 2 + 1] = HEX_DIGITS[v and 0x0f]
    }
    return chars.concatToString()
}

/**
 * Parses a hex string (either case) into bytes.
 *
 * @throws IllegalArgumentException on odd length or non-hex characters.
 */
fun String.hexToBytes(): ByteArray {
    require(length % 2 == 0) { "Hex string must have an even length, was $length" }
    return ByteArray(length / 2) { i ->
        val hi = hexValue(this[i * 2])
        val lo = hexValue(this[i * 2 + 1])
        ((hi shl 4) or lo).toByte()
    }
}

private fun hexValue(c: Char): Int = when (c) {
    in '0'..'9' -> c - '0'
    in 'a'..'f' -> c - 'a' + 10
    in 'A'..'F' -> c - 'A' + 10
    else -> throw IllegalArgumentException("Not a hex digit: '$c'")
}

/**
 * Pure Kotlin base64 encoder used as a fallback by targets whose native
 * encoder only accepts strings (for example `btoa` in browsers).
 */
internal object PortableBase64 {
    private const val ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    private val decodeTable: IntArray by lazy {
        IntArray(128) { -1 }.also { table ->
            ALPHABET.forEachIndexed { index, c -> table[c.code] = index }
        }
    }

    fun encode(bytes: ByteArray): String = buildString((bytes.size + 2) / 3 * 4) {
        var i = 0
        while (i + 2 < bytes.size) {
            val n = ((bytes[i].toInt() and 0xff) shl 16) or
                ((bytes[i + 1].toInt() and 0xff) shl 8) or
                (bytes[i + 2].toInt() and 0xff)
            append(ALPHABET[n ushr 18 and 0x3f])
            append(ALPHABET[n ushr 12 and 0x3f])
            append(ALPHABET[n ushr 6 and 0x3f])
            append(ALPHABET[n and 0x3f])
            i += 3
        }
        when (bytes.size - i) {
            1 -> {
                val n = (bytes[i].toInt() and 0xff) shl 16
                append(ALPHABET[n ushr 18 and 0x3f])
                append(ALPHABET[n ushr 12 and 0x3f])
                append("==")
            }
            2 -> {
                val n = ((bytes[i].toInt() and 0xff) shl 16) or ((bytes[i + 1].toInt() and 0xff) shl 8)
                append(ALPHABET[n ushr 18 and 0x3f])
                append(ALPHABET[n ushr 12 and 0x3f])
                append(ALPHABET[n ushr 6 and 0x3f])
                append('=')
            }
        }
    }

    fun decode(text: String): ByteArray {
        val clean = text.trim().trimEnd('=')
        val out = ArrayList<Byte>(clean.length * 3 / 4)
        var buffer = 0
        var bits = 0
        for (c in clean) {
            val value = if (c.code < 128) decodeTable[c.code] else -1
            require(value >= 0) { "Invalid base64 character '$c'" }
            buffer = (buffer shl 6) or value
            bits += 6
            if (bits >= 8) {
                bits -= 8
                out.add((buffer ushr bits and 0xff).toByte())
            }
        }
        return out.toByteArray()
    }
}
