package dev.kmpdata.weather

import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.request.get
import io.ktor.client.request.parameter
import io.ktor.client.statement.HttpResponse
import io.ktor.http.isSuccess
import kotlinx.coroutines.CancellationException

/** Remote source of raw forecast data. */
interface WeatherApi {
    suspend fun fetchForecast(location: Coordinates, days: Int): Result<ForecastDto>
    suspend fun ping(): Boolean
}

class KtorWeatherApi(
    private val client: HttpClient,
    private val baseUrl: String = DEFAULT_BASE_URL,
) : WeatherApi {

    override suspend fun fetchForecast(location: Coordinates, days: Int): Result<ForecastDto> {
        return try {
            val response: HttpResponse = client.get("$baseUrl/v1/forecast") {
                parameter("latitude", location.latitude)
                parameter("longitude", location.longitude)
                parameter("forecast_days", days)
                parameter("timezone", "auto")
                parameter(
                    "daily",
                    "temperature_2m_min,temperature_2m_max,precipitation_sum,weather_code",
                )
            }
            if (!response.status.isSuccess()) {
                Result.failure(IllegalStateException("HTTP ${response.status.value}"))
            } else {
                Result.success(response.body<ForecastDto>())
            }
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            Result.failure(e)
        }
    }

    override suspend fun ping(): Boolean = try {
        client.get(baseUrl).status.isSuccess()
    } catch (e: CancellationException) {
        throw e
    } catch (e: Exception) {
        false
    }

    companion object {
        const val DEFAULT_BASE_URL = "https://api.open-meteo.com"
    }
}
