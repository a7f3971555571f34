package dev.kmpdata.weather

import io.ktor.client.HttpClient
import io.ktor.client.plugins.HttpTimeout
import io.ktor.client.plugins.contentnegotiation.ContentNegotiation
import io.ktor.serialization.kotlinx.json.json
import kotlinx.serialization.json.Json
import org.koin.core.module.Module
import org.koin.dsl.module

fun createHttpClient(): HttpClient = HttpClient(httpEngine()) {
    install(ContentNegotiation) {
        json(Json { ignoreUnknownKeys = true; isLenient = true })
    }
    install(HttpTimeout) {
        requestTimeoutMillis = 15_000
    }
}

/** Shared dependencies. The platform must also provide a [LocationProvider]. */
fun weatherModule(clock: () -> Long): Module = module {
    single { createHttpClient() }
    single<WeatherApi> { KtorWeatherApi(get()) }
    single<WeatherRepository> { CachingWeatherRepository(get(), clock) }
    factory { GetForecastUseCase(get(), get()) }
}
