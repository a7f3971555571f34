package dev.kmpdata.crypto

import android.content.pm.ApplicationInfo
import android.os.Build
import android.os.SystemClock

actual object PlatformInfo {
    actual val name: String = "Android"

    actual val osVersion: String
        get() = "${Build.VERSION.RELEASE} (API ${Build.VERSION.SDK_INT})"

    actual val architecture: String
        get() = Build.SUPPORTED_ABIS.firstOrNull() ?: "unknown"

    /** Manufacturer and model, e.g. `Google Pixel 8`. */
    val deviceModel: String
        get() {
            val manufacturer = Build.MANUFACTURER.replaceFirstChar { it.uppercase() }
            return if (Build.MODEL.startsWith(manufacturer, ignoreCase = true)) {
                Build.MODEL
            } else {
                "$manufacturer ${Build.MODEL}"
            }
        }

    actual fun isDebugBuild(): Boolean {
        val context = CryptoUtilsContext.applicationContextOrNull() ?: return false
        val flags = context.applicationInfo.flags
        return (flags and ApplicationInfo.FLAG_DEBUGGABLE) != 0
    }

    /** Milliseconds since boot, including deep sleep. Useful for measuring intervals. */
    fun elapsedRealtimeMillis(): Long = SystemClock.elapsedRealtime()
}

actual val platformName: String
    get() = "android-${Build.VERSION.SDK_INT}"

actual fun currentTimeMillis(): Long {
    val now = System.currentTimeMillis()
    check(now > 0) { "System clock returned a non-positive time: $now" }
    return now
}

/** Android uses the JDK atomic directly; it already has every expected member. */
actual typealias AtomicInt = java.util.concurrent.atomic.AtomicInteger
