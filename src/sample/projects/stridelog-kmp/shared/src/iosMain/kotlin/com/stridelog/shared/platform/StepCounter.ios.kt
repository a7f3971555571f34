package com.stridelog.shared.platform

import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.flow.emptyFlow
import platform.CoreMotion.CMAuthorizationStatusDenied
import platform.CoreMotion.CMAuthorizationStatusRestricted
import platform.CoreMotion.CMPedometer
import platform.Foundation.NSDate
import platform.Foundation.dateWithTimeIntervalSince1970

actual class StepCounter {
    private val pedometer = CMPedometer()

    actual val isAvailable: Boolean
        get() {
            if (!CMPedometer.isStepCountingAvailable()) return false
            val status = CMPedometer.authorizationStatus()
            return status != CMAuthorizationStatusDenied && status != CMAuthorizationStatusRestricted
        }

    actual fun steps(sinceEpochMillis: Long): Flow<Int> {
        if (!isAvailable) return emptyFlow()
        return callbackFlow {
            val start = NSDate.dateWithTimeIntervalSince1970(sinceEpochMillis / 1_000.0)
            pedometer.startPedometerUpdatesFromDate(start) { data, error ->
                when {
                    error != null -> close(IllegalStateException(error.localizedDescription))
                    data != null -> trySend(data.numberOfSteps.intValue)
                }
            }
            awaitClose { pedometer.stopPedometerUpdates() }
        }
    }
}
