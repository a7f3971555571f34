package com.kmpdata.weather.domain.usecase

import com.kmpdata.weather.domain.model.City
import com.kmpdata.weather.domain.model.DailyForecast
import com.kmpdata.weather.domain.model.Forecast
import com.kmpdata.weather.domain.model.WeatherCondition
import com.kmpdata.weather.domain.repository.FavoriteCitiesRepository
import com.kmpdata.weather.domain.repository.ForecastResult
import com.kmpdata.weather.domain.repository.WeatherRepository
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.distinctUntilChanged

/**
 * Streams the forecast for a city, de-duplicating identical emissions.
 */
class GetForecastUseCase(private val repository: WeatherRepository) {
    operator fun invoke(city: City): Flow<ForecastResult> =
        repository.observeForecast(city).distinctUntilChanged()
}

/**
 * Forces a refresh, e.g. on pull-to-refresh.
 */
class RefreshForecastUseCase(private val repository: WeatherRepository) : UseCase<City, ForecastResult> {
    override suspend fun invoke(params: City): ForecastResult = repository.refresh(params)
}

/**
 * Searches cities; queries shorter than two characters return nothing.
 */
class SearchCitiesUseCase(
    private val repository: WeatherRepository,
) : ValidatingUseCase<String, List<City>>() {

    override fun validate(params: String): String? = when {
        params.length > 80 -> "Query is too long"
        params.any { it.isISOControl() } -> "Query contains control characters"
        else -> null
    }

    override suspend fun execute(params: String): List<City> {
        val query = params.trim()
        if (query.length < 2) return emptyList()
        return repository.searchCities(query).take(MAX_RESULTS)
    }

    private companion object {
        const val MAX_RESULTS = 8
    }
}

/**
 * Adds or removes a favourite city and returns the new favourite state.
 */
class ToggleFavoriteUseCase(private val favorites: FavoriteCitiesRepository) : UseCase<City, Boolean> {
    override suspend fun invoke(params: City): Boolean {
        return if (favorites.isFavorite(params.id)) {
            favorites.remove(params.id)
            false
        } else {
            favorites.add(params)
            true
        }
    }
}

/**
 * Short natural language summary for notifications and widgets.
 */
class SummarizeForecastUseCase {
    operator fun invoke(forecast: Forecast): String {
        val today = forecast.today
        val upcomingRain = forecast.daily.drop(1).take(3).firstOrNull { it.condition.isWet }
        return buildString {
            append(forecast.current.condition.label)
            append(" in ")
            append(forecast.city.name)
            if (today != null) {
                append(", high of ${today.max.celsius.toInt()}°")
            }
            when {
                forecast.current.condition.isWet -> append(". Take an umbrella.")
                upcomingRain != null -> append(". ${describeDay(upcomingRain)} looks wet.")
                forecast.current.condition == WeatherCondition.CLEAR -> append(". Enjoy the sun!")
                else -> append('.')
            }
        }
    }

    private fun describeDay(day: DailyForecast): String =
        day.date.dayOfWeek.name.lowercase().replaceFirstChar { it.uppercase() }
}
