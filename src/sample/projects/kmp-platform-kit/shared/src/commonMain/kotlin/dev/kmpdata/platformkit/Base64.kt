package dev.kmpdata.platformkit

/**
 * Encodes [bytes] with the standard Base64 alphabet (RFC 4648 §4), with padding and without line breaks.
 */
expect fun encodeBase64(bytes: ByteArray): String

/**
 * Decodes standard, padded Base64 [text] into bytes.
 * @throws IllegalArgumentException when the input is not valid Base64.
 */
expect fun decodeBase64(text: String): ByteArray

/** Base64 variants built on top of the platform codec. */
enum class Base64Variant {
    STANDARD {
        override fun encode(bytes: ByteArray): String = encodeBase64(bytes)
        override fun decode(text: String): ByteArray = decodeBase64(text)
    },
    URL_SAFE {
        override fun encode(bytes: ByteArray): String =
            encodeBase64(bytes).replace('+', '-').replace('/', '_').trimEnd('=')

        override fun decode(text: String): ByteArray {
            val standard = text.replace('-', '+').replace('_', '/')
            val padding = (4 - standard.length % 4) % 4
            return decodeBase64(standard + "=".repeat(padding))
        }
    };

    abstract fun encode(bytes: ByteArray): String
    abstract fun decode(text: String): ByteArray
}

fun String.encodeBase64(variant: Base64Variant = Base64Variant.STANDARD): String = variant.encode(encodeToByteArray())

fun String.decodeBase64String(variant: Base64Variant = Base64Variant.STANDARD): String =
    variant.decode(this).decodeToString()

/** Returns true when [text] only uses characters of the standard alphabet and has a valid length. */
fun isLikelyBase64(text: String): Boolean {
    if (text.isEmpty() || text.length % 4 != 0) return false
    val body = text.trimEnd('=')
    if (text.length - body.length > 2) return false
    return body.all { it.isLetterOrDigit() || it == '+' || it == '/' }
}
