package com.kmpdata.weather.data.local

import com.kmpdata.weather.domain.model.City
import com.kmpdata.weather.domain.repository.FavoriteCitiesRepository
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/** Maximum number of favourites a user can pin. */
const val MAX_FAVORITES = 12

/**
 * Favourite cities kept in a [MutableStateFlow].
 *
 * A persistent implementation can wrap this and save [favorites] on change.
 */
class InMemoryFavoriteCitiesRepository(
    initial: List<City> = DEFAULT_CITIES,
) : FavoriteCitiesRepository {

    private val state = MutableStateFlow(initial.distinctBy { it.id })

    override val favorites: Flow<List<City>>
        get() = state.asStateFlow()

    /** Synchronous view for callers that only need the current value. */
    val current: StateFlow<List<City>>
        get() = state

    override suspend fun add(city: City) {
        state.update { cities ->
            when {
                cities.any { it.id == city.id } -> cities
                cities.size >= MAX_FAVORITES -> cities.drop(1) + city
                else -> cities + city
            }
        }
    }

    override suspend fun remove(cityId: Long) {
        state.update { cities -> cities.filterNot { it.id == cityId } }
    }

    override suspend fun isFavorite(cityId: Long): Boolean = state.value.any { it.id == cityId }

    companion object {
        val DEFAULT_CITIES: List<City> = listOf(
            City(2950159, "Berlin", "Germany", "Land Berlin", 52.52437, 13.41053, "Europe/Berlin"),
            City(2643743, "London", "United Kingdom", "England", 51.50853, -0.12574, "Europe/London"),
            City(1850147, "Tokyo", "Japan", "Tokyo", 35.6895, 139.69171, "Asia/Tokyo"),
        )
    }
}
