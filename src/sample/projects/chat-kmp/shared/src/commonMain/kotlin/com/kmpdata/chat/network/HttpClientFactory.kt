package com.kmpdata.chat.network

import com.kmpdata.chat.platform.ChatPlatform
import com.kmpdata.chat.platform.createHttpEngine
import io.ktor.client.HttpClient
import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.plugins.HttpRequestRetry
import io.ktor.client.plugins.HttpTimeout
import io.ktor.client.plugins.contentnegotiation.ContentNegotiation
import io.ktor.client.plugins.defaultRequest
import io.ktor.client.plugins.logging.LogLevel
import io.ktor.client.plugins.logging.Logger
import io.ktor.client.plugins.logging.Logging
import io.ktor.http.HttpHeaders
import io.ktor.serialization.kotlinx.json.json
import kotlinx.serialization.json.Json

object HttpClientFactory {

    val json: Json by lazy {
        Json {
            ignoreUnknownKeys = true
            explicitNulls = false
            encodeDefaults = true
        }
    }

    fun create(
        engine: HttpClientEngine = createHttpEngine(),
        verbose: Boolean = false,
        log: (String) -> Unit = ::println,
    ): HttpClient = HttpClient(engine) {
        expectSuccess = true

        install(ContentNegotiation) { json(json) }
        install(HttpTimeout) {
            connectTimeoutMillis = 10_000
            requestTimeoutMillis = 30_000
        }
        install(HttpRequestRetry) {
            retryOnServerErrors(maxRetries = 2)
            exponentialDelay()
        }
        install(Logging) {
            level = if (verbose) LogLevel.BODY else LogLevel.INFO
            logger = object : Logger {
                override fun log(message: String) = log("[http] $message")
            }
            sanitizeHeader { header -> header == HttpHeaders.Authorization }
        }
        defaultRequest {
            headers.append(HttpHeaders.UserAgent, ChatPlatform.userAgent())
            headers.append(HttpHeaders.Accept, "application/json")
        }
    }
}
