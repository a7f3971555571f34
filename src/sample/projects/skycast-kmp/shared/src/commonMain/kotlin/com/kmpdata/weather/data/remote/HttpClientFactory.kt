package com.kmpdata.weather.data.remote

import com.kmpdata.weather.platform.WeatherLogger
import io.ktor.client.HttpClient
import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.plugins.HttpRequestRetry
import io.ktor.client.plugins.HttpTimeout
import io.ktor.client.plugins.contentnegotiation.ContentNegotiation
import io.ktor.client.plugins.defaultRequest
import io.ktor.client.plugins.logging.LogLevel
import io.ktor.client.plugins.logging.Logger
import io.ktor.client.plugins.logging.Logging
import io.ktor.http.ContentType
import io.ktor.http.HttpHeaders
import io.ktor.serialization.kotlinx.json.json
import kotlinx.serialization.json.Json

/** JSON configuration shared by the HTTP client and tests. */
fun createJson(): Json = Json {
    ignoreUnknownKeys = true
    isLenient = true
    explicitNulls = false
    coerceInputValues = true
}

/**
 * Builds the application's [HttpClient].
 *
 * @param engine engine from [com.kmpdata.weather.platform.createHttpEngine] or a `MockEngine` in tests
 * @param enableLogging logs request lines (never bodies) through [WeatherLogger]
 */
fun createHttpClient(
    engine: HttpClientEngine,
    json: Json = createJson(),
    enableLogging: Boolean = false,
): HttpClient = HttpClient(engine) {
    expectSuccess = true

    install(ContentNegotiation) {
        json(json)
    }

    install(HttpTimeout) {
        requestTimeoutMillis = 15_000
        connectTimeoutMillis = 10_000
        socketTimeoutMillis = 15_000
    }

    install(HttpRequestRetry) {
        retryOnServerErrors(maxRetries = 2)
        retryOnException(maxRetries = 2, retryOnTimeout = true)
        exponentialDelay(base = 2.0, maxDelayMs = 8_000)
    }

    if (enableLogging) {
        install(Logging) {
            level = LogLevel.INFO
            logger = object : Logger {
                override fun log(message: String) {
                    WeatherLogger.d("Http", message)
                }
            }
            sanitizeHeader { header -> header == HttpHeaders.Authorization }
        }
    }

    defaultRequest {
        headers.append(HttpHeaders.Accept, ContentType.Application.Json.toString())
        headers.append(HttpHeaders.UserAgent, "skycast/1.2")
    }
}
