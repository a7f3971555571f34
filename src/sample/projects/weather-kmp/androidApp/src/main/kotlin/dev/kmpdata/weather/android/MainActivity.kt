package dev.kmpdata.weather.android

import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import dev.kmpdata.weather.CachingWeatherRepository
import dev.kmpdata.weather.GetForecastUseCase
import dev.kmpdata.weather.KtorWeatherApi
import dev.kmpdata.weather.LocationProvider
import dev.kmpdata.weather.createHttpClient

class MainActivity : ComponentActivity() {

    private val getForecast by lazy {
        val repository = CachingWeatherRepository(
            api = KtorWeatherApi(createHttpClient()),
            clock = System::currentTimeMillis,
        )
        GetForecastUseCase(repository, LocationProvider(applicationContext))
    }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        setContent {
            MaterialTheme {
                Surface {
                    WeatherScreen(loadForecast = { refresh -> getForecast(forceRefresh = refresh) })
                }
            }
        }
    }
}
