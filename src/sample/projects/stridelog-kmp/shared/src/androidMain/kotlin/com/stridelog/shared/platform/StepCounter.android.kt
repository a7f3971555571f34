package com.stridelog.shared.platform

import android.Manifest
import android.content.Context
import android.content.pm.PackageManager
import android.hardware.Sensor
import android.hardware.SensorEvent
import android.hardware.SensorEventListener
import android.hardware.SensorManager
import android.os.Build
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.flow.conflate
import kotlinx.coroutines.flow.emptyFlow

actual class StepCounter(private val context: Context) {

    private val sensorManager = context.getSystemService(Context.SENSOR_SERVICE) as SensorManager
    private val sensor: Sensor? = sensorManager.getDefaultSensor(Sensor.TYPE_STEP_COUNTER)
    private val baselines = context.getSharedPreferences(PREFS_NAME, Context.MODE_PRIVATE)

    actual val isAvailable: Boolean
        get() = sensor != null && hasPermission()

    private fun hasPermission(): Boolean {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.Q) return true
        val result = context.checkSelfPermission(Manifest.permission.ACTIVITY_RECOGNITION)
        return result == PackageManager.PERMISSION_GRANTED
    }

    actual fun steps(sinceEpochMillis: Long): Flow<Int> {
        val stepSensor = sensor
        if (stepSensor == null || !hasPermission()) return emptyFlow()

        return callbackFlow {
            // TYPE_STEP_COUNTER reports steps since boot; the first reading after
            // sinceEpochMillis is stored as the baseline for that period.
            val key = "baseline_$sinceEpochMillis"
            val listener = object : SensorEventListener {
                override fun onSensorChanged(event: SensorEvent) {
                    val sinceBoot = event.values[0].toInt()
                    var baseline = baselines.getInt(key, -1)
                    if (baseline < 0 || baseline > sinceBoot) {
                        // First reading, or the device rebooted and the counter reset.
                        baseline = sinceBoot
                        baselines.edit().putInt(key, baseline).apply()
                    }
                    trySend(sinceBoot - baseline)
                }

                override fun onAccuracyChanged(sensor: Sensor?, accuracy: Int) = Unit
            }
            val registered = sensorManager.registerListener(listener, stepSensor, SensorManager.SENSOR_DELAY_UI)
            if (!registered) {
                close(IllegalStateException("Step counter sensor could not be registered"))
            }
            awaitClose { sensorManager.unregisterListener(listener) }
        }.conflate()
    }

    private companion object {
        const val PREFS_NAME = "stridelog_step_baselines"
    }
}
