package dev.kmpdata.tasks

import kotlinx.cinterop.ExperimentalForeignApi
import platform.Foundation.NSDate
import platform.Foundation.NSLog
import platform.Foundation.NSUUID
import platform.Foundation.NSUserDefaults
import platform.Foundation.timeIntervalSince1970
import platform.UIKit.UIDevice

actual fun platformName(): String {
    val device = UIDevice.currentDevice
    return "${device.systemName()} ${device.systemVersion}"
}

actual fun currentTimeMillis(): Long {
    val seconds = NSDate().timeIntervalSince1970
    return (seconds * 1000).toLong()
}

@OptIn(ExperimentalForeignApi::class)
actual fun randomId(): String {
    val uuid = NSUUID().UUIDString()
    return uuid.lowercase().replace("-", "")
}

@Suppress("CONFLICTING_OVERLOADS")
actual class KeyValueStore actual constructor(name: String) {
    private val defaults = NSUserDefaults(suiteName = name)

    actual fun get(key: String): String? = defaults.stringForKey(key)

    actual fun put(key: String, value: String) {
        defaults.setObject(value, forKey = key)
    }

    actual fun remove(key: String) {
        defaults.removeObjectForKey(key)
    }
}

actual object PlatformLogger {
    actual fun log(tag: String, message: String) {
        val line = "[$tag] $message"
        NSLog("%s", line)
    }
}

actual val isDebugBuild: Boolean = Platform.isDebugBinary
