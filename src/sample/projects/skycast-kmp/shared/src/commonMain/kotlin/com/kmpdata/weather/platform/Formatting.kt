package com.kmpdata.weather.platform

/**
 * Formats [value] with exactly [decimals] fraction digits using the user's
 * locale where the platform supports it (`1,5` in German, `1.5` in English).
 */
expect fun formatDecimal(value: Double, decimals: Int): String

/** Formats a percentage such as `42%`; `null` becomes an em dash. */
fun formatPercent(value: Int?): String = value?.let { "$it%" } ?: "—"

/** Formats millimetres of precipitation, hiding trace amounts. */
fun formatPrecipitation(mm: Double): String = when {
    mm < 0.1 -> "0 mm"
    mm < 10.0 -> formatDecimal(mm, 1) + " mm"
    else -> formatDecimal(mm, 0) + " mm"
}

/**
 * Formats a wind speed given in km/h, converting to mph for imperial users.
 */
fun formatWindSpeed(kmh: Double, imperial: Boolean): String =
    if (imperial) formatDecimal(kmh / 1.609344, 0) + " mph" else formatDecimal(kmh, 0) + " km/h"
