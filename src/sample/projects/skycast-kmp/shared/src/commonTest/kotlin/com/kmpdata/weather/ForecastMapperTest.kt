package com.kmpdata.weather

import com.kmpdata.weather.data.local.InMemoryForecastCache
import com.kmpdata.weather.data.mapper.ForecastMapper
import com.kmpdata.weather.data.remote.dto.CurrentDto
import com.kmpdata.weather.data.remote.dto.DailyDto
import com.kmpdata.weather.data.remote.dto.ForecastDto
import com.kmpdata.weather.data.remote.dto.HourlyDto
import com.kmpdata.weather.domain.model.City
import com.kmpdata.weather.domain.model.Temperature
import com.kmpdata.weather.domain.model.TemperatureUnit
import com.kmpdata.weather.domain.model.WeatherCondition
import com.kmpdata.weather.domain.model.Wind
import kotlinx.coroutines.test.runTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

class ForecastMapperTest {

    private val berlin = City(2950159, "Berlin", "Germany", "Land Berlin", 52.52, 13.41)

    private val dto = ForecastDto(
        latitude = 52.52,
        longitude = 13.41,
        current = CurrentDto(
            time = "2024-05-01T12:00",
            temperature = 18.4,
            apparentTemperature = 17.0,
            relativeHumidity = 55,
            windSpeed = 14.0,
            windDirection = 225,
            weatherCode = 61,
        ),
        hourly = HourlyDto(
            time = listOf("2024-05-01T12:00", "not-a-time", "2024-05-01T14:00"),
            temperature = listOf(18.4, 19.0, 19.5),
            precipitationProbability = listOf(80, 60),
            weatherCode = listOf(61, 3, 0),
        ),
        daily = DailyDto(
            time = listOf("2024-05-01", "2024-05-02"),
            temperatureMax = listOf(21.0, 23.5),
            temperatureMin = listOf(11.0),
            weatherCode = listOf(61, 0),
        ),
    )

    @Test
    fun mapsCurrentConditions() {
        val forecast = ForecastMapper().map(dto, berlin)
        assertEquals(WeatherCondition.RAIN, forecast.current.condition)
        assertEquals("SW", forecast.current.wind.compassPoint)
        assertTrue(forecast.current.condition.isWet)
    }

    @Test
    fun skipsMalformedRows() {
        val forecast = ForecastMapper().map(dto, berlin)
        assertEquals(2, forecast.hourly.size, "row with an invalid timestamp is dropped")
        assertNull(forecast.hourly.last().precipitationChance)
        assertEquals(1, forecast.daily.size, "day without a minimum temperature is dropped")
    }

    @Test
    fun unknownWeatherCodesFallBack() {
        assertEquals(WeatherCondition.UNKNOWN, WeatherCondition.fromWmoCode(42))
        assertEquals(WeatherCondition.THUNDERSTORM, WeatherCondition.fromWmoCode(99))
    }

    @Test
    fun temperatureConversions() {
        val t = Temperature(100.0)
        assertEquals(212.0, t.fahrenheit)
        assertEquals(100.0, TemperatureUnit.CELSIUS.fromCelsius(t.celsius))
        assertEquals(TemperatureUnit.FAHRENHEIT, TemperatureUnit.CELSIUS.toggled())
        assertTrue(Temperature(5.0) < Temperature(6.0))
    }

    @Test
    fun beaufortScale() {
        assertEquals(0, Wind(0.5, 0).beaufort)
        assertEquals(12, Wind(150.0, 0).beaufort)
    }

    @Test
    fun cacheEvictsLeastRecentlyUsed() = runTest {
        val cache = InMemoryForecastCache(maxEntries = 2)
        val forecast = ForecastMapper().map(dto, berlin)
        cache.put("a", forecast)
        cache.put("b", forecast)
        assertNotNull(cache.get("a"))
        cache.put("c", forecast)

        assertNull(cache.get("b"))
        assertNotNull(cache.get("a"))
        assertFalse(cache.isStale("c"))
        assertTrue(cache.isStale("missing"))
    }
}
