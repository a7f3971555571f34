package com.kmpdata.weather.data.local

import com.kmpdata.weather.domain.model.Forecast
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.datetime.Clock
import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes

/**
 * A forecast plus the moment it was stored.
 */
data class CachedForecast(val forecast: Forecast, val storedAtMillis: Long) {
    fun ageMillis(nowMillis: Long): Long = nowMillis - storedAtMillis
}

/**
 * Local store of recently fetched forecasts.
 */
interface ForecastCache {
    suspend fun get(key: String): CachedForecast?

    suspend fun put(key: String, forecast: Forecast)

    /** Returns `true` if the entry for [key] is missing or older than the TTL. */
    suspend fun isStale(key: String): Boolean

    suspend fun clear()
}

/**
 * LRU, time-bounded in-memory [ForecastCache].
 *
 * @param ttl age after which entries are considered stale (but still returned)
 * @param maxEntries maximum number of cities kept
 */
class InMemoryForecastCache(
    private val ttl: Duration = 30.minutes,
    private val maxEntries: Int = 16,
    private val clock: Clock = Clock.System,
) : ForecastCache {

    private val mutex = Mutex()
    private val entries = LinkedHashMap<String, CachedForecast>()

    override suspend fun get(key: String): CachedForecast? = mutex.withLock {
        val entry = entries.remove(key) ?: return@withLock null
        // Re-insert to mark as most recently used.
        entries[key] = entry
        entry
    }

    override suspend fun put(key: String, forecast: Forecast) {
        mutex.withLock {
            entries.remove(key)
            entries[key] = CachedForecast(forecast, clock.now().toEpochMilliseconds())
            while (entries.size > maxEntries) {
                val eldest = entries.keys.first()
                entries.remove(eldest)
            }
        }
    }

    override suspend fun isStale(key: String): Boolean = mutex.withLock {
        val entry = entries[key] ?: return@withLock true
        entry.ageMillis(clock.now().toEpochMilliseconds()) > ttl.inWholeMilliseconds
    }

    override suspend fun clear() {
        mutex.withLock { entries.clear() }
    }

    /** Number of cached cities; for diagnostics. */
    suspend fun size(): Int = mutex.withLock { entries.size }
}
