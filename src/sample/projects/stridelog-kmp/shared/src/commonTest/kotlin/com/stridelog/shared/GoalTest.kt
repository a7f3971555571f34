package com.stridelog.shared

import com.stridelog.shared.model.ActivityType
import com.stridelog.shared.model.Distance
import com.stridelog.shared.model.Goal
import com.stridelog.shared.model.UnitSystem
import com.stridelog.shared.model.Workout
import com.stridelog.shared.platform.DurationStyle
import com.stridelog.shared.platform.clockString
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import kotlin.time.Duration.Companion.hours
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.seconds

class GoalTest {

    private val run5k = Workout(type = ActivityType.RUN, startedAt = 0, duration = 25.minutes, distanceMeters = 5_000.0)
    private val yoga = Workout(type = ActivityType.YOGA, startedAt = 0, duration = 45.minutes)

    @Test
    fun weeklyDistanceCountsOnlyMatchingType() {
        val goal = Goal.WeeklyDistance(Distance.km(10.0), ActivityType.RUN)
        assertEquals(0.5f, goal.progress(listOf(run5k, yoga), steps = 0))
    }

    @Test
    fun vigorousMinutesCountDouble() {
        val goal = Goal.ActiveMinutes(150.minutes)
        // 25 vigorous minutes count as 50, plus 45 moderate minutes = 95 of 150.
        val progress = goal.progress(listOf(run5k, yoga), steps = 0)
        assertEquals(95f / 150f, progress, absoluteTolerance = 0.001f)
    }

    @Test
    fun stepGoalIsReached() {
        assertTrue(Goal.Steps(70_000).isReached(emptyList(), steps = 71_000))
    }

    @Test
    fun workoutRejectsNonPositiveDuration() {
        assertFailsWith<IllegalArgumentException> {
            Workout(type = ActivityType.WALK, startedAt = 0, duration = 0.seconds)
        }
    }

    @Test
    fun paceAndFormatting() {
        assertEquals(300.0, run5k.paceSecondsPerKm)
        assertEquals("5:00 /km", UnitSystem.METRIC.formatPace(run5k.paceSecondsPerKm!!))
        assertEquals("5.0 km", UnitSystem.METRIC.formatDistance(Distance(5_000.0)))
        assertEquals("3.1 mi", UnitSystem.IMPERIAL.formatDistance(Distance(5_000.0)))
    }

    @Test
    fun clockFormatting() {
        assertEquals("4:05", clockString(245.seconds))
        assertEquals("1:02:03", clockString(1.hours + 2.minutes + 3.seconds))
        assertEquals(DurationStyle.CLOCK, DurationStyle.valueOf("CLOCK"))
    }
}
