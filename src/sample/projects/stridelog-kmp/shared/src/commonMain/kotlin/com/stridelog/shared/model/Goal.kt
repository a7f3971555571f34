package com.stridelog.shared.model

import kotlin.time.Duration
import kotlin.time.Duration.Companion.ZERO

/**
 * A weekly target the user wants to reach.
 */
sealed class Goal {
    /** Short title, e.g. "Run 20 km". */
    abstract val title: String

    /**
     * Progress between 0 and 1 (values above 1 mean the goal was exceeded)
     * for the given workouts and step count of the current week.
     */
    abstract fun progress(workouts: List<Workout>, steps: Int): Float

    fun isReached(workouts: List<Workout>, steps: Int): Boolean = progress(workouts, steps) >= 1f

    data class WeeklyDistance(val target: Distance, val type: ActivityType? = null) : Goal() {
        override val title: String
            get() = "${type?.displayName ?: "Move"} ${target.kilometers.toInt()} km"

        override fun progress(workouts: List<Workout>, steps: Int): Float {
            val done = workouts
                .filter { type == null || it.type == type }
                .mapNotNull { it.distanceMeters }
                .sum()
            return (done / target.meters).toFloat()
        }
    }

    data class WeeklyWorkouts(val count: Int) : Goal() {
        init {
            require(count > 0) { "count must be positive" }
        }

        override val title: String
            get() = "$count workouts"

        override fun progress(workouts: List<Workout>, steps: Int): Float = workouts.size / count.toFloat()
    }

    data class ActiveMinutes(val target: Duration) : Goal() {
        override val title: String
            get() = "${target.inWholeMinutes} active minutes"

        override fun progress(workouts: List<Workout>, steps: Int): Float {
            val active = workouts.fold(ZERO) { acc, w ->
                // Vigorous minutes count double, as in the WHO recommendations.
                acc + if (w.isVigorous) w.duration * 2 else w.duration
            }
            return (active / target).toFloat()
        }
    }

    data class Steps(val perWeek: Int) : Goal() {
        override val title: String
            get() = "${perWeek / 1_000}k steps"

        override fun progress(workouts: List<Workout>, steps: Int): Float = steps / perWeek.toFloat()
    }

    companion object {
        /** Goals offered to new users. */
        val defaults: List<Goal> = listOf(
            WeeklyWorkouts(3),
            ActiveMinutes(Duration.parse("150m")),
            Steps(70_000),
        )
    }
}

/** Progress of one goal, ready for display. */
data class GoalProgress(val goal: Goal, val fraction: Float) {
    val percent: Int
        get() = (fraction.coerceIn(0f, 9.99f) * 100).toInt()

    val isComplete: Boolean
        get() = fraction >= 1f
}
