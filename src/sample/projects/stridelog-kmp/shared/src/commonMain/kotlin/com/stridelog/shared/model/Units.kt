package com.stridelog.shared.model

import kotlin.jvm.JvmInline
import kotlin.math.roundToInt

/** Distances are stored in metres everywhere in the app. */
typealias Meters = Double

/** Weights are stored in kilograms everywhere in the app. */
typealias Kilograms = Double

private const val METERS_PER_MILE = 1_609.344
private const val POUNDS_PER_KG = 2.2046226218

/**
 * A non-negative distance with unit aware arithmetic.
 */
@JvmInline
value class Distance(val meters: Meters) : Comparable<Distance> {
    init {
        require(meters >= 0.0) { "Distance must not be negative: $meters" }
    }

    val kilometers: Double
        get() = meters / 1_000.0

    val miles: Double
        get() = meters / METERS_PER_MILE

    operator fun plus(other: Distance): Distance = Distance(meters + other.meters)

    operator fun times(factor: Int): Distance = Distance(meters * factor)

    override fun compareTo(other: Distance): Int = meters.compareTo(other.meters)

    companion object {
        val ZERO = Distance(0.0)

        fun km(value: Double): Distance = Distance(value * 1_000.0)
    }
}

/** Sums distances of a collection. */
fun Iterable<Distance>.sum(): Distance = fold(Distance.ZERO) { acc, d -> acc + d }

/**
 * Measurement system chosen in settings.
 */
enum class UnitSystem {
    METRIC {
        override fun formatDistance(distance: Distance): String =
            if (distance.meters < 1_000) "${distance.meters.roundToInt()} m" else "${oneDecimal(distance.kilometers)} km"

        override fun formatWeight(kg: Kilograms): String = "${oneDecimal(kg)} kg"

        override fun formatPace(secondsPerKm: Double): String = "${minutesSeconds(secondsPerKm)} /km"
    },
    IMPERIAL {
        override fun formatDistance(distance: Distance): String =
            if (distance.miles < 0.1) "${(distance.meters * 1.09361).roundToInt()} yd" else "${oneDecimal(distance.miles)} mi"

        override fun formatWeight(kg: Kilograms): String = "${oneDecimal(kg * POUNDS_PER_KG)} lb"

        override fun formatPace(secondsPerKm: Double): String =
            "${minutesSeconds(secondsPerKm * METERS_PER_MILE / 1_000.0)} /mi"
    };

    abstract fun formatDistance(distance: Distance): String

    abstract fun formatWeight(kg: Kilograms): String

    abstract fun formatPace(secondsPerKm: Double): String

    protected fun oneDecimal(value: Double): String {
        val tenths = (value * 10).roundToInt()
        return "${tenths / 10}.${tenths % 10}"
    }

    protected fun minutesSeconds(totalSeconds: Double): String {
        val seconds = totalSeconds.roundToInt()
        return "${seconds / 60}:${(seconds % 60).toString().padStart(2, '0')}"
    }
}
