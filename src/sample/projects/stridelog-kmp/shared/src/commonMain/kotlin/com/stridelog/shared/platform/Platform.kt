package com.stridelog.shared.platform

import kotlinx.coroutines.CoroutineDispatcher
import kotlin.time.Duration

/**
 * Capabilities of the health/fitness stack on the current platform.
 */
expect object HealthPlatform {
    /** Name shown in the settings screen, e.g. "Health Connect" or "Apple Health". */
    val name: String

    /** Whether workouts can keep recording while the app is in the background. */
    fun supportsBackgroundTracking(): Boolean

    /** Runtime permissions the user must grant before tracking steps. */
    fun requiredPermissions(): List<String>
}

/**
 * Dispatcher for disk and sensor work. `Dispatchers.IO` where it exists,
 * `Dispatchers.Default` on JavaScript.
 */
expect val ioDispatcher: CoroutineDispatcher

/** How [formatDuration] renders a duration. */
enum class DurationStyle {
    /** `1:05:09` / `42:10`, like a stopwatch. */
    CLOCK,

    /** `1 hr 5 min`, localised where the platform supports it. */
    SHORT_TEXT,
}

/**
 * Formats [duration] for display using the platform's formatter
 * (`DateUtils` on Android, `NSDateComponentsFormatter` on iOS).
 */
expect fun formatDuration(duration: Duration, style: DurationStyle = DurationStyle.CLOCK): String

/** Stopwatch style formatting shared by the platforms without a native formatter. */
internal fun clockString(duration: Duration): String {
    val totalSeconds = duration.inWholeSeconds.coerceAtLeast(0)
    val hours = totalSeconds / 3_600
    val minutes = (totalSeconds % 3_600) / 60
    val seconds = totalSeconds % 60
    val mm = minutes.toString().padStart(2, '0')
    val ss = seconds.toString().padStart(2, '0')
    return if (hours > 0) "$hours:$mm:$ss" else "$minutes:$ss"
}

/** "1 hr 5 min" style fallback. */
internal fun shortTextString(duration: Duration): String = duration.toComponents { hours, minutes, _, _ ->
    when {
        hours > 0 && minutes > 0 -> "$hours hr $minutes min"
        hours > 0 -> "$hours hr"
        else -> "$minutes min"
    }
}
