package com.stridelog.shared.domain

import com.stridelog.shared.model.ActivityType
import com.stridelog.shared.model.Kilograms
import kotlin.math.roundToInt
import kotlin.time.Duration

/**
 * Estimates energy expenditure for a workout.
 */
fun interface CalorieEstimator {
    fun estimate(type: ActivityType, duration: Duration, weightKg: Kilograms, averageHeartRate: Int?): Int
}

/** Uses only the activity's MET value. */
object MetCalorieEstimator : CalorieEstimator {
    override fun estimate(type: ActivityType, duration: Duration, weightKg: Kilograms, averageHeartRate: Int?): Int =
        type.estimateCalories(duration, weightKg)
}

/**
 * Uses the Keytel et al. heart rate regression when a heart rate is known and
 * falls back to [fallback] otherwise.
 */
class HeartRateCalorieEstimator(
    private val ageYears: Int,
    private val isMale: Boolean,
    private val fallback: CalorieEstimator = MetCalorieEstimator,
) : CalorieEstimator {

    override fun estimate(type: ActivityType, duration: Duration, weightKg: Kilograms, averageHeartRate: Int?): Int {
        val hr = averageHeartRate?.takeIf { it in 60..220 }
            ?: return fallback.estimate(type, duration, weightKg, null)
        val minutes = duration.inWholeSeconds / 60.0
        val kjPerMinute = if (isMale) {
            -55.0969 + 0.6309 * hr + 0.1988 * weightKg + 0.2017 * ageYears
        } else {
            -20.4022 + 0.4472 * hr - 0.1263 * weightKg + 0.074 * ageYears
        }
        val kcal = kjPerMinute * minutes / KJ_PER_KCAL
        return kcal.coerceAtLeast(0.0).roundToInt()
    }

    private companion object {
        const val KJ_PER_KCAL = 4.184
    }
}
