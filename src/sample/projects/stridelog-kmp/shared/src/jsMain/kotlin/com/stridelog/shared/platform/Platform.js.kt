package com.stridelog.shared.platform

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlin.time.Duration

actual object HealthPlatform {
    actual val name: String = "Web"

    actual fun supportsBackgroundTracking(): Boolean {
        // Browsers throttle timers and stop motion events in background tabs.
        return false
    }

    actual fun requiredPermissions(): List<String> {
        // Safari on iOS requires an explicit DeviceMotionEvent.requestPermission() call.
        val needsPrompt = js(
            "typeof DeviceMotionEvent !== 'undefined' && typeof DeviceMotionEvent.requestPermission === 'function'",
        ) as Boolean
        return if (needsPrompt) listOf("devicemotion") else emptyList()
    }
}

actual val ioDispatcher: CoroutineDispatcher = Dispatchers.Default

actual fun formatDuration(duration: Duration, style: DurationStyle): String = when (style) {
    DurationStyle.CLOCK -> clockString(duration)
    DurationStyle.SHORT_TEXT -> {
        val hasDurationFormat = js("typeof Intl !== 'undefined' && typeof Intl.DurationFormat === 'function'") as Boolean
        if (hasDurationFormat) {
            val parts: dynamic = js("({})")
            duration.toComponents { hours, minutes, _, _ ->
                parts.hours = hours
                parts.minutes = minutes
            }
            val formatter = js("new Intl.DurationFormat(undefined, { style: 'short' })")
            formatter.format(parts) as String
        } else {
            shortTextString(duration)
        }
    }
}
