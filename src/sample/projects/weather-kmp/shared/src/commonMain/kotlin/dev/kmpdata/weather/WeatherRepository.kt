package dev.kmpdata.weather

import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes

interface WeatherRepository {
    suspend fun forecast(location: Coordinates, units: Units, days: Int, forceRefresh: Boolean = false): WeatherResult
    fun clearCache()
}

class CachingWeatherRepository(
    private val api: WeatherApi,
    private val clock: () -> Long,
    private val ttl: Duration = 30.minutes,
) : WeatherRepository {

    private data class CacheKey(val lat: Int, val lon: Int, val days: Int)
    private class Entry(val dto: ForecastDto, val storedAt: Long)

    private val cache = mutableMapOf<CacheKey, Entry>()

    override suspend fun forecast(
        location: Coordinates,
        units: Units,
        days: Int,
        forceRefresh: Boolean,
    ): WeatherResult {
        val key = keyFor(location, days)
        val now = clock()
        val cached = cache[key]
        if (!forceRefresh && cached != null && !isExpired(cached, now)) {
            return WeatherResult.Success(cached.dto.toDomain(units, cached.storedAt), fromCache = true)
        }
        val result = api.fetchForecast(location, days)
        return result.fold(
            onSuccess = { dto ->
                cache[key] = Entry(dto, now)
                evictExpired(now)
                WeatherResult.Success(dto.toDomain(units, now), fromCache = false)
            },
            onFailure = { error ->
                // Serve stale data rather than nothing when the network is down.
                if (cached != null) {
                    WeatherResult.Success(cached.dto.toDomain(units, cached.storedAt), fromCache = true)
                } else {
                    WeatherResult.Failure(error.message ?: "Unknown error", error)
                }
            },
        )
    }

    override fun clearCache() {
        cache.clear()
    }

    private fun isExpired(entry: Entry, now: Long): Boolean =
        now - entry.storedAt > ttl.inWholeMilliseconds

    private fun evictExpired(now: Long) {
        val iterator = cache.entries.iterator()
        while (iterator.hasNext()) {
            if (isExpired(iterator.next().value, now)) iterator.remove()
        }
    }

    /** Rounds coordinates to two decimals so nearby lookups share a cache slot. */
    private fun keyFor(location: Coordinates, days: Int) = CacheKey(
        lat = (location.latitude * 100).toInt(),
        lon = (location.longitude * 100).toInt(),
        days = days,
    )
}
