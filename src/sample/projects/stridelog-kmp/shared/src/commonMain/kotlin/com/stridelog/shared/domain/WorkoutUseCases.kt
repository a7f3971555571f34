package com.stridelog.shared.domain

import com.stridelog.shared.data.WorkoutRepository
import com.stridelog.shared.model.ActivityType
import com.stridelog.shared.model.DEFAULT_WEIGHT_KG
import com.stridelog.shared.model.Goal
import com.stridelog.shared.model.GoalProgress
import com.stridelog.shared.model.Kilograms
import com.stridelog.shared.model.WeeklySummary
import com.stridelog.shared.model.Workout
import com.stridelog.shared.model.WorkoutId
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.combine
import kotlinx.datetime.DatePeriod
import kotlinx.datetime.Instant
import kotlinx.datetime.LocalDate
import kotlinx.datetime.TimeZone
import kotlinx.datetime.atStartOfDayIn
import kotlinx.datetime.plus
import kotlin.time.Duration
import kotlin.time.Duration.Companion.hours

/**
 * Input of [LogWorkoutUseCase], straight from the form.
 */
data class WorkoutInput(
    val type: ActivityType,
    val startedAt: Instant,
    val duration: Duration,
    val distanceMeters: Double?,
    val averageHeartRate: Int?,
    val note: String,
)

/** Why a workout could not be logged. */
enum class WorkoutValidationError {
    DURATION_TOO_SHORT,
    DURATION_TOO_LONG,
    DISTANCE_REQUIRED,
    DISTANCE_UNREALISTIC,
    IN_THE_FUTURE,
}

/**
 * Validates and stores a workout, estimating calories on the way.
 */
class LogWorkoutUseCase(
    private val repository: WorkoutRepository,
    private val calorieEstimator: CalorieEstimator,
    private val weightKg: () -> Kilograms = { DEFAULT_WEIGHT_KG },
    private val now: () -> Instant,
) {
    suspend operator fun invoke(input: WorkoutInput): Result<WorkoutId> {
        val errors = validate(input)
        if (errors.isNotEmpty()) {
            return Result.failure(InvalidWorkoutException(errors))
        }
        val workout = Workout(
            type = input.type,
            startedAt = input.startedAt.toEpochMilliseconds(),
            duration = input.duration,
            distanceMeters = input.distanceMeters.takeIf { input.type.tracksDistance },
            calories = calorieEstimator.estimate(input.type, input.duration, weightKg(), input.averageHeartRate),
            averageHeartRate = input.averageHeartRate,
            note = input.note.trim(),
        )
        return runCatching { repository.save(workout) }
    }

    fun validate(input: WorkoutInput): Set<WorkoutValidationError> = buildSet {
        if (input.duration < Workout.MIN_DURATION) add(WorkoutValidationError.DURATION_TOO_SHORT)
        if (input.duration > 24.hours) add(WorkoutValidationError.DURATION_TOO_LONG)
        if (input.startedAt > now()) add(WorkoutValidationError.IN_THE_FUTURE)
        if (input.type.tracksDistance) {
            val distance = input.distanceMeters
            if (distance == null || distance <= 0.0) {
                add(WorkoutValidationError.DISTANCE_REQUIRED)
            } else {
                val speedKmh = distance / 1_000.0 / (input.duration.inWholeSeconds / 3_600.0)
                if (speedKmh > maxSpeedKmh(input.type)) add(WorkoutValidationError.DISTANCE_UNREALISTIC)
            }
        }
    }

    private fun maxSpeedKmh(type: ActivityType): Double = when (type) {
        ActivityType.RUN -> 25.0
        ActivityType.WALK -> 10.0
        ActivityType.CYCLE -> 80.0
        ActivityType.SWIM -> 8.0
        ActivityType.STRENGTH, ActivityType.YOGA -> Double.MAX_VALUE
    }
}

class InvalidWorkoutException(val errors: Set<WorkoutValidationError>) :
    IllegalArgumentException("Invalid workout: ${errors.joinToString()}")

/**
 * Streams the summary of the week containing a date.
 */
class GetWeeklySummaryUseCase(private val repository: WorkoutRepository) {
    operator fun invoke(day: LocalDate): Flow<WeeklySummary> = repository.observeWeek(day)
}

/**
 * Computes progress of the user's goals for the week containing a date.
 */
class GetGoalProgressUseCase(
    private val repository: WorkoutRepository,
    private val timeZone: TimeZone = TimeZone.currentSystemDefault(),
) {
    operator fun invoke(day: LocalDate, goals: Flow<List<Goal>>): Flow<List<GoalProgress>> =
        combine(repository.observeWeek(day), repository.observeWorkouts(), goals) { summary, all, currentGoals ->
            val start = summary.weekStart.atStartOfDayIn(timeZone).toEpochMilliseconds()
            val end = summary.weekStart.plus(DatePeriod(days = 7)).atStartOfDayIn(timeZone).toEpochMilliseconds()
            val thisWeek = all.filter { it.startedAt in start until end }
            currentGoals.map { goal -> GoalProgress(goal, goal.progress(thisWeek, summary.steps)) }
                .sortedBy { it.isComplete }
        }
}

/**
 * Deletes a workout; returns the deleted workout so it can be restored.
 */
class DeleteWorkoutUseCase(private val repository: WorkoutRepository) {
    suspend operator fun invoke(id: WorkoutId): Workout? {
        val workout = repository.get(id) ?: return null
        return workout.takeIf { repository.delete(id) }
    }
}
