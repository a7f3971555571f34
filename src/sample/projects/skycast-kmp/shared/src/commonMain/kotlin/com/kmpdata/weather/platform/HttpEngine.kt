package com.kmpdata.weather.platform

import io.ktor.client.engine.HttpClientEngine

/** Default request timeout applied by engines that support one natively. */
const val ENGINE_TIMEOUT_MILLIS: Long = 20_000L

/**
 * Creates the platform specific Ktor engine:
 * OkHttp on Android, Darwin (`NSURLSession`) on iOS, CIO on the JVM and the
 * fetch based engine in browsers (JS and Wasm).
 *
 * The returned engine is owned by the `HttpClient` built from it and closed with it.
 */
expect fun createHttpEngine(): HttpClientEngine

/**
 * Describes the engine for diagnostics screens, e.g. `OkHttpEngine`.
 */
fun HttpClientEngine.describe(): String {
    val name = this::class.simpleName ?: "UnknownEngine"
    val proxy = config.proxy?.let { " via proxy" }.orEmpty()
    return "$name (pipelining=${config.pipelining})$proxy"
}
