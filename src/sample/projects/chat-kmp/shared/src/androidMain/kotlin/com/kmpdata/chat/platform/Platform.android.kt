package com.kmpdata.chat.platform

import android.os.Build
import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.okhttp.OkHttp
import java.text.SimpleDateFormat
import java.util.Date
import java.util.Locale
import java.util.concurrent.TimeUnit

actual fun createHttpEngine(): HttpClientEngine = OkHttp.create {
    config {
        retryOnConnectionFailure(true)
        connectTimeout(10, TimeUnit.SECONDS)
        readTimeout(30, TimeUnit.SECONDS)
        followRedirects(false)
    }
    pipelining = false
}

@Suppress("NOTHING_TO_INLINE")
actual class MessageTimestampFormatter actual constructor() {
    private val locale: Locale = Locale.getDefault()
    private val timeFormat = SimpleDateFormat("HH:mm", locale)
    private val dayFormat = SimpleDateFormat("EEE, d MMM", locale)

    actual fun formatTime(epochMillis: Long): String {
        val date = toDate(epochMillis)
        synchronized(timeFormat) {
            return timeFormat.format(date)
        }
    }

    actual fun formatDay(epochMillis: Long): String {
        val date = toDate(epochMillis)
        val text = synchronized(dayFormat) { dayFormat.format(date) }
        return text.replaceFirstChar { if (it.isLowerCase()) it.titlecase(locale) else it.toString() }
    }

    private inline fun toDate(epochMillis: Long): Date = Date(epochMillis.coerceAtLeast(0L))
}

actual object ChatPlatform {
    actual val name: String = "android"

    actual fun userAgent(): String {
        val release = Build.VERSION.RELEASE
        val sdk = Build.VERSION.SDK_INT
        val device = "${Build.MANUFACTURER} ${Build.MODEL}".trim()
        return "ChatKmp/0.3 (Android $release; API $sdk; $device)"
    }
}
