package com.kmpdata.weather.platform

import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.js.Js

private fun consoleLog(message: String): Unit = js("console.log(message)")

private fun consoleWarn(message: String): Unit = js("console.warn(message)")

private fun consoleError(message: String): Unit = js("console.error(message)")

private fun toLocaleFixed(value: Double, digits: Int): String =
    js("value.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false })")

actual fun createHttpEngine(): HttpClientEngine = Js.create {
    pipelining = false
}

actual object WeatherLogger {
    actual var minLevel: LogLevel = LogLevel.INFO

    actual fun d(tag: String, message: String) {
        if (!LogLevel.DEBUG.isAtLeast(minLevel)) return
        consoleLog("[$tag] $message")
    }

    actual fun w(tag: String, message: String) {
        if (!LogLevel.WARN.isAtLeast(minLevel)) return
        consoleWarn("[$tag] $message")
    }

    actual fun e(tag: String, message: String, throwable: Throwable?) {
        val details = throwable?.let { "\n" + it.stackTraceToString() }.orEmpty()
        consoleError("[$tag] $message$details")
    }
}

actual fun formatDecimal(value: Double, decimals: Int): String {
    require(decimals in 0..10) { "decimals must be within 0..10, was $decimals" }
    if (value.isNaN() || value.isInfinite()) return "—"
    return try {
        toLocaleFixed(value, decimals)
    } catch (e: Throwable) {
        // Very old runtimes without Intl: fall back to manual rounding.
        val factor = 10.0.pow(decimals)
        (kotlin.math.round(value * factor) / factor).toString()
    }
}

private fun Double.pow(n: Int): Double {
    var result = 1.0
    repeat(n) { result *= this }
    return result
}
