package dev.kmpdata.tasks

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.catch
import kotlinx.coroutines.launch

/** Holds the task list screen's state and turns user actions into repository calls. */
class TaskListViewModel(
    private val scope: CoroutineScope,
    private val observeTasks: ObserveTasksUseCase,
    private val addTask: AddTaskUseCase,
    private val repository: TaskRepository,
) {
    private val _state = MutableStateFlow<TaskListState>(TaskListState.Loading)
    val state: StateFlow<TaskListState> get() = _state

    private var filter = TaskFilter.ALL

    init {
        refresh()
    }

    fun setFilter(newFilter: TaskFilter) {
        if (newFilter == filter) return
        filter = newFilter
        refresh()
    }

    fun add(title: String) {
        scope.launch {
            addTask(title).onFailure { error ->
                _state.value = TaskListState.Failed(error.message ?: "Could not add the task")
            }
        }
    }

    fun toggle(id: TaskId) {
        scope.launch { repository.toggle(id) }
    }

    private fun refresh() {
        scope.launch {
            observeTasks(filter)
                .catch { _state.value = TaskListState.Failed(it.message ?: "Unknown error") }
                .collect { tasks -> _state.value = TaskListState.Ready(tasks, filter) }
        }
    }

    fun exportAsText(): String = TODO("export is planned for a later release")
}
