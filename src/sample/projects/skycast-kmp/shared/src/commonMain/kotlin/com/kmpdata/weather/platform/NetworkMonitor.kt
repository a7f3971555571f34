package com.kmpdata.weather.platform

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.withTimeoutOrNull

/**
 * Reports whether the device currently has a usable internet connection.
 *
 * Android needs a `Context` and iOS an `NWPathMonitor`, so construction is
 * platform specific and instances are provided by the Koin `platformModule`.
 */
expect class NetworkMonitor {
    /** Best-effort synchronous check. */
    fun isConnected(): Boolean

    /** Emits the connectivity state whenever it changes. */
    fun observe(): Flow<Boolean>
}

/**
 * Suspends until the device is online or [timeoutMillis] elapses.
 *
 * @return `true` if a connection became available in time.
 */
suspend fun NetworkMonitor.awaitConnected(timeoutMillis: Long = 10_000): Boolean {
    if (isConnected()) return true
    return withTimeoutOrNull(timeoutMillis) { observe().first { it } } ?: false
}
