package com.kmpdata.weather.data.mapper

import com.kmpdata.weather.data.remote.dto.CurrentDto
import com.kmpdata.weather.data.remote.dto.DailyDto
import com.kmpdata.weather.data.remote.dto.ForecastDto
import com.kmpdata.weather.data.remote.dto.GeoResultDto
import com.kmpdata.weather.data.remote.dto.HourlyDto
import com.kmpdata.weather.domain.model.City
import com.kmpdata.weather.domain.model.CurrentConditions
import com.kmpdata.weather.domain.model.DailyForecast
import com.kmpdata.weather.domain.model.Forecast
import com.kmpdata.weather.domain.model.HourlyPoint
import com.kmpdata.weather.domain.model.Temperature
import com.kmpdata.weather.domain.model.WeatherCondition
import com.kmpdata.weather.domain.model.Wind
import kotlinx.datetime.Clock
import kotlinx.datetime.LocalDate
import kotlinx.datetime.LocalDateTime

/**
 * Converts API DTOs into domain models.
 *
 * Malformed rows are skipped instead of failing the whole forecast.
 */
class ForecastMapper(private val clock: Clock = Clock.System) {

    fun map(dto: ForecastDto, city: City): Forecast {
        val current = dto.current ?: throw IllegalArgumentException("Forecast for ${city.name} has no current block")
        return Forecast(
            city = city,
            current = mapCurrent(current),
            hourly = dto.hourly?.let(::mapHourly).orEmpty(),
            daily = dto.daily?.let(::mapDaily).orEmpty(),
            fetchedAt = clock.now(),
        )
    }

    fun mapCity(dto: GeoResultDto): City = City(
        id = dto.id,
        name = dto.name,
        country = dto.country ?: dto.countryCode.orEmpty(),
        region = dto.region,
        latitude = dto.latitude,
        longitude = dto.longitude,
        timezone = dto.timezone,
    )

    private fun mapCurrent(dto: CurrentDto): CurrentConditions = CurrentConditions(
        time = LocalDateTime.parse(dto.time),
        temperature = Temperature(dto.temperature),
        feelsLike = dto.apparentTemperature?.let(::Temperature),
        humidityPercent = dto.relativeHumidity,
        wind = Wind(dto.windSpeed, dto.windDirection),
        condition = WeatherCondition.fromWmoCode(dto.weatherCode),
        isDay = dto.isDay == 1,
    )

    private fun mapHourly(dto: HourlyDto): List<HourlyPoint> {
        val points = ArrayList<HourlyPoint>(dto.size)
        for (i in 0 until dto.size) {
            val time = parseDateTimeOrNull(dto.time[i]) ?: continue
            points += HourlyPoint(
                time = time,
                temperature = Temperature(dto.temperature[i]),
                precipitationChance = dto.precipitationProbability.getOrNull(i),
                condition = WeatherCondition.fromWmoCode(dto.weatherCode[i]),
            )
        }
        return points
    }

    private fun mapDaily(dto: DailyDto): List<DailyForecast> =
        dto.time.indices.mapNotNull { i ->
            val date = runCatching { LocalDate.parse(dto.time[i]) }.getOrNull() ?: return@mapNotNull null
            val min = dto.temperatureMin.getOrNull(i) ?: return@mapNotNull null
            val max = dto.temperatureMax.getOrNull(i) ?: return@mapNotNull null
            DailyForecast(
                date = date,
                min = Temperature(min),
                max = Temperature(max),
                precipitationMm = dto.precipitationSum.getOrElse(i) { 0.0 },
                condition = WeatherCondition.fromWmoCode(dto.weatherCode.getOrElse(i) { -1 }),
                sunrise = dto.sunrise.getOrNull(i)?.let(::parseDateTimeOrNull),
                sunset = dto.sunset.getOrNull(i)?.let(::parseDateTimeOrNull),
            )
        }

    private fun parseDateTimeOrNull(text: String): LocalDateTime? = try {
        LocalDateTime.parse(text)
    } catch (e: IllegalArgumentException) {
        null
    }
}

/** Extension shortcut used by tests. */
fun ForecastDto.toDomain(city: City, mapper: ForecastMapper = ForecastMapper()): Forecast = mapper.map(this, city)
