package com.kmpdata.recipes.platform

import android.content.res.Resources
import android.os.Build
import java.text.NumberFormat
import java.util.Locale

actual fun platformName(): String {
    val release = Build.VERSION.RELEASE ?: "unknown"
    val sdk = Build.VERSION.SDK_INT
    val device = listOf(Build.MANUFACTURER, Build.MODEL)
        .filter { !it.isNullOrBlank() }
        .joinToString(" ")
    return "Android $release (API $sdk) on $device"
}

actual fun formatQuantity(value: Double, fractionDigits: Int): String {
    val format = NumberFormat.getNumberInstance(systemLocale())
    format.minimumFractionDigits = 0
    format.maximumFractionDigits = fractionDigits.coerceIn(0, 4)
    format.isGroupingUsed = value >= 10_000
    return format.format(value)
}

actual fun formatQuantity(value: Int): String {
    val format = NumberFormat.getIntegerInstance(systemLocale())
    format.isGroupingUsed = true
    val text = format.format(value.toLong())
    return text.trim()
}

/** The first user-preferred locale, falling back to the JVM default when the list is empty. */
private fun systemLocale(): Locale {
    val locales = Resources.getSystem().configuration.locales
    return if (locales.isEmpty) Locale.getDefault() else locales[0]
}
