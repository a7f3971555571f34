package com.kmpdata.weather.domain.model

import kotlinx.datetime.Instant
import kotlinx.datetime.LocalDate
import kotlinx.datetime.LocalDateTime

/**
 * A place the user can request a forecast for.
 */
data class City(
    val id: Long,
    val name: String,
    val country: String,
    val region: String?,
    val latitude: Double,
    val longitude: Double,
    val timezone: String? = null,
) {
    /** "Name, Region, Country" without empty parts. */
    val displayName: String
        get() = listOfNotNull(name, region?.takeIf { it != name }, country.ifBlank { null })
            .joinToString(", ")

    /** Cache key rounded to ~1km so nearby lookups share entries. */
    val cacheKey: String
        get() = "${(latitude * 100).toLong()}:${(longitude * 100).toLong()}"
}

/**
 * Full forecast for a [City].
 */
data class Forecast(
    val city: City,
    val current: CurrentConditions,
    val hourly: List<HourlyPoint>,
    val daily: List<DailyForecast>,
    val fetchedAt: Instant,
) {
    /** The next [count] hourly points starting at or after [from]. */
    fun upcomingHours(from: LocalDateTime, count: Int = 24): List<HourlyPoint> =
        hourly.asSequence()
            .filter { it.time >= from }
            .take(count)
            .toList()

    /** Today's forecast if present. */
    val today: DailyForecast?
        get() = daily.firstOrNull()
}

data class CurrentConditions(
    val time: LocalDateTime,
    val temperature: Temperature,
    val feelsLike: Temperature?,
    val humidityPercent: Int?,
    val wind: Wind,
    val condition: WeatherCondition,
    val isDay: Boolean,
)

data class HourlyPoint(
    val time: LocalDateTime,
    val temperature: Temperature,
    val precipitationChance: Int?,
    val condition: WeatherCondition,
)

data class DailyForecast(
    val date: LocalDate,
    val min: Temperature,
    val max: Temperature,
    val precipitationMm: Double,
    val condition: WeatherCondition,
    val sunrise: LocalDateTime?,
    val sunset: LocalDateTime?,
) {
    val range: ClosedRange<Temperature>
        get() = min..max
}

/**
 * Wind speed in km/h and meteorological direction in degrees.
 */
data class Wind(val speedKmh: Double, val directionDegrees: Int) {

    /** 16-point compass direction, e.g. `NNE`. */
    val compassPoint: String
        get() {
            val normalized = ((directionDegrees % 360) + 360) % 360
            val index = ((normalized + 11.25) / 22.5).toInt() % 16
            return COMPASS[index]
        }

    /** Beaufort number 0..12. */
    val beaufort: Int
        get() = BEAUFORT_LIMITS.indexOfFirst { speedKmh < it }.let { if (it == -1) 12 else it }

    companion object {
        private val COMPASS = listOf(
            "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
            "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW",
        )
        private val BEAUFORT_LIMITS = listOf(1.0, 6.0, 12.0, 20.0, 29.0, 39.0, 50.0, 62.0, 75.0, 89.0, 103.0, 118.0)
    }
}
