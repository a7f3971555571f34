package dev.kmpdata.weather

import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.cio.CIO

actual fun httpEngine(): HttpClientEngine = CIO.create {
    maxConnectionsCount = 16
    requestTimeout = 15_000
}

/**
 * Desktop machines have no location sensor, so the position comes from the
 * `weather.location` system property ("lat,lon") or the WEATHER_LOCATION variable.
 */
actual class LocationProvider {
    actual suspend fun current(): Coordinates? {
        val raw = System.getProperty("weather.location") ?: System.getenv("WEATHER_LOCATION") ?: return null
        val parts = raw.split(',').map { it.trim().toDoubleOrNull() }
        if (parts.size != 2) return null
        val lat = parts[0] ?: return null
        val lon = parts[1] ?: return null
        return Coordinates(lat, lon).takeIf { it.isValid() }
    }
}
