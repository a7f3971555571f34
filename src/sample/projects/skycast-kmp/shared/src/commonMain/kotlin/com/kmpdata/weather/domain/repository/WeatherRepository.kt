package com.kmpdata.weather.domain.repository

import com.kmpdata.weather.domain.model.City
import com.kmpdata.weather.domain.model.Forecast
import kotlinx.coroutines.flow.Flow

/**
 * Result wrapper that distinguishes fresh data from cached data.
 */
sealed interface ForecastResult {
    /** Data straight from the network. */
    data class Fresh(val forecast: Forecast) : ForecastResult

    /** Cached data, possibly because the network request failed with [error]. */
    data class Cached(val forecast: Forecast, val error: Throwable? = null) : ForecastResult

    /** Nothing to show. */
    data class Failure(val error: Throwable) : ForecastResult

    val forecastOrNull: Forecast?
        get() = when (this) {
            is Fresh -> forecast
            is Cached -> forecast
            is Failure -> null
        }
}

/**
 * Single source of truth for forecasts and city search.
 */
interface WeatherRepository {
    /**
     * Emits the cached forecast for [city] (if any) followed by a fresh one.
     */
    fun observeForecast(city: City): Flow<ForecastResult>

    /** Forces a network refresh and updates the cache. */
    suspend fun refresh(city: City): ForecastResult

    /** Searches cities by name. */
    suspend fun searchCities(query: String): List<City>
}

/**
 * Persistence of the user's favourite cities.
 */
interface FavoriteCitiesRepository {
    val favorites: Flow<List<City>>

    suspend fun add(city: City)

    suspend fun remove(cityId: Long)

    suspend fun isFavorite(cityId: Long): Boolean
}
