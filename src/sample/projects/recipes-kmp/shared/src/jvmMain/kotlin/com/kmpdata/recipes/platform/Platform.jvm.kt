package com.kmpdata.recipes.platform

import java.text.DecimalFormat
import java.text.DecimalFormatSymbols
import java.util.Locale

actual fun platformName(): String {
    val osName = System.getProperty("os.name") ?: "Unknown OS"
    val osVersion = System.getProperty("os.version") ?: ""
    val javaVersion = System.getProperty("java.version") ?: "?"
    return "Desktop $osName $osVersion (Java $javaVersion)".replace("  ", " ")
}

actual fun formatQuantity(value: Double, fractionDigits: Int): String {
    val digits = fractionDigits.coerceIn(0, 4)
    val pattern = if (digits == 0) "#,##0" else "#,##0." + "#".repeat(digits)
    val symbols = DecimalFormatSymbols.getInstance(formattingLocale())
    return DecimalFormat(pattern, symbols).format(value)
}

actual fun formatQuantity(value: Int): String {
    val symbols = DecimalFormatSymbols.getInstance(formattingLocale())
    val format = DecimalFormat("#,##0", symbols)
    format.isGroupingUsed = value >= 10_000 || value <= -10_000
    return format.format(value.toLong())
}

/** Honours an explicit `recipes.locale` system property, useful for screenshots and tests. */
private fun formattingLocale(): Locale {
    val override = System.getProperty("recipes.locale")
    if (override.isNullOrBlank()) return Locale.getDefault(Locale.Category.FORMAT)
    return Locale.forLanguageTag(override.replace('_', '-'))
}
