package com.kmpdata.weather.platform

import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.js.Js

actual fun createHttpEngine(): HttpClientEngine = Js.create {
    // The browser owns connection pooling; only keep pipelining off for fetch.
    pipelining = false
}

actual object WeatherLogger {
    actual var minLevel: LogLevel = LogLevel.DEBUG

    actual fun d(tag: String, message: String) {
        if (LogLevel.DEBUG.isAtLeast(minLevel)) {
            console.log("%c[$tag]", "color: gray", message)
        }
    }

    actual fun w(tag: String, message: String) {
        if (LogLevel.WARN.isAtLeast(minLevel)) {
            console.warn("[$tag] $message")
        }
    }

    actual fun e(tag: String, message: String, throwable: Throwable?) {
        if (throwable == null) {
            console.error("[$tag] $message")
        } else {
            console.error("[$tag] $message", throwable)
        }
    }
}

actual fun formatDecimal(value: Double, decimals: Int): String {
    require(decimals in 0..10) { "decimals must be within 0..10, was $decimals" }
    if (value.isNaN() || value.isInfinite()) return "—"
    val options: dynamic = js("({})")
    options.minimumFractionDigits = decimals
    options.maximumFractionDigits = decimals
    options.useGrouping = false
    return value.asDynamic().toLocaleString(undefined, options) as String
}
