package com.kmpdata.weather.presentation

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import com.kmpdata.weather.domain.model.City
import com.kmpdata.weather.domain.repository.FavoriteCitiesRepository
import com.kmpdata.weather.domain.usecase.SearchCitiesUseCase
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.combine
import kotlinx.coroutines.flow.debounce
import kotlinx.coroutines.flow.distinctUntilChanged
import kotlinx.coroutines.flow.flatMapLatest
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.onStart
import kotlinx.coroutines.flow.stateIn

/**
 * State of the city picker.
 */
data class CitySearchState(
    val query: String = "",
    val results: List<City> = emptyList(),
    val favorites: List<City> = emptyList(),
    val isSearching: Boolean = false,
    val error: String? = null,
) {
    val showFavorites: Boolean
        get() = query.isBlank()
}

private sealed interface SearchOutcome {
    data object Idle : SearchOutcome
    data object Searching : SearchOutcome
    data class Done(val cities: List<City>) : SearchOutcome
    data class Failed(val message: String) : SearchOutcome
}

/**
 * Debounced city search combined with the favourites list.
 */
class CitySearchViewModel(
    private val searchCities: SearchCitiesUseCase,
    favoritesRepository: FavoriteCitiesRepository,
) : ViewModel() {

    private val query = MutableStateFlow("")

    private val outcome = query
        .debounce(DEBOUNCE_MILLIS)
        .map { it.trim() }
        .distinctUntilChanged()
        .flatMapLatest { text ->
            flow {
                if (text.length < 2) {
                    emit(SearchOutcome.Idle)
                    return@flow
                }
                emit(SearchOutcome.Searching)
                val outcome = try {
                    SearchOutcome.Done(searchCities(text))
                } catch (e: IllegalArgumentException) {
                    SearchOutcome.Failed(e.message ?: "Invalid query")
                } catch (e: Exception) {
                    SearchOutcome.Failed("Search failed, check your connection")
                }
                emit(outcome)
            }
        }
        .onStart { emit(SearchOutcome.Idle) }

    val state: StateFlow<CitySearchState> = combine(query, outcome, favoritesRepository.favorites) { q, result, favorites ->
        when (result) {
            SearchOutcome.Idle -> CitySearchState(query = q, favorites = favorites)
            SearchOutcome.Searching -> CitySearchState(query = q, favorites = favorites, isSearching = true)
            is SearchOutcome.Done -> CitySearchState(query = q, results = result.cities, favorites = favorites)
            is SearchOutcome.Failed -> CitySearchState(query = q, favorites = favorites, error = result.message)
        }
    }.stateIn(viewModelScope, SharingStarted.WhileSubscribed(5_000), CitySearchState())

    fun onQueryChange(text: String) {
        query.value = text
    }

    fun clear() {
        query.value = ""
    }

    private companion object {
        const val DEBOUNCE_MILLIS = 350L
    }
}
