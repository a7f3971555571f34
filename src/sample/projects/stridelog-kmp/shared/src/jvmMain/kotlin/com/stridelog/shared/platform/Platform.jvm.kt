package com.stridelog.shared.platform

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import java.awt.GraphicsEnvironment
import kotlin.time.Duration

actual object HealthPlatform {
    actual val name: String = "Desktop"

    actual fun supportsBackgroundTracking(): Boolean {
        // A desktop app keeps running when minimised; only headless servers can't show the tray icon.
        return !GraphicsEnvironment.isHeadless()
    }

    actual fun requiredPermissions(): List<String> = emptyList()
}

@OptIn(kotlinx.coroutines.ExperimentalCoroutinesApi::class)
actual val ioDispatcher: CoroutineDispatcher = Dispatchers.IO.limitedParallelism(8)

actual fun formatDuration(duration: Duration, style: DurationStyle): String {
    val javaDuration = java.time.Duration.ofSeconds(duration.inWholeSeconds.coerceAtLeast(0))
    val hours = javaDuration.toHours()
    val minutes = javaDuration.toMinutesPart()
    val seconds = javaDuration.toSecondsPart()
    return when (style) {
        DurationStyle.CLOCK ->
            if (hours > 0) String.format("%d:%02d:%02d", hours, minutes, seconds) else String.format("%d:%02d", minutes, seconds)
        DurationStyle.SHORT_TEXT -> shortTextString(duration)
    }
}
