package com.kmpdata.weather.platform

import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.flow.distinctUntilChanged
import org.koin.core.module.Module
import org.koin.core.qualifier.named
import org.koin.dsl.module
import platform.Network.nw_path_get_status
import platform.Network.nw_path_monitor_cancel
import platform.Network.nw_path_monitor_create
import platform.Network.nw_path_monitor_set_queue
import platform.Network.nw_path_monitor_set_update_handler
import platform.Network.nw_path_monitor_start
import platform.Network.nw_path_status_satisfied
import platform.UIKit.UIDevice
import platform.darwin.dispatch_queue_create
import kotlin.concurrent.AtomicInt

actual class NetworkMonitor {
    // 1 = connected, 0 = offline. Starts optimistic until the first path update arrives.
    private val lastStatus = AtomicInt(1)
    private val queue = dispatch_queue_create("com.kmpdata.weather.network", null)
    private val backgroundMonitor = nw_path_monitor_create()

    init {
        nw_path_monitor_set_update_handler(backgroundMonitor) { path ->
            lastStatus.value = if (nw_path_get_status(path) == nw_path_status_satisfied) 1 else 0
        }
        nw_path_monitor_set_queue(backgroundMonitor, queue)
        nw_path_monitor_start(backgroundMonitor)
    }

    actual fun isConnected(): Boolean = lastStatus.value == 1

    actual fun observe(): Flow<Boolean> = callbackFlow {
        val monitor = nw_path_monitor_create()
        nw_path_monitor_set_update_handler(monitor) { path ->
            val connected = nw_path_get_status(path) == nw_path_status_satisfied
            lastStatus.value = if (connected) 1 else 0
            trySend(connected)
        }
        nw_path_monitor_set_queue(monitor, queue)
        nw_path_monitor_start(monitor)
        awaitClose { nw_path_monitor_cancel(monitor) }
    }.distinctUntilChanged()

    fun stop() {
        nw_path_monitor_cancel(backgroundMonitor)
    }
}

actual val platformModule: Module = module {
    single { NetworkMonitor() }
    single(named(PLATFORM_NAME_QUALIFIER)) {
        val device = UIDevice.currentDevice
        "${device.systemName} ${device.systemVersion}"
    }
}
