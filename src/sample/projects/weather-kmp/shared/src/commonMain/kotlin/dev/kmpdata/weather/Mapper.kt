package dev.kmpdata.weather

/** Maps a WMO weather code to a short description. */
fun Int.toCondition(): String = when (this) {
    0 -> "Clear"
    1, 2 -> "Partly cloudy"
    3 -> "Overcast"
    45, 48 -> "Fog"
    in 51..57 -> "Drizzle"
    in 61..67, in 80..82 -> "Rain"
    in 71..77, 85, 86 -> "Snow"
    in 95..99 -> "Thunderstorm"
    else -> "Unknown"
}

/** Millimetres to inches, used for imperial precipitation. */
fun Double.mmToInches(): Double = this / 25.4

fun ForecastDto.toDomain(units: Units = Units.METRIC, fetchedAtMillis: Long = 0L): Forecast {
    val count = minOf(daily.time.size, daily.minC.size, daily.maxC.size)
    val days = (0 until count).map { i ->
        val precipitation = daily.precipitation.getOrElse(i) { 0.0 }
        DailyForecast(
            date = daily.time[i],
            minTemperature = units.fromCelsius(daily.minC[i]),
            maxTemperature = units.fromCelsius(daily.maxC[i]),
            precipitationMm = when (units) {
                Units.METRIC -> precipitation
                Units.IMPERIAL -> precipitation.mmToInches()
            },
            condition = daily.weatherCode.getOrElse(i) { -1 }.toCondition(),
        )
    }
    return Forecast(
        location = Coordinates(latitude, longitude),
        units = units,
        days = days,
        fetchedAtMillis = fetchedAtMillis,
    )
}

fun DailyForecast.summary(units: Units): String =
    "$date: $condition, ${units.format(minTemperature)} – ${units.format(maxTemperature)}"
