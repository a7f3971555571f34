package com.stridelog.shared.platform

import kotlinx.browser.window
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.flow.emptyFlow
import org.w3c.dom.events.Event
import kotlin.js.Date
import kotlin.math.sqrt

/** Acceleration magnitude (m/s², gravity included) that counts as a step peak. */
private const val PEAK_THRESHOLD = 11.5

/** Magnitude must fall this far below the threshold before the next peak counts. */
private const val HYSTERESIS = 1.5

/** Ignore peaks closer together than this (faster than ~3.3 steps per second). */
private const val MIN_STEP_INTERVAL_MS = 300.0

/**
 * Browser step detection from `devicemotion` events using simple peak
 * detection. Only counts steps while the page is open, so [steps] ignores
 * `sinceEpochMillis` and starts at zero.
 */
actual class StepCounter {
    actual val isAvailable: Boolean
        get() = js("typeof window !== 'undefined' && 'DeviceMotionEvent' in window") as Boolean

    actual fun steps(sinceEpochMillis: Long): Flow<Int> {
        if (!isAvailable) return emptyFlow()
        return callbackFlow {
            var steps = 0
            var lastPeakAt = 0.0
            var abovePeak = false

            val listener: (Event) -> Unit = listener@{ event ->
                val acceleration = event.asDynamic().accelerationIncludingGravity ?: return@listener
                val x = (acceleration.x as? Double) ?: 0.0
                val y = (acceleration.y as? Double) ?: 0.0
                val z = (acceleration.z as? Double) ?: 0.0
                val magnitude = sqrt(x * x + y * y + z * z)
                val now = Date.now()
                if (!abovePeak && magnitude > PEAK_THRESHOLD && now - lastPeakAt > MIN_STEP_INTERVAL_MS) {
                    abovePeak = true
                    lastPeakAt = now
                    steps++
                    trySend(steps)
                } else if (abovePeak && magnitude < PEAK_THRESHOLD - HYSTERESIS) {
                    abovePeak = false
                }
            }

            trySend(0)
            window.addEventListener("devicemotion", listener)
            awaitClose { window.removeEventListener("devicemotion", listener) }
        }
    }
}
