package dev.kmpdata.weather

/**
 * Loads a forecast for the device location, or for [fallback] when the location is unknown.
 */
class GetForecastUseCase(
    private val repository: WeatherRepository,
    private val locationProvider: LocationProvider,
    private val fallback: Coordinates = Coordinates(52.52, 13.41),
) {
    suspend operator fun invoke(
        days: Int = 7,
        units: Units = Units.METRIC,
        forceRefresh: Boolean = false,
    ): WeatherResult {
        if (days !in 1..MAX_DAYS) {
            return WeatherResult.Failure("days must be between 1 and $MAX_DAYS, was $days")
        }
        val location = locationProvider.current()?.takeIf { it.isValid() } ?: fallback
        return when (val result = repository.forecast(location, units, days, forceRefresh)) {
            is WeatherResult.Success -> result.copy(
                forecast = result.forecast.copy(days = result.forecast.days.sortedBy { it.date }),
            )
            is WeatherResult.Failure -> result.copy(message = "Could not load forecast: ${result.message}")
            WeatherResult.Loading -> result
        }
    }

    companion object {
        const val MAX_DAYS = 16
    }
}
