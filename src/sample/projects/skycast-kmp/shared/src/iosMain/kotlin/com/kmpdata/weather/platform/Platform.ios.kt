package com.kmpdata.weather.platform

import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.darwin.Darwin
import platform.Foundation.NSLocale
import platform.Foundation.NSLog
import platform.Foundation.NSNumber
import platform.Foundation.NSNumberFormatter
import platform.Foundation.NSNumberFormatterDecimalStyle
import platform.Foundation.currentLocale

actual fun createHttpEngine(): HttpClientEngine = Darwin.create {
    configureRequest {
        setAllowsCellularAccess(true)
        setTimeoutInterval(ENGINE_TIMEOUT_MILLIS / 1_000.0)
    }
    configureSession {
        setWaitsForConnectivity(true)
        setHTTPMaximumConnectionsPerHost(4)
    }
}

actual object WeatherLogger {
    actual var minLevel: LogLevel = LogLevel.INFO

    actual fun d(tag: String, message: String) {
        log(LogLevel.DEBUG, tag, message)
    }

    actual fun w(tag: String, message: String) {
        log(LogLevel.WARN, tag, message)
    }

    actual fun e(tag: String, message: String, throwable: Throwable?) {
        log(LogLevel.ERROR, tag, message)
        throwable?.let { error ->
            val trace = error.stackTraceToString().lines().take(12).joinToString("\n")
            log(LogLevel.ERROR, tag, trace)
        }
    }

    private fun log(level: LogLevel, tag: String, message: String) {
        if (!level.isAtLeast(minLevel)) return
        // Pass the text as an argument so '%' in messages is not treated as a format specifier.
        NSLog("%@", "[${level.name.first()}] $tag: $message")
    }
}

private val decimalFormatters = mutableMapOf<Int, NSNumberFormatter>()

actual fun formatDecimal(value: Double, decimals: Int): String {
    require(decimals in 0..10) { "decimals must be within 0..10, was $decimals" }
    if (value.isNaN() || value.isInfinite()) return "—"
    val formatter = decimalFormatters.getOrPut(decimals) {
        NSNumberFormatter().apply {
            numberStyle = NSNumberFormatterDecimalStyle
            locale = NSLocale.currentLocale
            usesGroupingSeparator = false
            minimumFractionDigits = decimals.toULong()
            maximumFractionDigits = decimals.toULong()
        }
    }
    return formatter.stringFromNumber(NSNumber(double = value)) ?: value.toString()
}
