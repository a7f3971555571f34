package com.stridelog.shared.model

import kotlin.jvm.JvmInline
import kotlin.math.roundToInt
import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes

/** Body weight used for calorie estimates when the user has not set one. */
const val DEFAULT_WEIGHT_KG: Double = 70.0

/**
 * Identifier of a stored [Workout]. `0` is reserved for unsaved workouts.
 */
@JvmInline
value class WorkoutId(val value: Long) {
    val isNew: Boolean
        get() = value == 0L

    companion object {
        val NEW = WorkoutId(0L)
    }
}

/**
 * Kinds of activity the app can log.
 *
 * @property met metabolic equivalent used for calorie estimates
 * @property tracksDistance whether the log form asks for a distance
 */
enum class ActivityType(
    val displayName: String,
    val emoji: String,
    val met: Double,
    val tracksDistance: Boolean,
) {
    RUN("Run", "🏃", met = 9.8, tracksDistance = true),
    WALK("Walk", "🚶", met = 3.5, tracksDistance = true),
    CYCLE("Ride", "🚴", met = 7.5, tracksDistance = true),
    SWIM("Swim", "🏊", met = 8.0, tracksDistance = true) {
        // Pools are measured in metres even for imperial users, so keep the precision.
        override val distanceStep: Double = 25.0
    },
    STRENGTH("Strength", "🏋️", met = 5.0, tracksDistance = false),
    YOGA("Yoga", "🧘", met = 2.5, tracksDistance = false);

    /** Granularity of the distance picker, in metres. */
    open val distanceStep: Double = 100.0

    /** Calories for [duration] at the given body weight, using the MET formula. */
    fun estimateCalories(duration: Duration, weightKg: Double = DEFAULT_WEIGHT_KG): Int {
        val hours = duration.inWholeSeconds / 3_600.0
        return (met * weightKg * hours).roundToInt()
    }
}

/**
 * A completed workout.
 *
 * @property startedAt epoch milliseconds of the start
 * @property distanceMeters `null` for activities without a distance
 */
data class Workout(
    val id: WorkoutId = WorkoutId.NEW,
    val type: ActivityType,
    val startedAt: Long,
    val duration: Duration,
    val distanceMeters: Double? = null,
    val calories: Int? = null,
    val averageHeartRate: Int? = null,
    val note: String = "",
) {
    init {
        require(duration.isPositive()) { "Workout duration must be positive, was $duration" }
        require(distanceMeters == null || distanceMeters >= 0.0) { "Distance must not be negative" }
    }

    val endedAt: Long
        get() = startedAt + duration.inWholeMilliseconds

    /** Average pace in seconds per kilometre, or `null` if there is no distance. */
    val paceSecondsPerKm: Double?
        get() {
            val km = (distanceMeters ?: return null) / 1_000.0
            return if (km > 0.01) duration.inWholeSeconds / km else null
        }

    /** Average speed in km/h, or `null` if there is no distance. */
    val speedKmh: Double?
        get() = distanceMeters?.let { it / 1_000.0 / (duration.inWholeSeconds / 3_600.0) }

    /** Whether the workout counts towards "active minutes" goals. */
    val isVigorous: Boolean
        get() = type.met >= 6.0 || (averageHeartRate ?: 0) >= 140

    companion object {
        /** Workouts shorter than this are most likely accidental taps. */
        val MIN_DURATION: Duration = 1.minutes
    }
}
