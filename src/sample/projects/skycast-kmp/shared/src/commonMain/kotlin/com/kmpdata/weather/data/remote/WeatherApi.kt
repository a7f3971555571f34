package com.kmpdata.weather.data.remote

import com.kmpdata.weather.data.remote.dto.ForecastDto
import com.kmpdata.weather.data.remote.dto.GeoResultDto

/** Base URL of the forecast service. */
const val FORECAST_BASE_URL = "https://api.open-meteo.com/"

/** Base URL of the geocoding service. */
const val GEOCODING_BASE_URL = "https://geocoding-api.open-meteo.com/"

/**
 * Remote weather data source.
 *
 * All functions are main-safe and throw [ApiException] on failure.
 */
interface WeatherApi {
    /**
     * Loads current, hourly and daily data for a coordinate.
     *
     * @param days number of forecast days, 1..16
     */
    suspend fun forecast(latitude: Double, longitude: Double, days: Int = 7): ForecastDto

    /** Searches places by name; returns at most [limit] results. */
    suspend fun searchCities(query: String, limit: Int = 10): List<GeoResultDto>
}

/**
 * Failures raised by [WeatherApi] implementations.
 */
sealed class ApiException(message: String, cause: Throwable? = null) : Exception(message, cause) {
    /** No connectivity or the request timed out. */
    class Network(cause: Throwable) : ApiException("Network unavailable: ${cause.message}", cause)

    /** The server answered with a non-success status. */
    class Http(val status: Int, val reason: String?) : ApiException("HTTP $status: ${reason ?: "no reason"}")

    /** The payload could not be decoded. */
    class Parsing(cause: Throwable) : ApiException("Malformed response", cause)

    /** True if retrying later might help. */
    val isRetryable: Boolean
        get() = when (this) {
            is Network -> true
            is Http -> status >= 500 || status == 429
            is Parsing -> false
        }
}
