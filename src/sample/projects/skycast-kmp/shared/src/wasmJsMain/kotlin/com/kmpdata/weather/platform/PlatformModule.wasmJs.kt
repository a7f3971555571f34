package com.kmpdata.weather.platform

import kotlinx.browser.window
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.flow.distinctUntilChanged
import org.koin.core.module.Module
import org.koin.core.qualifier.named
import org.koin.dsl.module
import org.w3c.dom.events.Event

actual class NetworkMonitor {
    private var listeners = 0

    actual fun isConnected(): Boolean = window.navigator.onLine

    actual fun observe(): Flow<Boolean> = callbackFlow {
        val onOnline: (Event) -> Unit = { trySend(true) }
        val onOffline: (Event) -> Unit = { trySend(false) }
        window.addEventListener("online", onOnline)
        window.addEventListener("offline", onOffline)
        listeners++
        trySend(isConnected())
        awaitClose {
            window.removeEventListener("online", onOnline)
            window.removeEventListener("offline", onOffline)
            listeners--
        }
    }.distinctUntilChanged()

    /** Number of active observers, exposed for the debug overlay. */
    val activeObservers: Int
        get() = listeners
}

actual val platformModule: Module = module {
    single { NetworkMonitor() }
    single(named(PLATFORM_NAME_QUALIFIER)) { "Wasm (${window.navigator.userAgent.substringBefore(' ')})" }
}
