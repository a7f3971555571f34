package dev.kmpdata.tasks

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.map

/** Adds a task, raising its priority when the title says it is urgent. */
class AddTaskUseCase(private val repository: TaskRepository) {
    suspend operator fun invoke(title: String, priority: Priority = Priority.NORMAL): Result<Task> {
        val urgent = URGENT_WORDS.any { title.contains(it, ignoreCase = true) }
        val effective = if (urgent) priority.raised() else priority
        return runCatching { repository.add(title, effective) }
    }

    private companion object {
        val URGENT_WORDS = listOf("urgent", "asap", "today")
    }
}

/** The tasks of one filter, open ones first, then by priority. */
class ObserveTasksUseCase(private val repository: TaskRepository) {
    operator fun invoke(filter: TaskFilter): Flow<List<Task>> = repository.observe().map { tasks ->
        tasks
            .filter {
                when (filter) {
                    TaskFilter.ALL -> true
                    TaskFilter.OPEN -> !it.done
                    TaskFilter.DONE -> it.done
                }
            }
            .sortedWith(compareBy<Task> { it.done }.thenByDescending { it.priority.weight })
    }
}

/** Decides whether a reminder should fire for a task. */
fun interface ReminderPolicy {
    fun shouldRemind(task: Task, nowMillis: Long): Boolean
}

val defaultReminderPolicy = ReminderPolicy { task, _ -> !task.done && task.priority == Priority.HIGH }
