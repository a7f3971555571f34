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
    actual fun isConnected(): Boolean = window.navigator.onLine

    actual fun observe(): Flow<Boolean> = callbackFlow {
        val onOnline: (Event) -> Unit = { trySend(true) }
        val onOffline: (Event) -> Unit = { trySend(false) }
        window.addEventListener("online", onOnline)
        window.addEventListener("offline", onOffline)
        trySend(window.navigator.onLine)
        awaitClose {
            window.removeEventListener("online", onOnline)
            window.removeEventListener("offline", onOffline)
        }
    }.distinctUntilChanged()
}

actual val platformModule: Module = module {
    single { NetworkMonitor() }
    single(named(PLATFORM_NAME_QUALIFIER)) { "Browser (${window.navigator.language})" }
}
