package com.kmpdata.weather.data.remote.dto

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

/**
 * Response of `GET /v1/forecast`.
 *
 * Hourly and daily values are delivered column-wise: every list has the same
 * length as its `time` list.
 */
@Serializable
data class ForecastDto(
    val latitude: Double,
    val longitude: Double,
    val timezone: String = "UTC",
    @SerialName("utc_offset_seconds") val utcOffsetSeconds: Int = 0,
    @SerialName("current") val current: CurrentDto? = null,
    @SerialName("hourly") val hourly: HourlyDto? = null,
    @SerialName("daily") val daily: DailyDto? = null,
)

@Serializable
data class CurrentDto(
    val time: String,
    @SerialName("temperature_2m") val temperature: Double,
    @SerialName("apparent_temperature") val apparentTemperature: Double? = null,
    @SerialName("relative_humidity_2m") val relativeHumidity: Int? = null,
    @SerialName("wind_speed_10m") val windSpeed: Double = 0.0,
    @SerialName("wind_direction_10m") val windDirection: Int = 0,
    @SerialName("weather_code") val weatherCode: Int,
    @SerialName("is_day") val isDay: Int = 1,
)

@Serializable
data class HourlyDto(
    val time: List<String>,
    @SerialName("temperature_2m") val temperature: List<Double>,
    @SerialName("precipitation_probability") val precipitationProbability: List<Int?> = emptyList(),
    @SerialName("weather_code") val weatherCode: List<Int>,
) {
    /** Number of complete rows; defensive against truncated columns. */
    val size: Int
        get() = minOf(time.size, temperature.size, weatherCode.size)
}

@Serializable
data class DailyDto(
    val time: List<String>,
    @SerialName("temperature_2m_max") val temperatureMax: List<Double>,
    @SerialName("temperature_2m_min") val temperatureMin: List<Double>,
    @SerialName("precipitation_sum") val precipitationSum: List<Double> = emptyList(),
    @SerialName("weather_code") val weatherCode: List<Int>,
    val sunrise: List<String> = emptyList(),
    val sunset: List<String> = emptyList(),
)

/** Error body returned by the API with HTTP 400. */
@Serializable
data class ApiErrorDto(
    val error: Boolean = true,
    val reason: String,
)
