package com.stridelog.shared.model

import kotlinx.datetime.DayOfWeek
import kotlinx.datetime.LocalDate
import kotlin.time.Duration

/**
 * Aggregates for a single day.
 */
data class DailyStats(
    val date: LocalDate,
    val workouts: Int,
    val activeTime: Duration,
    val distance: Distance,
    val calories: Int,
)

/**
 * Aggregates for one week (Monday to Sunday), plus per-day rows for charts.
 */
data class WeeklySummary(
    val weekStart: LocalDate,
    val days: List<DailyStats>,
    val steps: Int,
) {
    val totalWorkouts: Int by lazy { days.sumOf { it.workouts } }

    val totalDistance: Distance by lazy { days.map { it.distance }.sum() }

    val totalActiveTime: Duration by lazy { days.fold(Duration.ZERO) { acc, day -> acc + day.activeTime } }

    val totalCalories: Int
        get() = days.sumOf { it.calories }

    /** The day with the most active time, or `null` in an empty week. */
    val bestDay: DailyStats?
        get() = days.filter { it.workouts > 0 }.maxByOrNull { it.activeTime }

    /** Active days out of seven. */
    val streak: Int
        get() = days.count { it.workouts > 0 }

    operator fun get(day: DayOfWeek): DailyStats? = days.firstOrNull { it.date.dayOfWeek == day }
}
