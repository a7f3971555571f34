package dev.kmpdata.platformkit

import kotlin.jvm.JvmInline

/**
 * Returns a new random (version 4) UUID in its canonical lowercase form,
 * e.g. `3f0e2a9c-5b1d-4f6e-8a7b-2c4d6e8f0a1b`.
 */
expect fun randomUuid(): String

private val UUID_PATTERN = Regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

/** Type-safe wrapper around a canonical UUID string. */
@JvmInline
value class Uuid(val value: String) : Comparable<Uuid> {
    init {
        require(UUID_PATTERN.matches(value)) { "Not a canonical UUID: $value" }
    }

    val version: Int
        get() = value[14].digitToInt(16)

    val compact: String
        get() = value.replace("-", "")

    override fun compareTo(other: Uuid): Int = value.compareTo(other.value)

    override fun toString(): String = value

    companion object {
        val NIL = Uuid("00000000-0000-0000-0000-000000000000")

        fun random(): Uuid = Uuid(randomUuid())

        fun parseOrNull(text: String): Uuid? {
            val normalized = text.trim().lowercase().removeSurrounding("{", "}")
            return if (UUID_PATTERN.matches(normalized)) Uuid(normalized) else null
        }

        /** Derives a stable, name-based identifier (SHA-256 truncated, version nibble set to 8). */
        fun nameBased(namespace: Uuid, name: String): Uuid {
            val hex = sha256(namespace.compact + name).take(32).toCharArray()
            hex[12] = '8'
            val variant = (hex[16].digitToInt(16) and 0x3) or 0x8
            hex[16] = variant.digitToChar(16)
            val s = hex.concatToString()
            return Uuid("${s.substring(0, 8)}-${s.substring(8, 12)}-${s.substring(12, 16)}-${s.substring(16, 20)}-${s.substring(20)}")
        }
    }
}
