package dev.kmpdata.crypto

import kotlin.jvm.JvmInline

/**
 * Returns a random version 4 UUID in its canonical, 36 character form
 * (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`).
 *
 * The casing of hex digits is platform dependent; wrap the result in [Uuid]
 * if you need a normalised value.
 */
expect fun randomUuid(): String

private val UUID_PATTERN = Regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

/**
 * Type-safe wrapper around a canonical, lowercase UUID string.
 */
@JvmInline
value class Uuid private constructor(val value: String) {

    /** The UUID version nibble, e.g. `4` for random UUIDs. */
    val version: Int
        get() = value[14].digitToInt(16)

    /** True for the all-zero UUID. */
    val isNil: Boolean
        get() = value == NIL_STRING

    /** Returns the 16 raw bytes of this UUID. */
    fun toBytes(): ByteArray = value.replace("-", "").hexToBytes()

    override fun toString(): String = value

    companion object {
        private const val NIL_STRING = "00000000-0000-0000-0000-000000000000"

        /** The nil UUID, useful as a sentinel. */
        val NIL: Uuid = Uuid(NIL_STRING)

        /** Creates a new random UUID using the platform generator. */
        fun random(): Uuid = Uuid(randomUuid().lowercase())

        /**
         * Parses [text] into a [Uuid].
         * @throws IllegalArgumentException if [text] is not a canonical UUID.
         */
        fun parse(text: String): Uuid {
            require(UUID_PATTERN.matches(text)) { "Invalid UUID: '$text'" }
            return Uuid(text.lowercase())
        }

        /** Like [parse] but returns `null` for malformed input. */
        fun parseOrNull(text: String): Uuid? =
            if (UUID_PATTERN.matches(text)) Uuid(text.lowercase()) else null

        /**
         * Formats 16 random bytes as a version 4 UUID.
         *
         * Used by targets that do not expose a native UUID generator.
         */
        internal fun fromRandomBytes(bytes: ByteArray): String {
            require(bytes.size == 16) { "A UUID needs exactly 16 bytes, got ${bytes.size}" }
            val copy = bytes.copyOf()
            copy[6] = ((copy[6].toInt() and 0x0f) or 0x40).toByte()
            copy[8] = ((copy[8].toInt() and 0x3f) or 0x80).toByte()
            val hex = copy.toHex()
            return buildString(36) {
                append(hex, 0, 8)
                append('-')
                append(hex, 8, 12)
                append('-')
                append(hex, 12, 16)
                append('-')
                append(hex, 16, 20)
                append('-')
                append(hex, 20, 32)
            }
        }
    }
}
