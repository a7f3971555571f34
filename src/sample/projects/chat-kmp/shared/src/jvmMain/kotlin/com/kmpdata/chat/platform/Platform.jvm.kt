package com.kmpdata.chat.platform

import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.cio.CIO
import java.time.Instant
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle
import java.util.Locale

actual fun createHttpEngine(): HttpClientEngine = CIO.create {
    maxConnectionsCount = 64
    requestTimeout = 30_000
    endpoint {
        connectTimeout = 10_000
        keepAliveTime = 5_000
        connectAttempts = 3
    }
}

@Suppress("NOTHING_TO_INLINE")
actual class MessageTimestampFormatter actual constructor() {
    private val zone: ZoneId = ZoneId.systemDefault()
    private val timeFormatter = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.getDefault())
    private val dayFormatter = DateTimeFormatter.ofPattern("EEE, d MMM", Locale.getDefault())

    actual fun formatTime(epochMillis: Long): String {
        val instant = toInstant(epochMillis)
        val local = instant.atZone(zone).toLocalTime()
        return timeFormatter.format(local)
    }

    actual fun formatDay(epochMillis: Long): String {
        val instant = toInstant(epochMillis)
        val local = instant.atZone(zone).toLocalDate()
        return dayFormatter.format(local)
    }

    private inline fun toInstant(epochMillis: Long): Instant = Instant.ofEpochMilli(epochMillis)
}

actual object ChatPlatform {
    actual val name: String = "jvm"

    actual fun userAgent(): String {
        val os = System.getProperty("os.name", "unknown")
        val arch = System.getProperty("os.arch", "unknown")
        val java = Runtime.version().feature()
        return "ChatKmp/0.3 ($os; $arch; Java $java)"
    }
}
