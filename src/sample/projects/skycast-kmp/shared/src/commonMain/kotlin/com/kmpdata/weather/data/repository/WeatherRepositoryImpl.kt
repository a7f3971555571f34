package com.kmpdata.weather.data.repository

import com.kmpdata.weather.data.local.ForecastCache
import com.kmpdata.weather.data.mapper.ForecastMapper
import com.kmpdata.weather.data.remote.ApiException
import com.kmpdata.weather.data.remote.WeatherApi
import com.kmpdata.weather.domain.model.City
import com.kmpdata.weather.domain.repository.ForecastResult
import com.kmpdata.weather.domain.repository.WeatherRepository
import com.kmpdata.weather.platform.NetworkMonitor
import com.kmpdata.weather.platform.WeatherLogger
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.flow.flowOn
import kotlinx.coroutines.withContext

/**
 * Default [WeatherRepository]: cache first, then network.
 */
class WeatherRepositoryImpl(
    private val api: WeatherApi,
    private val cache: ForecastCache,
    private val mapper: ForecastMapper,
    private val networkMonitor: NetworkMonitor,
    private val dispatcher: CoroutineDispatcher = Dispatchers.Default,
) : WeatherRepository {

    override fun observeForecast(city: City): Flow<ForecastResult> = flow {
        val cached = cache.get(city.cacheKey)
        if (cached != null) {
            emit(ForecastResult.Cached(cached.forecast))
            if (!cache.isStale(city.cacheKey)) {
                WeatherLogger.d(TAG, "Cache for ${city.name} is fresh, skipping network")
                return@flow
            }
        }
        emit(refresh(city))
    }.flowOn(dispatcher)

    override suspend fun refresh(city: City): ForecastResult = withContext(dispatcher) {
        if (!networkMonitor.isConnected()) {
            val cached = cache.get(city.cacheKey)
            val offline = ApiException.Network(IllegalStateException("Device is offline"))
            return@withContext if (cached != null) {
                ForecastResult.Cached(cached.forecast, offline)
            } else {
                ForecastResult.Failure(offline)
            }
        }

        try {
            val dto = api.forecast(city.latitude, city.longitude)
            val forecast = mapper.map(dto, city)
            cache.put(city.cacheKey, forecast)
            ForecastResult.Fresh(forecast)
        } catch (e: CancellationException) {
            throw e
        } catch (e: Exception) {
            WeatherLogger.e(TAG, "Refreshing ${city.name} failed", e)
            val cached = cache.get(city.cacheKey)
            if (cached != null) ForecastResult.Cached(cached.forecast, e) else ForecastResult.Failure(e)
        }
    }

    override suspend fun searchCities(query: String): List<City> = withContext(dispatcher) {
        val results = api.searchCities(query)
        results
            .map(mapper::mapCity)
            .distinctBy { it.cacheKey }
    }

    private companion object {
        const val TAG = "WeatherRepository"
    }
}
