package com.kmpdata.weather.data.remote

import com.kmpdata.weather.data.remote.dto.ApiErrorDto
import com.kmpdata.weather.data.remote.dto.ForecastDto
import com.kmpdata.weather.data.remote.dto.GeoResultDto
import com.kmpdata.weather.data.remote.dto.GeocodingResponseDto
import com.kmpdata.weather.platform.WeatherLogger
import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.network.sockets.ConnectTimeoutException
import io.ktor.client.plugins.ClientRequestException
import io.ktor.client.plugins.HttpRequestTimeoutException
import io.ktor.client.plugins.ServerResponseException
import io.ktor.client.request.get
import io.ktor.client.request.parameter
import kotlinx.coroutines.CancellationException
import kotlinx.io.IOException
import kotlinx.serialization.SerializationException

/**
 * [WeatherApi] implementation using a Ktor [HttpClient].
 *
 * The client is expected to be configured by [createHttpClient] with JSON
 * content negotiation and `expectSuccess = true`.
 */
class KtorWeatherApi(
    private val client: HttpClient,
    private val forecastBaseUrl: String = FORECAST_BASE_URL,
    private val geocodingBaseUrl: String = GEOCODING_BASE_URL,
) : WeatherApi {

    override suspend fun forecast(latitude: Double, longitude: Double, days: Int): ForecastDto {
        require(latitude in -90.0..90.0) { "latitude out of range: $latitude" }
        require(longitude in -180.0..180.0) { "longitude out of range: $longitude" }
        require(days in 1..16) { "days must be within 1..16" }

        return request("forecast") {
            client.get("${forecastBaseUrl}v1/forecast") {
                parameter("latitude", latitude)
                parameter("longitude", longitude)
                parameter("current", CURRENT_FIELDS.joinToString(","))
                parameter("hourly", HOURLY_FIELDS.joinToString(","))
                parameter("daily", DAILY_FIELDS.joinToString(","))
                parameter("forecast_days", days)
                parameter("timezone", "auto")
            }.body<ForecastDto>()
        }
    }

    override suspend fun searchCities(query: String, limit: Int): List<GeoResultDto> {
        val trimmed = query.trim()
        if (trimmed.length < MIN_QUERY_LENGTH) return emptyList()

        val response = request("search '$trimmed'") {
            client.get("${geocodingBaseUrl}v1/search") {
                parameter("name", trimmed)
                parameter("count", limit.coerceIn(1, 100))
                parameter("language", "en")
                parameter("format", "json")
            }.body<GeocodingResponseDto>()
        }
        return response.results.sortedByDescending { it.population ?: 0L }
    }

    private suspend inline fun <T> request(label: String, block: () -> T): T = try {
        block()
    } catch (e: CancellationException) {
        throw e
    } catch (e: ClientRequestException) {
        val reason = runCatching { e.response.body<ApiErrorDto>().reason }.getOrNull()
        WeatherLogger.w(TAG, "$label rejected: ${e.response.status} $reason")
        throw ApiException.Http(e.response.status.value, reason)
    } catch (e: ServerResponseException) {
        WeatherLogger.w(TAG, "$label failed on server: ${e.response.status}")
        throw ApiException.Http(e.response.status.value, e.response.status.description)
    } catch (e: HttpRequestTimeoutException) {
        throw ApiException.Network(e)
    } catch (e: ConnectTimeoutException) {
        throw ApiException.Network(e)
    } catch (e: IOException) {
        throw ApiException.Network(e)
    } catch (e: SerializationException) {
        WeatherLogger.e(TAG, "$label returned an unexpected payload", e)
        throw ApiException.Parsing(e)
    }

    private companion object {
        const val TAG = "KtorWeatherApi"
        const val MIN_QUERY_LENGTH = 2

        val CURRENT_FIELDS = listOf(
            "temperature_2m",
            "apparent_temperature",
            "relative_humidity_2m",
            "wind_speed_10m",
            "wind_direction_10m",
            "weather_code",
            "is_day",
        )
        val HOURLY_FIELDS = listOf("temperature_2m", "precipitation_probability", "weather_code")
        val DAILY_FIELDS = listOf(
            "temperature_2m_max",
            "temperature_2m_min",
            "precipitation_sum",
            "weather_code",
            "sunrise",
            "sunset",
        )
    }
}
