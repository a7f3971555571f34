package com.kmpdata.weather.platform

import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.cio.CIO
import java.math.RoundingMode
import java.text.DecimalFormat
import java.text.DecimalFormatSymbols
import java.time.LocalTime
import java.time.format.DateTimeFormatter
import java.util.Locale

actual fun createHttpEngine(): HttpClientEngine = CIO.create {
    requestTimeout = ENGINE_TIMEOUT_MILLIS
    maxConnectionsCount = 32
    endpoint {
        connectTimeout = 10_000
        keepAliveTime = 5_000
        connectAttempts = 2
        maxConnectionsPerRoute = 8
    }
}

actual object WeatherLogger {
    private val timeFormat: DateTimeFormatter = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")

    actual var minLevel: LogLevel = LogLevel.INFO

    actual fun d(tag: String, message: String) = write(LogLevel.DEBUG, tag, message, null)

    actual fun w(tag: String, message: String) = write(LogLevel.WARN, tag, message, null)

    actual fun e(tag: String, message: String, throwable: Throwable?) =
        write(LogLevel.ERROR, tag, message, throwable)

    @Synchronized
    private fun write(level: LogLevel, tag: String, message: String, throwable: Throwable?) {
        if (!level.isAtLeast(minLevel)) return
        val line = "${LocalTime.now().format(timeFormat)} ${level.name.padEnd(5)} [$tag] $message"
        val stream = if (level.isAtLeast(LogLevel.WARN)) System.err else System.out
        stream.println(line)
        throwable?.printStackTrace(stream)
    }
}

private val decimalFormats = object : ThreadLocal<MutableMap<Int, DecimalFormat>>() {
    override fun initialValue(): MutableMap<Int, DecimalFormat> = HashMap()
}

actual fun formatDecimal(value: Double, decimals: Int): String {
    require(decimals in 0..10) { "decimals must be within 0..10, was $decimals" }
    if (value.isNaN() || value.isInfinite()) return "—"
    val cache = decimalFormats.get()
    val format = cache.getOrPut(decimals) {
        val pattern = if (decimals == 0) "0" else "0." + "0".repeat(decimals)
        DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.getDefault())).apply {
            roundingMode = RoundingMode.HALF_UP
            isGroupingUsed = false
        }
    }
    return format.format(value)
}
