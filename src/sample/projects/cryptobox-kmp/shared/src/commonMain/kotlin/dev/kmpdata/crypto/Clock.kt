package dev.kmpdata.crypto

/** Number of milliseconds in one second. */
const val MILLIS_PER_SECOND: Long = 1_000L

/**
 * Milliseconds since the Unix epoch according to the platform wall clock.
 *
 * Not monotonic: the value can jump when the user or NTP changes the system time.
 */
expect fun currentTimeMillis(): Long

/**
 * Source of the current time. Inject it instead of calling [currentTimeMillis]
 * directly so that expiry logic can be tested deterministically.
 */
fun interface TimeSource {
    fun nowMillis(): Long
}

/** [TimeSource] backed by the platform wall clock. */
object SystemTimeSource : TimeSource {
    override fun nowMillis(): Long = currentTimeMillis()
}

/**
 * Manually driven [TimeSource] for tests.
 */
class FixedTimeSource(private var now: Long = 0L) : TimeSource {

    override fun nowMillis(): Long = now

    /** Moves the clock forward by [millis]. */
    fun advanceBy(millis: Long) {
        require(millis >= 0) { "Time only moves forward, got $millis" }
        now += millis
    }

    operator fun plusAssign(millis: Long) = advanceBy(millis)
}

/** Seconds since the epoch for the given time source. */
val TimeSource.epochSeconds: Long
    get() = nowMillis() / MILLIS_PER_SECOND

/**
 * Measures how long [block] takes according to [timeSource].
 *
 * @return the block's result paired with the elapsed milliseconds.
 */
inline fun <T> measureMillis(timeSource: TimeSource = SystemTimeSource, block: () -> T): Pair<T, Long> {
    val start = timeSource.nowMillis()
    val result = block()
    return result to (timeSource.nowMillis() - start)
}
