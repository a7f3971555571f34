package com.kmpdata.recipes.platform

import platform.Foundation.NSLocale
import platform.Foundation.NSNumber
import platform.Foundation.NSNumberFormatter
import platform.Foundation.NSNumberFormatterDecimalStyle
import platform.Foundation.currentLocale
import platform.UIKit.UIDevice

actual fun platformName(): String {
    val device = UIDevice.currentDevice
    val systemName = device.systemName
    val version = device.systemVersion
    return "$systemName $version on ${device.model}"
}

actual fun formatQuantity(value: Double, fractionDigits: Int): String {
    val formatter = NSNumberFormatter()
    formatter.numberStyle = NSNumberFormatterDecimalStyle
    formatter.locale = NSLocale.currentLocale
    formatter.minimumFractionDigits = 0u
    formatter.maximumFractionDigits = fractionDigits.coerceIn(0, 4).toULong()
    return formatter.stringFromNumber(NSNumber(value)) ?: value.toString()
}

actual fun formatQuantity(value: Int): String {
    val formatter = NSNumberFormatter()
    formatter.numberStyle = NSNumberFormatterDecimalStyle
    formatter.locale = NSLocale.currentLocale
    return formatter.stringFromNumber(NSNumber(int = value)) ?: value.toString()
}
