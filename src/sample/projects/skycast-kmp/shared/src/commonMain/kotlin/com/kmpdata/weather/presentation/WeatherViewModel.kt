package com.kmpdata.weather.presentation

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import com.kmpdata.weather.data.remote.ApiException
import com.kmpdata.weather.domain.model.City
import com.kmpdata.weather.domain.model.Forecast
import com.kmpdata.weather.domain.model.TemperatureUnit
import com.kmpdata.weather.domain.repository.ForecastResult
import com.kmpdata.weather.domain.usecase.GetForecastUseCase
import com.kmpdata.weather.domain.usecase.RefreshForecastUseCase
import com.kmpdata.weather.domain.usecase.SummarizeForecastUseCase
import com.kmpdata.weather.domain.usecase.ToggleFavoriteUseCase
import kotlinx.coroutines.Job
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.receiveAsFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * Shared ViewModel behind the weather screen on every platform.
 */
class WeatherViewModel(
    private val getForecast: GetForecastUseCase,
    private val refreshForecast: RefreshForecastUseCase,
    private val toggleFavorite: ToggleFavoriteUseCase,
    private val summarize: SummarizeForecastUseCase,
) : ViewModel() {

    private val _state = MutableStateFlow<WeatherUiState>(WeatherUiState.Loading(city = null))
    val state: StateFlow<WeatherUiState> = _state.asStateFlow()

    private val effectChannel = Channel<WeatherEffect>(Channel.BUFFERED)
    val effects: Flow<WeatherEffect> = effectChannel.receiveAsFlow()

    private var unit = TemperatureUnit.CELSIUS
    private var lastForecast: Forecast? = null
    private var isFavorite = false
    private var observeJob: Job? = null

    fun onAction(action: WeatherAction) {
        when (action) {
            is WeatherAction.SelectCity -> observe(action.city)
            WeatherAction.Refresh -> refresh()
            WeatherAction.ToggleUnit -> {
                unit = unit.toggled()
                lastForecast?.let { render(it, stale = null) }
            }
            WeatherAction.ToggleFavorite -> toggleFavoriteCity()
            WeatherAction.Share -> lastForecast?.let { forecast ->
                effectChannel.trySend(WeatherEffect.ShareText(summarize(forecast)))
            }
        }
    }

    private fun observe(city: City) {
        observeJob?.cancel()
        _state.value = WeatherUiState.Loading(city)
        observeJob = viewModelScope.launch {
            getForecast(city).collect { result -> handle(city, result) }
        }
    }

    private fun refresh() {
        val city = _state.value.city ?: return
        _state.update { current ->
            if (current is WeatherUiState.Content) current.copy(isRefreshing = true) else current
        }
        viewModelScope.launch {
            handle(city, refreshForecast(city))
            effectChannel.send(WeatherEffect.ScrollToTop)
        }
    }

    private fun toggleFavoriteCity() {
        val city = _state.value.city ?: return
        viewModelScope.launch {
            isFavorite = toggleFavorite(city)
            _state.update { current ->
                if (current is WeatherUiState.Content) current.copy(isFavorite = isFavorite) else current
            }
            val message = if (isFavorite) "${city.name} added to favourites" else "${city.name} removed"
            effectChannel.send(WeatherEffect.ShowSnackbar(message))
        }
    }

    private fun handle(city: City, result: ForecastResult) {
        when (result) {
            is ForecastResult.Fresh -> render(result.forecast, stale = null)
            is ForecastResult.Cached -> render(
                result.forecast,
                stale = result.error?.let { "Showing saved data: ${describe(it)}" },
            )
            is ForecastResult.Failure -> _state.value = WeatherUiState.Error(
                city = city,
                message = describe(result.error),
                canRetry = (result.error as? ApiException)?.isRetryable ?: true,
            )
        }
    }

    private fun render(forecast: Forecast, stale: String?) {
        lastForecast = forecast
        val current = forecast.current
        _state.value = WeatherUiState.Content(
            city = forecast.city,
            temperature = current.temperature.format(unit),
            feelsLike = current.feelsLike?.let { "Feels like ${it.format(unit)}" },
            conditionLabel = current.condition.label,
            conditionIcon = current.condition.icon(current.isDay),
            wind = "${current.wind.speedKmh.toInt()} km/h ${current.wind.compassPoint}",
            hourly = forecast.hourly.take(24),
            daily = forecast.daily,
            unit = unit,
            isFavorite = isFavorite,
            staleWarning = stale,
        )
    }

    private fun describe(error: Throwable): String = when (error) {
        is ApiException.Network -> "You appear to be offline."
        is ApiException.Http -> if (error.status == 429) "Too many requests, try again soon." else "Server error (${error.status})."
        is ApiException.Parsing -> "Received unexpected data from the server."
        else -> error.message ?: "Something went wrong."
    }

    override fun onCleared() {
        effectChannel.close()
        super.onCleared()
    }
}
