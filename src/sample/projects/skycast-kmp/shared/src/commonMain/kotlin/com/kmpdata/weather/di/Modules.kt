package com.kmpdata.weather.di

import com.kmpdata.weather.data.local.ForecastCache
import com.kmpdata.weather.data.local.InMemoryFavoriteCitiesRepository
import com.kmpdata.weather.data.local.InMemoryForecastCache
import com.kmpdata.weather.data.mapper.ForecastMapper
import com.kmpdata.weather.data.remote.KtorWeatherApi
import com.kmpdata.weather.data.remote.WeatherApi
import com.kmpdata.weather.data.remote.createHttpClient
import com.kmpdata.weather.data.remote.createJson
import com.kmpdata.weather.data.repository.WeatherRepositoryImpl
import com.kmpdata.weather.domain.repository.FavoriteCitiesRepository
import com.kmpdata.weather.domain.repository.WeatherRepository
import com.kmpdata.weather.domain.usecase.GetForecastUseCase
import com.kmpdata.weather.domain.usecase.RefreshForecastUseCase
import com.kmpdata.weather.domain.usecase.SearchCitiesUseCase
import com.kmpdata.weather.domain.usecase.SummarizeForecastUseCase
import com.kmpdata.weather.domain.usecase.ToggleFavoriteUseCase
import com.kmpdata.weather.platform.createHttpEngine
import com.kmpdata.weather.platform.platformModule
import com.kmpdata.weather.presentation.CitySearchViewModel
import com.kmpdata.weather.presentation.WeatherViewModel
import org.koin.core.KoinApplication
import org.koin.core.context.startKoin
import org.koin.core.module.Module
import org.koin.core.module.dsl.factoryOf
import org.koin.core.module.dsl.viewModelOf
import org.koin.dsl.KoinAppDeclaration
import org.koin.dsl.module
import kotlin.time.Duration.Companion.minutes

val networkModule = module {
    single { createJson() }
    single { createHttpClient(engine = createHttpEngine(), json = get(), enableLogging = getProperty("http.logging", false)) }
    single<WeatherApi> { KtorWeatherApi(client = get()) }
}

val dataModule = module {
    single<ForecastCache> { InMemoryForecastCache(ttl = 20.minutes, maxEntries = 24) }
    single<FavoriteCitiesRepository> { InMemoryFavoriteCitiesRepository() }
    factory { ForecastMapper() }
    single<WeatherRepository> {
        WeatherRepositoryImpl(
            api = get(),
            cache = get(),
            mapper = get(),
            networkMonitor = get(),
        )
    }
}

val domainModule = module {
    factoryOf(::GetForecastUseCase)
    factoryOf(::RefreshForecastUseCase)
    factoryOf(::SearchCitiesUseCase)
    factoryOf(::ToggleFavoriteUseCase)
    factory { SummarizeForecastUseCase() }
}

val presentationModule = module {
    viewModelOf(::WeatherViewModel)
    viewModelOf(::CitySearchViewModel)
}

/** All modules in dependency order. */
val sharedModules: List<Module>
    get() = listOf(platformModule, networkModule, dataModule, domainModule, presentationModule)

/**
 * Starts Koin with the shared modules. Platforms add their own configuration
 * (for example `androidContext`) through [appDeclaration].
 */
fun initKoin(appDeclaration: KoinAppDeclaration = {}): KoinApplication = startKoin {
    appDeclaration()
    modules(sharedModules)
}

/** Entry point for Swift, which cannot pass Kotlin lambdas with receivers easily. */
fun initKoinIos(): KoinApplication = initKoin()
