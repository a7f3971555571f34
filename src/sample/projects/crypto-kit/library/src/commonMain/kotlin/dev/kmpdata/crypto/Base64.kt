package dev.kmpdata.crypto

/**
 * RFC 4648 Base64 codec. Set [urlSafe] to use the "-_" alphabet and [padding] to control '=' output.
 */
class Base64(private val urlSafe: Boolean = false, private val padding: Boolean = true) {

    private val alphabet: String =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" + if (urlSafe) "-_" else "+/"

    private val lookup: IntArray = IntArray(128) { -1 }.also { table ->
        for (i in alphabet.indices) table[alphabet[i].code] = i
    }

    fun encode(data: ByteArray): String {
        val sb = StringBuilder((data.size + 2) / 3 * 4)
        var i = 0
        while (i + 3 <= data.size) {
            val chunk = (data[i].toInt() and 0xFF shl 16) or
                (data[i + 1].toInt() and 0xFF shl 8) or
                (data[i + 2].toInt() and 0xFF)
            sb.append(alphabet[chunk ushr 18 and 0x3F])
            sb.append(alphabet[chunk ushr 12 and 0x3F])
            sb.append(alphabet[chunk ushr 6 and 0x3F])
            sb.append(alphabet[chunk and 0x3F])
            i += 3
        }
        when (data.size - i) {
            1 -> {
                val chunk = data[i].toInt() and 0xFF shl 16
                sb.append(alphabet[chunk ushr 18 and 0x3F])
                sb.append(alphabet[chunk ushr 12 and 0x3F])
                if (padding) sb.append("==")
            }
            2 -> {
                val chunk = (data[i].toInt() and 0xFF shl 16) or (data[i + 1].toInt() and 0xFF shl 8)
                sb.append(alphabet[chunk ushr 18 and 0x3F])
                sb.append(alphabet[chunk ushr 12 and 0x3F])
                sb.append(alphabet[chunk ushr 6 and 0x3F])
                if (padding) sb.append('=')
            }
        }
        return sb.toString()
    }

    fun encode(text: String): String = encode(text.encodeToByteArray())

    /** Decodes [input], ignoring whitespace and trailing padding. */
    fun decode(input: String): ByteArray {
        val clean = input.filterNot { it.isWhitespace() }.trimEnd('=')
        require(clean.length % 4 != 1) { "Invalid Base64 length" }
        val out = ByteArray(clean.length * 3 / 4)
        var buffer = 0
        var bits = 0
        var pos = 0
        for (ch in clean) {
            val value = if (ch.code < 128) lookup[ch.code] else -1
            require(value >= 0) { "Invalid Base64 character '$ch'" }
            buffer = (buffer shl 6) or value
            bits += 6
            if (bits >= 8) {
                bits -= 8
                out[pos++] = (buffer ushr bits and 0xFF).toByte()
            }
        }
        return out
    }

    fun decodeToString(input: String): String = decode(input).decodeToString()

    companion object {
        val Default = Base64()
        val UrlSafe = Base64(urlSafe = true, padding = false)
    }
}
