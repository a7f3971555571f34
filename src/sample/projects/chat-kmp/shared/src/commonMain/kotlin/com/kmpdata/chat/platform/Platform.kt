package com.kmpdata.chat.platform

import io.ktor.client.engine.HttpClientEngine

/**
 * Creates the Ktor engine best suited to the current platform
 * (OkHttp on Android, Darwin on iOS, CIO on the JVM, fetch in the browser).
 */
expect fun createHttpEngine(): HttpClientEngine

/**
 * Formats message timestamps for display in the conversation list and bubbles.
 * Uses the platform's locale-aware date APIs.
 */
expect class MessageTimestampFormatter() {
    /** Short time of day, e.g. "14:05". */
    fun formatTime(epochMillis: Long): String

    /** Calendar day header, e.g. "Mon, 3 Jun". */
    fun formatDay(epochMillis: Long): String
}

/** Static information about the running client, sent with every request as a user agent. */
expect object ChatPlatform {
    /** Platform family name, e.g. "android" or "ios". */
    val name: String

    /** A descriptive user agent including OS version and device. */
    fun userAgent(): String
}

fun MessageTimestampFormatter.formatRelative(epochMillis: Long, nowMillis: Long): String {
    val elapsed = nowMillis - epochMillis
    return when {
        elapsed < 60_000 -> "just now"
        elapsed < 3_600_000 -> "${elapsed / 60_000} min ago"
        elapsed < 86_400_000 -> formatTime(epochMillis)
        else -> formatDay(epochMillis)
    }
}
