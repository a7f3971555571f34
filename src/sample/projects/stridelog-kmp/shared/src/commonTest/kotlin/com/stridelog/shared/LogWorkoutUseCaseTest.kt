package com.stridelog.shared

import com.stridelog.shared.data.InMemoryWorkoutDataSource
import com.stridelog.shared.data.WorkoutRepositoryImpl
import com.stridelog.shared.domain.InvalidWorkoutException
import com.stridelog.shared.domain.LogWorkoutUseCase
import com.stridelog.shared.domain.MetCalorieEstimator
import com.stridelog.shared.domain.WorkoutInput
import com.stridelog.shared.domain.WorkoutValidationError
import com.stridelog.shared.model.ActivityType
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.test.runTest
import kotlinx.datetime.Instant
import kotlinx.datetime.TimeZone
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertIs
import kotlin.test.assertNull
import kotlin.time.Duration.Companion.minutes

class LogWorkoutUseCaseTest {
    private val now = Instant.parse("2024-06-05T18:00:00Z")
    private val dataSource = InMemoryWorkoutDataSource()
    private val repository = WorkoutRepositoryImpl(dataSource, stepCounter = null, timeZone = TimeZone.UTC)
    private val logWorkout = LogWorkoutUseCase(repository, MetCalorieEstimator, weightKg = { 80.0 }, now = { now })

    private fun input(
        type: ActivityType = ActivityType.RUN,
        minutes: Int = 30,
        distance: Double? = 6_000.0,
    ) = WorkoutInput(type, Instant.parse("2024-06-05T07:00:00Z"), minutes.minutes, distance, null, " morning ")

    @Test
    fun storesWorkoutWithEstimatedCalories() = runTest {
        val id = logWorkout(input()).getOrThrow()
        val stored = repository.get(id)!!
        // 9.8 MET * 80 kg * 0.5 h
        assertEquals(392, stored.calories)
        assertEquals("morning", stored.note)
    }

    @Test
    fun distanceIsDroppedForActivitiesWithoutOne() = runTest {
        val id = logWorkout(input(type = ActivityType.YOGA, distance = 1_000.0)).getOrThrow()
        assertNull(repository.get(id)!!.distanceMeters)
    }

    @Test
    fun rejectsUnrealisticSpeed() = runTest {
        val result = logWorkout(input(minutes = 10, distance = 20_000.0))
        val error = assertIs<InvalidWorkoutException>(result.exceptionOrNull())
        assertEquals(setOf(WorkoutValidationError.DISTANCE_UNREALISTIC), error.errors)
    }

    @Test
    fun weeklySummaryGroupsByDay() = runTest {
        logWorkout(input()).getOrThrow()
        logWorkout(input(type = ActivityType.WALK, minutes = 40, distance = 3_000.0)).getOrThrow()

        val week = repository.observeWeek(kotlinx.datetime.LocalDate(2024, 6, 5)).first()
        assertEquals(kotlinx.datetime.LocalDate(2024, 6, 3), week.weekStart)
        assertEquals(2, week.totalWorkouts)
        assertEquals(9_000.0, week.totalDistance.meters)
        assertEquals(2, week.days[2].workouts)
    }
}
