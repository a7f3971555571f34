package com.stridelog.shared.platform

import kotlinx.coroutines.flow.Flow

/**
 * Access to the device pedometer.
 *
 * - Android: `Sensor.TYPE_STEP_COUNTER` (needs ACTIVITY_RECOGNITION)
 * - iOS: `CMPedometer`
 * - JVM / browser: no hardware; reports unavailable and emits nothing
 *
 * Instances are created by the platform Koin module because Android needs a
 * `Context`.
 */
expect class StepCounter {
    /** `false` when the device has no step sensor or permission was denied. */
    val isAvailable: Boolean

    /**
     * Emits the number of steps taken since [sinceEpochMillis], updating as
     * the user walks. Completes immediately when [isAvailable] is `false`.
     */
    fun steps(sinceEpochMillis: Long): Flow<Int>
}
