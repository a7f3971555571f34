package com.kmpdata.chat.platform

import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.darwin.Darwin
import kotlinx.cinterop.ExperimentalForeignApi
import platform.Foundation.NSBundle
import platform.Foundation.NSDate
import platform.Foundation.NSDateFormatter
import platform.Foundation.NSLocale
import platform.Foundation.NSURLRequestReloadIgnoringLocalCacheData
import platform.Foundation.currentLocale
import platform.Foundation.dateWithTimeIntervalSince1970
import platform.UIKit.UIDevice

@OptIn(ExperimentalForeignApi::class)
actual fun createHttpEngine(): HttpClientEngine = Darwin.create {
    configureRequest {
        setAllowsCellularAccess(true)
        setTimeoutInterval(30.0)
        setCachePolicy(NSURLRequestReloadIgnoringLocalCacheData)
    }
    configureSession {
        setHTTPMaximumConnectionsPerHost(4)
    }
}

actual class MessageTimestampFormatter actual constructor() {
    private val timeFormatter = NSDateFormatter().apply {
        locale = NSLocale.currentLocale
        setLocalizedDateFormatFromTemplate("HHmm")
    }
    private val dayFormatter = NSDateFormatter().apply {
        locale = NSLocale.currentLocale
        setLocalizedDateFormatFromTemplate("EEEdMMM")
    }

    actual fun formatTime(epochMillis: Long): String {
        val seconds = epochMillis / 1000.0
        val date = NSDate.dateWithTimeIntervalSince1970(seconds)
        return timeFormatter.stringFromDate(date)
    }

    actual fun formatDay(epochMillis: Long): String {
        val seconds = epochMillis / 1000.0
        val date = NSDate.dateWithTimeIntervalSince1970(seconds)
        return dayFormatter.stringFromDate(date)
    }
}

actual object ChatPlatform {
    actual val name: String = "ios"

    actual fun userAgent(): String {
        val device = UIDevice.currentDevice
        val appVersion = NSBundle.mainBundle.objectForInfoDictionaryKey("CFBundleShortVersionString") as? String ?: "dev"
        val system = "${device.systemName} ${device.systemVersion}"
        return "ChatKmp/$appVersion ($system; ${device.model})"
    }
}
