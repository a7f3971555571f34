package dev.kmpdata.tasks

import kotlinx.datetime.Instant

/** A unit of work the user wants to get done. */
data class Task(
    val id: TaskId,
    val title: String,
    val notes: String = "",
    val priority: Priority = Priority.NORMAL,
    val dueAt: Instant? = null,
    val done: Boolean = false,
) {
    /** True when the task has a due date in the past and is still open. */
    fun isOverdue(now: Instant): Boolean {
        val due = dueAt ?: return false
        return !done && due < now
    }
}

@JvmInline
value class TaskId(val raw: String)

enum class Priority(val weight: Int) {
    LOW(1),
    NORMAL(2),
    HIGH(3);

    fun raised(): Priority = when (this) {
        LOW -> NORMAL
        NORMAL, HIGH -> HIGH
    }
}

/** What a list screen can show. */
sealed interface TaskListState {
    data object Loading : TaskListState
    data class Ready(val tasks: List<Task>, val filter: TaskFilter) : TaskListState
    data class Failed(val message: String) : TaskListState
}

enum class TaskFilter { ALL, OPEN, DONE }

const val MAX_TITLE_LENGTH = 120
