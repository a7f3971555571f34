package com.kmpdata.weather.data.remote.dto

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

/** Response of the geocoding search endpoint. */
@Serializable
data class GeocodingResponseDto(
    val results: List<GeoResultDto> = emptyList(),
    @SerialName("generationtime_ms") val generationTimeMs: Double? = null,
)

/**
 * A single place returned by the geocoding API.
 */
@Serializable
data class GeoResultDto(
    val id: Long,
    val name: String,
    val latitude: Double,
    val longitude: Double,
    val country: String? = null,
    @SerialName("country_code") val countryCode: String? = null,
    @SerialName("admin1") val region: String? = null,
    val timezone: String? = null,
    val population: Long? = null,
    val elevation: Double? = null,
)
