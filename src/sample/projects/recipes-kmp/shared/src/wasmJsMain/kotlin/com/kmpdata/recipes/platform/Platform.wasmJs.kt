package com.kmpdata.recipes.platform

import kotlinx.browser.window
import kotlin.math.abs
import kotlin.math.pow
import kotlin.math.roundToLong

actual fun platformName(): String {
    val navigator = window.navigator
    val language = navigator.language
    val agent = navigator.userAgent
    val browser = when {
        "Firefox" in agent -> "Firefox"
        "Edg/" in agent -> "Edge"
        "Chrome" in agent -> "Chrome"
        "Safari" in agent -> "Safari"
        else -> "Browser"
    }
    return "Web ($browser, $language)"
}

actual fun formatQuantity(value: Double, fractionDigits: Int): String {
    val digits = fractionDigits.coerceIn(0, 4)
    val factor = 10.0.pow(digits)
    val scaled = (abs(value) * factor).roundToLong()
    val whole = scaled / factor.toLong()
    val fraction = (scaled % factor.toLong()).toString().padStart(digits, '0').trimEnd('0')
    val sign = if (value < 0 && scaled != 0L) "-" else ""
    val separator = if (window.navigator.language.startsWith("en")) "." else ","
    return if (fraction.isEmpty()) "$sign$whole" else "$sign$whole$separator$fraction"
}

actual fun formatQuantity(value: Int): String {
    val digits = abs(value).toString()
    val grouped = digits.reversed().chunked(3).joinToString(" ").reversed()
    val sign = if (value < 0) "-" else ""
    return sign + grouped
}
