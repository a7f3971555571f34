package dev.kmpdata.platformkit

/**
 * Access to the platform clocks.
 * [nowMillis] follows wall-clock time and may jump; [monotonicNanos] only ever moves forward
 * and is the right choice for measuring durations.
 */
expect object SystemClock {
    /** Milliseconds since the Unix epoch (UTC). */
    fun nowMillis(): Long

    /** A monotonic timestamp in nanoseconds with an arbitrary origin. */
    fun monotonicNanos(): Long
}

/** Abstraction over time so callers can substitute a fake in tests. */
interface TimeSource {
    fun nowMillis(): Long
    fun monotonicNanos(): Long

    companion object {
        val System: TimeSource = object : TimeSource {
            override fun nowMillis(): Long = SystemClock.nowMillis()
            override fun monotonicNanos(): Long = SystemClock.monotonicNanos()
        }
    }
}

/** Measures elapsed time with named laps. */
class Stopwatch(private val source: TimeSource = TimeSource.System) {
    private val laps = mutableListOf<Lap>()
    private var startedAt: Long = source.monotonicNanos()

    val elapsedMillis: Long
        get() = (source.monotonicNanos() - startedAt) / 1_000_000

    fun lap(name: String): Lap {
        val lap = Lap(name, source.monotonicNanos())
        laps += lap
        return lap
    }

    fun reset() {
        laps.clear()
        startedAt = source.monotonicNanos()
    }

    fun summary(): String = laps.joinToString(separator = ", ") { "${it.name}=${it.sincePreviousMillis}ms" }

    /** A lap keeps a reference to its stopwatch to compute the time since the previous lap. */
    inner class Lap internal constructor(val name: String, val atNanos: Long) {
        val sinceStartMillis: Long
            get() = (atNanos - startedAt) / 1_000_000

        val sincePreviousMillis: Long
            get() {
                val index = laps.indexOf(this)
                val previous = if (index > 0) laps[index - 1].atNanos else startedAt
                return (atNanos - previous) / 1_000_000
            }
    }
}

/** Runs [block] and returns its result together with the elapsed monotonic time in milliseconds. */
inline fun <T> measureMillis(block: () -> T): Pair<T, Long> {
    val start = SystemClock.monotonicNanos()
    val result = block()
    return result to (SystemClock.monotonicNanos() - start) / 1_000_000
}
