package com.kmpdata.weather.platform

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.distinctUntilChanged
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.flow.flowOn
import kotlinx.coroutines.isActive
import org.koin.core.module.Module
import org.koin.core.qualifier.named
import org.koin.dsl.module
import java.net.InetSocketAddress
import java.net.NetworkInterface
import java.net.Socket

/**
 * Desktop connectivity check: an interface must be up and a TCP connection to
 * [probeHost] must succeed within [probeTimeoutMillis].
 */
actual class NetworkMonitor(
    private val probeHost: String = "api.open-meteo.com",
    private val probeTimeoutMillis: Int = 1_500,
    private val pollIntervalMillis: Long = 15_000,
) {
    actual fun isConnected(): Boolean {
        val hasInterface = try {
            NetworkInterface.getNetworkInterfaces().asSequence().any { it.isUp && !it.isLoopback }
        } catch (e: Exception) {
            false
        }
        if (!hasInterface) return false
        return try {
            Socket().use { socket ->
                socket.connect(InetSocketAddress(probeHost, 443), probeTimeoutMillis)
                true
            }
        } catch (e: Exception) {
            WeatherLogger.d("NetworkMonitor", "Probe to $probeHost failed: ${e.message}")
            false
        }
    }

    actual fun observe(): Flow<Boolean> = flow {
        while (currentCoroutineContext().isActive) {
            emit(isConnected())
            delay(pollIntervalMillis)
        }
    }.distinctUntilChanged().flowOn(Dispatchers.IO)
}

actual val platformModule: Module = module {
    single { NetworkMonitor() }
    single(named(PLATFORM_NAME_QUALIFIER)) {
        "${System.getProperty("os.name")} / Java ${System.getProperty("java.version")}"
    }
}
