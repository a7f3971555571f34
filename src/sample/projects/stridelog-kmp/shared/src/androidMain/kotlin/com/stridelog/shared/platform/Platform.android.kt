package com.stridelog.shared.platform

import android.Manifest
import android.os.Build
import android.text.format.DateUtils
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlin.time.Duration

actual object HealthPlatform {
    actual val name: String
        get() = if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.UPSIDE_DOWN_CAKE) "Health Connect" else "Google Fit"

    actual fun supportsBackgroundTracking(): Boolean {
        // Foreground services of type "health" are required from Android 14 on;
        // older versions allow a plain foreground service.
        return Build.VERSION.SDK_INT >= Build.VERSION_CODES.O
    }

    actual fun requiredPermissions(): List<String> = buildList {
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.Q) {
            add(Manifest.permission.ACTIVITY_RECOGNITION)
        }
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
            add(Manifest.permission.POST_NOTIFICATIONS)
        }
    }
}

actual val ioDispatcher: CoroutineDispatcher = Dispatchers.IO

actual fun formatDuration(duration: Duration, style: DurationStyle): String {
    val seconds = duration.inWholeSeconds.coerceAtLeast(0)
    return when (style) {
        DurationStyle.CLOCK -> DateUtils.formatElapsedTime(seconds)
        DurationStyle.SHORT_TEXT -> shortTextString(duration)
    }
}
