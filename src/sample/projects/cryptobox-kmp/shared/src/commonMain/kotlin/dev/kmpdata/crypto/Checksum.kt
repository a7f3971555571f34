package dev.kmpdata.crypto

/**
 * A streaming, non-cryptographic checksum.
 */
interface Checksum {
    /** The checksum of all bytes seen since the last [reset]. */
    val value: Long

    /** Feeds [length] bytes of [bytes] starting at [offset]. */
    fun update(bytes: ByteArray, offset: Int = 0, length: Int = bytes.size - offset)

    /** Restores the initial state. */
    fun reset()
}

/**
 * CRC-32 (IEEE 802.3, reflected polynomial `0xEDB88320`).
 */
class Crc32 : Checksum {
    private var crc: Int = -1

    override val value: Long
        get() = (crc.inv().toLong() and 0xffffffffL)

    override fun update(bytes: ByteArray, offset: Int, length: Int) {
        var c = crc
        for (i in offset until offset + length) {
            val index = (c xor bytes[i].toInt()) and 0xff
            c = TABLE[index] xor (c ushr 8)
        }
        crc = c
    }

    override fun reset() {
        crc = -1
    }

    companion object {
        private const val POLYNOMIAL: Int = 0xEDB88320.toInt()

        private val TABLE: IntArray by lazy {
            IntArray(256) { n ->
                var c = n
                repeat(8) {
                    c = if (c and 1 != 0) POLYNOMIAL xor (c ushr 1) else c ushr 1
                }
                c
            }
        }
    }
}

/**
 * Adler-32 as used by zlib. Faster than [Crc32] but weaker for short inputs.
 */
class Adler32 : Checksum {
    private var a = 1L
    private var b = 0L

    override val value: Long
        get() = (b shl 16) or a

    override fun update(bytes: ByteArray, offset: Int, length: Int) {
        for (i in offset until offset + length) {
            a = (a + (bytes[i].toInt() and 0xff)) % MOD_ADLER
            b = (b + a) % MOD_ADLER
        }
    }

    override fun reset() {
        a = 1L
        b = 0L
    }

    private companion object {
        const val MOD_ADLER = 65_521L
    }
}

/** Computes a checksum of this array with a fresh instance from [factory]. */
inline fun ByteArray.checksum(factory: () -> Checksum): Long {
    val checksum = factory()
    checksum.update(this)
    return checksum.value
}

/** CRC-32 of this array. */
fun ByteArray.crc32(): Long = checksum(::Crc32)

/** CRC-32 of the UTF-8 encoding of this string, formatted as 8 hex digits. */
fun String.crc32Hex(): String = encodeToByteArray().crc32().toString(16).padStart(8, '0')
