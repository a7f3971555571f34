package com.stridelog.shared.platform

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.IO
import platform.Foundation.NSBundle
import platform.Foundation.NSCalendarUnitHour
import platform.Foundation.NSCalendarUnitMinute
import platform.Foundation.NSCalendarUnitSecond
import platform.Foundation.NSDateComponentsFormatter
import platform.Foundation.NSDateComponentsFormatterUnitsStylePositional
import platform.Foundation.NSDateComponentsFormatterUnitsStyleShort
import platform.Foundation.NSDateComponentsFormatterZeroFormattingBehaviorPad
import kotlin.time.Duration

actual object HealthPlatform {
    actual val name: String = "Apple Health"

    actual fun supportsBackgroundTracking(): Boolean {
        val modes = NSBundle.mainBundle.objectForInfoDictionaryKey("UIBackgroundModes") as? List<*>
            ?: return false
        return "location" in modes || "processing" in modes
    }

    /** Info.plist usage descriptions that must be present for CoreMotion and HealthKit. */
    actual fun requiredPermissions(): List<String> {
        val required = listOf("NSMotionUsageDescription", "NSHealthShareUsageDescription")
        return required.filter { NSBundle.mainBundle.objectForInfoDictionaryKey(it) == null }
    }
}

actual val ioDispatcher: CoroutineDispatcher = Dispatchers.IO

actual fun formatDuration(duration: Duration, style: DurationStyle): String {
    val formatter = NSDateComponentsFormatter()
    when (style) {
        DurationStyle.CLOCK -> {
            formatter.unitsStyle = NSDateComponentsFormatterUnitsStylePositional
            formatter.zeroFormattingBehavior = NSDateComponentsFormatterZeroFormattingBehaviorPad
            formatter.allowedUnits = if (duration.inWholeHours > 0) {
                NSCalendarUnitHour or NSCalendarUnitMinute or NSCalendarUnitSecond
            } else {
                NSCalendarUnitMinute or NSCalendarUnitSecond
            }
        }
        DurationStyle.SHORT_TEXT -> {
            formatter.unitsStyle = NSDateComponentsFormatterUnitsStyleShort
            formatter.allowedUnits = NSCalendarUnitHour or NSCalendarUnitMinute
        }
    }
    return formatter.stringFromTimeInterval(duration.inWholeSeconds.toDouble()) ?: clockString(duration)
}
