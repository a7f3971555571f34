package com.kmpdata.chat.platform

import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.js.Js
import kotlinx.browser.window
import kotlin.js.Date
import kotlin.js.dateLocaleOptions

actual fun createHttpEngine(): HttpClientEngine {
    val origin = window.location.origin
    console.info("chat: using fetch engine for $origin")
    return Js.create {
        pipelining = false
    }
}

actual class MessageTimestampFormatter actual constructor() {
    private val language: String = window.navigator.language.ifBlank { "en-US" }

    actual fun formatTime(epochMillis: Long): String {
        val date = Date(epochMillis.toDouble())
        val options = dateLocaleOptions {
            hour = "2-digit"
            minute = "2-digit"
        }
        return date.toLocaleTimeString(language, options)
    }

    actual fun formatDay(epochMillis: Long): String {
        val date = Date(epochMillis.toDouble())
        val options = dateLocaleOptions {
            weekday = "short"
            day = "numeric"
            month = "short"
        }
        return date.toLocaleDateString(language, options)
    }
}

actual object ChatPlatform {
    actual val name: String = "js"

    actual fun userAgent(): String {
        val navigator = window.navigator
        val platform = navigator.platform.ifBlank { "web" }
        val online = if (navigator.onLine) "online" else "offline"
        return "ChatKmp/0.3 (Browser; $platform; $online) ${navigator.userAgent}"
    }
}
