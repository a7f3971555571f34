package dev.kmpdata.weather

import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.js.Js
import kotlin.coroutines.resume
import kotlinx.coroutines.suspendCancellableCoroutine

actual fun httpEngine(): HttpClientEngine = Js.create()

private fun hasGeolocation(): Boolean = js("typeof navigator !== 'undefined' && 'geolocation' in navigator")

private fun requestPosition(onResult: (Double, Double) -> Unit, onError: () -> Unit): Unit = js(
    """navigator.geolocation.getCurrentPosition(
        function (p) { onResult(p.coords.latitude, p.coords.longitude); },
        function () { onError(); },
        { maximumAge: 600000, timeout: 10000 }
    )"""
)

actual class LocationProvider {
    actual suspend fun current(): Coordinates? {
        if (!hasGeolocation()) return null
        return suspendCancellableCoroutine { continuation ->
            requestPosition(
                onResult = { lat, lon ->
                    if (continuation.isActive) continuation.resume(Coordinates(lat, lon))
                },
                onError = {
                    if (continuation.isActive) continuation.resume(null)
                },
            )
        }
    }
}
