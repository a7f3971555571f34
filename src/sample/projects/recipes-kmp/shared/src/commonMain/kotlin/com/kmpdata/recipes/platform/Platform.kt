package com.kmpdata.recipes.platform

/**
 * Human readable name of the platform the app is running on, e.g. "Android 14" or "iOS 17.4".
 * Shown in the about section of the recipe list.
 */
expect fun platformName(): String

/**
 * Formats an ingredient [value] with at most [fractionDigits] decimals using the
 * conventions of the current locale (decimal separator, grouping).
 */
expect fun formatQuantity(value: Double, fractionDigits: Int): String

/** Formats a whole number of units; overload of [formatQuantity] for counted ingredients. */
expect fun formatQuantity(value: Int): String

/** Joins a formatted quantity with its unit symbol, dropping the unit for counted items. */
fun describeQuantity(value: Double, unitSymbol: String): String {
    val rounded = value.toInt()
    val number = if (rounded.toDouble() == value) formatQuantity(rounded) else formatQuantity(value, 1)
    return if (unitSymbol == "pc") number else "$number $unitSymbol"
}

/** Formats a cooking time such as 95 minutes as "1 h 35 min". */
fun formatDuration(minutes: Int): String {
    val hours = minutes / 60
    val rest = minutes % 60
    return when {
        minutes <= 0 -> "–"
        hours == 0 -> "${formatQuantity(rest)} min"
        rest == 0 -> "${formatQuantity(hours)} h"
        else -> "${formatQuantity(hours)} h ${formatQuantity(rest)} min"
    }
}
