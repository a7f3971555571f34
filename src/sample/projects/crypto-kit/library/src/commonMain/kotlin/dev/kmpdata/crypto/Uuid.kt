package dev.kmpdata.crypto

import kotlin.jvm.JvmInline

/** A version-4 UUID kept in its canonical 36-character form. */
@JvmInline
value class Uuid private constructor(val value: String) {

    val version: Int get() = value[14].digitToInt(16)

    override fun toString(): String = value

    companion object {
        private val PATTERN = Regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

        fun random(): Uuid {
            val bytes = secureRandomBytes(16)
            // Version 4: the high nibble of byte 6 is 0100.
            bytes[6] = ((bytes[6].toInt() and 0x0F) or 0x40).toByte()
            // IETF variant: the two high bits of byte 8 are 10.
            bytes[8] = ((bytes[8].toInt() and 0x3F) or 0x80).toByte()
            return fromBytes(bytes)
        }

        fun fromBytes(bytes: ByteArray): Uuid {
            require(bytes.size == 16) { "A UUID needs 16 bytes, got ${bytes.size}" }
            val h = hex(bytes)
            val text = buildString(36) {
                append(h, 0, 8).append('-')
                append(h, 8, 12).append('-')
                append(h, 12, 16).append('-')
                append(h, 16, 20).append('-')
                append(h, 20, 32)
            }
            return Uuid(text)
        }

        fun parse(text: String): Uuid {
            val lower = text.lowercase()
            require(PATTERN.matches(lower)) { "Not a UUID: $text" }
            return Uuid(lower)
        }

        fun parseOrNull(text: String): Uuid? = runCatching { parse(text) }.getOrNull()
    }
}
