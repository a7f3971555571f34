package dev.kmpdata.weather

import kotlin.test.Test
import kotlin.test.assertEquals

class MapperTest {

    private val dto = ForecastDto(
        latitude = 48.1,
        longitude = 11.6,
        daily = DailyDto(
            time = listOf("2024-06-01", "2024-06-02"),
            minC = listOf(10.0, 0.0),
            maxC = listOf(20.0, 100.0),
            precipitation = listOf(25.4, 0.0),
            weatherCode = listOf(0, 63),
        ),
    )

    @Test
    fun metricKeepsCelsiusAndMapsCodes() {
        val forecast = dto.toDomain(Units.METRIC)
        assertEquals(2, forecast.days.size)
        assertEquals(20.0, forecast.days[0].maxTemperature)
        assertEquals("Clear", forecast.days[0].condition)
        assertEquals("Rain", forecast.days[1].condition)
    }

    @Test
    fun imperialConvertsTemperatureAndPrecipitation() {
        val forecast = dto.toDomain(Units.IMPERIAL)
        assertEquals(32.0, forecast.days[1].minTemperature, 1e-9)
        assertEquals(212.0, forecast.days[1].maxTemperature, 1e-9)
        assertEquals(1.0, forecast.days[0].precipitationMm, 1e-9)
    }
}
