package com.kmpdata.weather.platform

import android.util.Log
import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.okhttp.OkHttp
import java.util.Locale
import java.util.concurrent.TimeUnit

actual fun createHttpEngine(): HttpClientEngine = OkHttp.create {
    config {
        retryOnConnectionFailure(true)
        connectTimeout(ENGINE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
        readTimeout(ENGINE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
        followRedirects(true)
    }
    pipelining = false
}

actual object WeatherLogger {
    private const val MAX_TAG_LENGTH = 23

    actual var minLevel: LogLevel = LogLevel.DEBUG

    actual fun d(tag: String, message: String) {
        if (!LogLevel.DEBUG.isAtLeast(minLevel)) return
        Log.d(androidTag(tag), message)
    }

    actual fun w(tag: String, message: String) {
        if (!LogLevel.WARN.isAtLeast(minLevel)) return
        Log.w(androidTag(tag), message)
    }

    actual fun e(tag: String, message: String, throwable: Throwable?) {
        if (throwable != null) {
            Log.e(androidTag(tag), message, throwable)
        } else {
            Log.e(androidTag(tag), message)
        }
    }

    /** Logcat tags longer than 23 characters are rejected on older API levels. */
    private fun androidTag(tag: String): String {
        val full = "Wx/$tag"
        return if (full.length <= MAX_TAG_LENGTH) full else full.take(MAX_TAG_LENGTH)
    }
}

actual fun formatDecimal(value: Double, decimals: Int): String {
    require(decimals in 0..10) { "decimals must be within 0..10, was $decimals" }
    if (value.isNaN() || value.isInfinite()) return "—"
    val locale = Locale.getDefault()
    return String.format(locale, "%.${decimals}f", value)
}
