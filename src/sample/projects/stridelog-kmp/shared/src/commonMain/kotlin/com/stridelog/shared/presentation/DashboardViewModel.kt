package com.stridelog.shared.presentation

import androidx.lifecycle.viewModelScope
import com.stridelog.shared.data.WorkoutRepository
import com.stridelog.shared.domain.DeleteWorkoutUseCase
import com.stridelog.shared.domain.GetGoalProgressUseCase
import com.stridelog.shared.domain.GetWeeklySummaryUseCase
import com.stridelog.shared.model.Goal
import com.stridelog.shared.model.GoalProgress
import com.stridelog.shared.model.UnitSystem
import com.stridelog.shared.model.WeeklySummary
import com.stridelog.shared.model.Workout
import com.stridelog.shared.model.WorkoutId
import com.stridelog.shared.util.today
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.catch
import kotlinx.coroutines.flow.combine
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.launch
import kotlinx.datetime.DatePeriod
import kotlinx.datetime.LocalDate
import kotlinx.datetime.minus
import kotlinx.datetime.plus

/**
 * State of the dashboard screen.
 */
sealed interface DashboardUiState {
    data object Loading : DashboardUiState

    data class Success(
        val week: WeeklySummary,
        val goals: List<GoalProgress>,
        val recent: List<Workout>,
        val units: UnitSystem,
        val isCurrentWeek: Boolean,
    ) : DashboardUiState {
        val completedGoals: Int
            get() = goals.count { it.isComplete }
    }

    data class Error(val message: String) : DashboardUiState
}

sealed interface DashboardEvent {
    data object PreviousWeek : DashboardEvent
    data object NextWeek : DashboardEvent
    data object Retry : DashboardEvent
    data class DeleteWorkout(val id: WorkoutId) : DashboardEvent
    data class OpenWorkout(val id: WorkoutId) : DashboardEvent
}

/**
 * Weekly overview: summary, goal progress and the most recent workouts.
 */
class DashboardViewModel(
    private val repository: WorkoutRepository,
    private val getWeeklySummary: GetWeeklySummaryUseCase,
    private val getGoalProgress: GetGoalProgressUseCase,
    private val deleteWorkout: DeleteWorkoutUseCase,
    private val units: UnitSystem = UnitSystem.METRIC,
) : BaseViewModel<DashboardUiState, DashboardEvent>(DashboardUiState.Loading) {

    override val genericErrorMessage: String = "Something went wrong"

    private val goals = MutableStateFlow(Goal.defaults)
    private var selectedDay: LocalDate = today()
    private var loadJob: Job? = null

    init {
        load()
    }

    override fun onEvent(event: DashboardEvent) {
        when (event) {
            DashboardEvent.PreviousWeek -> {
                selectedDay = selectedDay.minus(DatePeriod(days = 7))
                load()
            }
            DashboardEvent.NextWeek -> {
                val next = selectedDay.plus(DatePeriod(days = 7))
                if (next <= today()) {
                    selectedDay = next
                    load()
                }
            }
            DashboardEvent.Retry -> load()
            is DashboardEvent.DeleteWorkout -> launchSafely {
                val deleted = deleteWorkout(event.id)
                sendEffect(
                    Effect.ShowMessage(if (deleted != null) "Workout deleted" else "Workout not found"),
                )
            }
            is DashboardEvent.OpenWorkout -> sendEffect(Effect.OpenWorkout(event.id.value))
        }
    }

    private fun load() {
        loadJob?.cancel()
        setState { DashboardUiState.Loading }
        val day = selectedDay
        val recent = repository.observeWorkouts().map { it.take(RECENT_COUNT) }
        loadJob = viewModelScope.launch {
            combine(getWeeklySummary(day), getGoalProgress(day, goals), recent) { week, progress, latest ->
                DashboardUiState.Success(
                    week = week,
                    goals = progress,
                    recent = latest,
                    units = units,
                    isCurrentWeek = day.plus(DatePeriod(days = 7)) > today(),
                )
            }.catch { error ->
                setState { DashboardUiState.Error(error.message ?: genericErrorMessage) }
            }.collect { success ->
                setState { success }
            }
        }
    }

    private companion object {
        const val RECENT_COUNT = 5
    }
}
