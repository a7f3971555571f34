package dev.kmpdata.weather.android

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import dev.kmpdata.weather.DailyForecast
import dev.kmpdata.weather.Units
import dev.kmpdata.weather.WeatherResult

@Composable
fun WeatherScreen(loadForecast: suspend (refresh: Boolean) -> WeatherResult) {
    var result by remember { mutableStateOf<WeatherResult>(WeatherResult.Loading) }
    var refreshCount by remember { mutableIntStateOf(0) }

    LaunchedEffect(refreshCount) {
        result = WeatherResult.Loading
        result = loadForecast(refreshCount > 0)
    }

    Column(modifier = Modifier.padding(16.dp)) {
        Row(
            modifier = Modifier.fillMaxWidth(),
            horizontalArrangement = Arrangement.SpaceBetween,
        ) {
            Text("Forecast", style = MaterialTheme.typography.headlineMedium)
            Button(onClick = { refreshCount++ }) { Text("Refresh") }
        }
        when (val current = result) {
            WeatherResult.Loading -> Text("Loading…")
            is WeatherResult.Failure -> Text(current.message, color = MaterialTheme.colorScheme.error)
            is WeatherResult.Success -> ForecastList(current.forecast.days, current.forecast.units)
        }
    }
}

@Composable
fun ForecastList(days: List<DailyForecast>, units: Units) {
    LazyColumn(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        items(days, key = { it.date }) { day ->
            DayCard(day, units)
        }
    }
}

@Composable
fun DayCard(day: DailyForecast, units: Units) {
    val range = remember(day, units) {
        "${units.format(day.minTemperature)} / ${units.format(day.maxTemperature)}"
    }
    Card(modifier = Modifier.fillMaxWidth()) {
        Row(
            modifier = Modifier.padding(12.dp).fillMaxWidth(),
            horizontalArrangement = Arrangement.SpaceBetween,
        ) {
            Column {
                Text(day.date, style = MaterialTheme.typography.titleMedium)
                Text(day.condition)
            }
            Text(range)
        }
    }
}
