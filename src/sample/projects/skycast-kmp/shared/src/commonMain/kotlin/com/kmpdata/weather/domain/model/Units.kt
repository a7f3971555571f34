package com.kmpdata.weather.domain.model

import com.kmpdata.weather.platform.formatDecimal
import kotlin.jvm.JvmInline
import kotlin.math.roundToInt

/**
 * A temperature stored in degrees Celsius.
 */
@JvmInline
value class Temperature(val celsius: Double) : Comparable<Temperature> {

    val fahrenheit: Double
        get() = celsius * 9.0 / 5.0 + 32.0

    operator fun plus(delta: Double): Temperature = Temperature(celsius + delta)

    operator fun minus(other: Temperature): Double = celsius - other.celsius

    override fun compareTo(other: Temperature): Int = celsius.compareTo(other.celsius)

    /** Formats in [unit], e.g. `21°C` or `69.8°F`. */
    fun format(unit: TemperatureUnit, decimals: Int = 0): String =
        formatDecimal(unit.fromCelsius(celsius), decimals) + unit.symbol

    companion object {
        fun fromFahrenheit(value: Double): Temperature = Temperature((value - 32.0) * 5.0 / 9.0)
    }
}

/**
 * Display unit for temperatures.
 */
enum class TemperatureUnit(val symbol: String) {
    CELSIUS("°C") {
        override fun fromCelsius(value: Double): Double = value
    },
    FAHRENHEIT("°F") {
        override fun fromCelsius(value: Double): Double = value * 9.0 / 5.0 + 32.0
    };

    abstract fun fromCelsius(value: Double): Double

    /** The other unit, used by the unit toggle. */
    fun toggled(): TemperatureUnit = when (this) {
        CELSIUS -> FAHRENHEIT
        FAHRENHEIT -> CELSIUS
    }
}

/**
 * WMO weather interpretation codes grouped into displayable conditions.
 */
enum class WeatherCondition(val label: String, private val codes: Set<Int>) {
    CLEAR("Clear", setOf(0)),
    PARTLY_CLOUDY("Partly cloudy", setOf(1, 2)),
    OVERCAST("Overcast", setOf(3)),
    FOG("Fog", setOf(45, 48)),
    DRIZZLE("Drizzle", setOf(51, 53, 55, 56, 57)),
    RAIN("Rain", setOf(61, 63, 65, 66, 67, 80, 81, 82)),
    SNOW("Snow", setOf(71, 73, 75, 77, 85, 86)),
    THUNDERSTORM("Thunderstorm", setOf(95, 96, 99)),
    UNKNOWN("Unknown", emptySet());

    /** True for conditions where an umbrella is a good idea. */
    val isWet: Boolean
        get() = this == DRIZZLE || this == RAIN || this == THUNDERSTORM

    /** Emoji used by compact widgets. */
    fun icon(isDay: Boolean): String = when (this) {
        CLEAR -> if (isDay) "☀️" else "🌙"
        PARTLY_CLOUDY -> if (isDay) "⛅" else "☁️"
        OVERCAST -> "☁️"
        FOG -> "🌫️"
        DRIZZLE, RAIN -> "🌧️"
        SNOW -> "❄️"
        THUNDERSTORM -> "⛈️"
        UNKNOWN -> "❔"
    }

    companion object {
        private val byCode: Map<Int, WeatherCondition> by lazy {
            entries.flatMap { condition -> condition.codes.map { it to condition } }.toMap()
        }

        fun fromWmoCode(code: Int): WeatherCondition = byCode[code] ?: UNKNOWN
    }
}

/** Rounds to the nearest whole degree for compact UIs. */
fun Temperature.rounded(unit: TemperatureUnit): Int = unit.fromCelsius(celsius).roundToInt()
