package dev.kmpdata.weather

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

/** A point on the globe, in decimal degrees. */
@Serializable
data class Coordinates(val latitude: Double, val longitude: Double) {
    fun isValid(): Boolean = latitude in -90.0..90.0 && longitude in -180.0..180.0
}

@Serializable
data class DailyForecast(
    val date: String,
    val minTemperature: Double,
    val maxTemperature: Double,
    val precipitationMm: Double,
    val condition: String,
)

@Serializable
data class Forecast(
    val location: Coordinates,
    val units: Units,
    val days: List<DailyForecast>,
    val fetchedAtMillis: Long,
)

/** Wire format returned by the forecast endpoint. Temperatures are always in Celsius. */
@Serializable
data class ForecastDto(
    val latitude: Double,
    val longitude: Double,
    val daily: DailyDto,
)

@Serializable
data class DailyDto(
    val time: List<String>,
    @SerialName("temperature_2m_min") val minC: List<Double>,
    @SerialName("temperature_2m_max") val maxC: List<Double>,
    @SerialName("precipitation_sum") val precipitation: List<Double>,
    @SerialName("weather_code") val weatherCode: List<Int>,
)

sealed class WeatherResult {
    data class Success(val forecast: Forecast, val fromCache: Boolean) : WeatherResult()
    data class Failure(val message: String, val cause: Throwable? = null) : WeatherResult()
    data object Loading : WeatherResult()
}

enum class Units(val symbol: String) {
    METRIC("°C"),
    IMPERIAL("°F");

    /** Converts a Celsius reading into this unit system. */
    fun fromCelsius(celsius: Double): Double = when (this) {
        METRIC -> celsius
        IMPERIAL -> celsius * 9.0 / 5.0 + 32.0
    }

    fun format(value: Double): String {
        val rounded = kotlin.math.round(value * 10) / 10
        return "$rounded$symbol"
    }
}
