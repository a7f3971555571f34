package dev.kmpdata.weather

import io.ktor.client.engine.HttpClientEngine

/**
 * Returns the Ktor engine that suits the current platform:
 * OkHttp on Android, Darwin on iOS, CIO on the JVM and the Fetch API in the browser.
 */
expect fun httpEngine(): HttpClientEngine

/**
 * Reads the device position.
 *
 * Implementations never prompt for permission themselves; they return `null`
 * when the position is unavailable or access has not been granted.
 */
expect class LocationProvider {
    /** The last known coordinates, or `null` if none are available. */
    suspend fun current(): Coordinates?
}
