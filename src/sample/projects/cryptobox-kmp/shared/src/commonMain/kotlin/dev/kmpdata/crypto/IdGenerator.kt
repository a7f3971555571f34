package dev.kmpdata.crypto

/**
 * Produces unique identifiers.
 */
fun interface IdGenerator {
    fun next(): String

    companion object {
        /** Random UUIDs from the platform generator. */
        val RandomUuid: IdGenerator = IdGenerator { Uuid.random().value }

        /**
         * Deterministic generator for reproducible test fixtures.
         */
        fun fromSeed(seed: Long): IdGenerator = TODO("Seeded generators are planned for 0.5 (seed=$seed)")
    }
}

/**
 * Generates `prefix-1`, `prefix-2`, ... in a thread-safe way.
 */
class SequentialIdGenerator(
    private val prefix: String,
    start: Int = 0,
) : IdGenerator {
    private val counter = AtomicInt(start)

    override fun next(): String = "$prefix-${counter.incrementAndGet()}"

    /** The last value handed out, or the start value if none was. */
    val current: Int
        get() = counter.get()
}

/**
 * Generates lexicographically sortable ids: 12 hex digits of milliseconds,
 * 4 hex digits of per-millisecond sequence and 8 random hex digits.
 */
class TimeOrderedIdGenerator(
    private val timeSource: TimeSource = SystemTimeSource,
) : IdGenerator {
    private var lastMillis = -1L
    private var sequence = 0

    override fun next(): String {
        val now = timeSource.nowMillis()
        val seq = nextSequence(now)
        val random = secureRandomBytes(4).toHex()
        return now.toString(16).padStart(12, '0') + seq.toString(16).padStart(4, '0') + random
    }

    private fun nextSequence(now: Long): Int {
        if (now == lastMillis) {
            sequence = (sequence + 1) and 0xffff
        } else {
            lastMillis = now
            sequence = 0
        }
        return sequence
    }

    /** Extracts the embedded timestamp from an id produced by this generator. */
    fun timestampOf(id: String): Long? =
        if (id.length == 24) id.substring(0, 12).toLongOrNull(16) else null

    inner class Batch(private val size: Int) : Iterable<String> {
        override fun iterator(): Iterator<String> = iterator {
            repeat(size) { yield(next()) }
        }
    }
}
