package com.kmpdata.weather.presentation

import com.kmpdata.weather.domain.model.City
import com.kmpdata.weather.domain.model.DailyForecast
import com.kmpdata.weather.domain.model.HourlyPoint
import com.kmpdata.weather.domain.model.TemperatureUnit

/**
 * Everything the weather screen renders.
 */
sealed interface WeatherUiState {
    val city: City?

    data class Loading(override val city: City?) : WeatherUiState

    data class Content(
        override val city: City,
        val temperature: String,
        val feelsLike: String?,
        val conditionLabel: String,
        val conditionIcon: String,
        val wind: String,
        val hourly: List<HourlyPoint>,
        val daily: List<DailyForecast>,
        val unit: TemperatureUnit,
        val isFavorite: Boolean,
        val isRefreshing: Boolean = false,
        val staleWarning: String? = null,
    ) : WeatherUiState

    data class Error(
        override val city: City?,
        val message: String,
        val canRetry: Boolean,
    ) : WeatherUiState
}

/**
 * One-off effects, consumed exactly once by the UI.
 */
sealed class WeatherEffect {
    data class ShowSnackbar(val message: String) : WeatherEffect()

    data class ShareText(val text: String) : WeatherEffect()

    data object ScrollToTop : WeatherEffect()
}

/**
 * User intents handled by [WeatherViewModel].
 */
sealed interface WeatherAction {
    data class SelectCity(val city: City) : WeatherAction

    data object Refresh : WeatherAction

    data object ToggleUnit : WeatherAction

    data object ToggleFavorite : WeatherAction

    data object Share : WeatherAction
}
