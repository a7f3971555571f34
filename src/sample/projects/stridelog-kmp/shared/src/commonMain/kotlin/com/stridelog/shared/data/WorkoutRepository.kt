package com.stridelog.shared.data

import com.stridelog.shared.model.DailyStats
import com.stridelog.shared.model.Distance
import com.stridelog.shared.model.WeeklySummary
import com.stridelog.shared.model.Workout
import com.stridelog.shared.model.WorkoutId
import com.stridelog.shared.platform.StepCounter
import com.stridelog.shared.platform.ioDispatcher
import com.stridelog.shared.util.startOfWeek
import com.stridelog.shared.util.toLocalDate
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.combine
import kotlinx.coroutines.flow.flowOf
import kotlinx.coroutines.flow.flowOn
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.onStart
import kotlinx.coroutines.withContext
import kotlinx.datetime.DatePeriod
import kotlinx.datetime.LocalDate
import kotlinx.datetime.TimeZone
import kotlinx.datetime.atStartOfDayIn
import kotlinx.datetime.plus
import kotlin.time.Duration

/**
 * Workouts, weekly statistics and step counts.
 */
interface WorkoutRepository {
    fun observeWorkouts(): Flow<List<Workout>>

    /** Summary of the week containing [anyDayOfWeek]. */
    fun observeWeek(anyDayOfWeek: LocalDate): Flow<WeeklySummary>

    suspend fun get(id: WorkoutId): Workout?

    suspend fun save(workout: Workout): WorkoutId

    suspend fun delete(id: WorkoutId): Boolean
}

class WorkoutRepositoryImpl(
    private val dataSource: WorkoutDataSource,
    private val stepCounter: StepCounter?,
    private val timeZone: TimeZone = TimeZone.currentSystemDefault(),
) : WorkoutRepository {

    override fun observeWorkouts(): Flow<List<Workout>> = dataSource.observeAll()

    override fun observeWeek(anyDayOfWeek: LocalDate): Flow<WeeklySummary> {
        val weekStart = anyDayOfWeek.startOfWeek()
        val weekEnd = weekStart.plus(DatePeriod(days = 7))
        val startMillis = weekStart.atStartOfDayIn(timeZone).toEpochMilliseconds()
        val endMillis = weekEnd.atStartOfDayIn(timeZone).toEpochMilliseconds()

        val weekWorkouts = dataSource.observeAll().map { all ->
            all.filter { it.startedAt in startMillis until endMillis }
        }
        val steps: Flow<Int> = when {
            stepCounter == null || !stepCounter.isAvailable -> flowOf(0)
            else -> stepCounter.steps(startMillis).onStart { emit(0) }
        }

        return combine(weekWorkouts, steps) { workouts, stepCount ->
            WeeklySummary(
                weekStart = weekStart,
                days = (0 until 7).map { offset ->
                    val date = weekStart.plus(DatePeriod(days = offset))
                    dailyStats(date, workouts.filter { it.startedAt.toLocalDate(timeZone) == date })
                },
                steps = stepCount,
            )
        }.flowOn(ioDispatcher)
    }

    override suspend fun get(id: WorkoutId): Workout? = withContext(ioDispatcher) { dataSource.get(id) }

    override suspend fun save(workout: Workout): WorkoutId = withContext(ioDispatcher) { dataSource.save(workout) }

    override suspend fun delete(id: WorkoutId): Boolean = withContext(ioDispatcher) { dataSource.delete(id) }

    private fun dailyStats(date: LocalDate, workouts: List<Workout>): DailyStats {
        var active = Duration.ZERO
        var meters = 0.0
        var calories = 0
        for (workout in workouts) {
            active += workout.duration
            meters += workout.distanceMeters ?: 0.0
            calories += workout.calories ?: 0
        }
        return DailyStats(date, workouts.size, active, Distance(meters), calories)
    }

    /** Not supported yet: exporting needs a file picker on every platform. */
    fun exportCsv(): Flow<String> = TODO("CSV export is tracked in issue #41")
}
