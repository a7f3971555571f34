package com.stridelog.shared.presentation

import androidx.lifecycle.viewModelScope
import com.stridelog.shared.data.WorkoutRepository
import com.stridelog.shared.model.ActivityType
import com.stridelog.shared.model.Workout
import com.stridelog.shared.util.startOfWeek
import com.stridelog.shared.util.toLocalDate
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.combine
import kotlinx.coroutines.flow.stateIn
import kotlinx.datetime.LocalDate

/** Workouts of one week, newest first. */
data class WeekSection(val weekStart: LocalDate, val workouts: List<Workout>) {
    val totalMinutes: Long
        get() = workouts.sumOf { it.duration.inWholeMinutes }
}

data class HistoryUiState(
    val sections: List<WeekSection> = emptyList(),
    val typeFilter: ActivityType? = null,
    val isLoading: Boolean = true,
) {
    val isEmpty: Boolean
        get() = !isLoading && sections.isEmpty()
}

/**
 * Full workout history grouped by week with an optional activity filter.
 */
class HistoryViewModel(repository: WorkoutRepository) : BaseViewModel<HistoryUiState, HistoryViewModel.Event>(HistoryUiState()) {

    sealed interface Event {
        data class FilterByType(val type: ActivityType?) : Event
    }

    override val genericErrorMessage: String = "Could not load history"

    private val typeFilter = MutableStateFlow<ActivityType?>(null)

    val sections: StateFlow<HistoryUiState> =
        combine(repository.observeWorkouts(), typeFilter) { workouts, filter ->
            val filtered = if (filter == null) workouts else workouts.filter { it.type == filter }
            HistoryUiState(
                sections = filtered
                    .groupBy { it.startedAt.toLocalDate().startOfWeek() }
                    .map { (week, items) -> WeekSection(week, items.sortedByDescending { it.startedAt }) }
                    .sortedByDescending { it.weekStart },
                typeFilter = filter,
                isLoading = false,
            )
        }.stateIn(viewModelScope, SharingStarted.WhileSubscribed(5_000), HistoryUiState())

    override fun onEvent(event: Event) {
        when (event) {
            is Event.FilterByType -> typeFilter.value = event.type
        }
    }
}
