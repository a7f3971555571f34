package com.stridelog.shared.platform

import kotlinx.coroutines.currentCoroutineContext
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.emptyFlow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.isActive

/**
 * Desktops have no pedometer. For demos the counter can simulate a steady
 * walking cadence; with the default of `0` it reports itself as unavailable.
 */
actual class StepCounter(
    private val simulatedStepsPerMinute: Int = 0,
    private val tickMillis: Long = 5_000,
) {
    init {
        require(simulatedStepsPerMinute >= 0) { "cadence must not be negative" }
    }

    actual val isAvailable: Boolean
        get() = simulatedStepsPerMinute > 0

    actual fun steps(sinceEpochMillis: Long): Flow<Int> {
        if (!isAvailable) return emptyFlow()
        return flow {
            while (currentCoroutineContext().isActive) {
                val elapsedMinutes = (System.currentTimeMillis() - sinceEpochMillis) / 60_000.0
                val steps = (elapsedMinutes * simulatedStepsPerMinute).toInt().coerceAtLeast(0)
                emit(steps)
                delay(tickMillis)
            }
        }
    }
}
