package dev.kmpdata.tasks

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/** Reads and writes tasks; the single source of truth for the UI. */
interface TaskRepository {
    fun observe(): Flow<List<Task>>
    suspend fun add(title: String, priority: Priority): Task
    suspend fun toggle(id: TaskId)
    suspend fun delete(id: TaskId): Boolean
}

/** Keeps tasks in memory and mirrors them to a [KeyValueStore]. */
class InMemoryTaskRepository(
    private val store: KeyValueStore,
    private val codec: TaskCodec = TaskCodec(),
) : TaskRepository {
    private val tasks = MutableStateFlow(load())

    override fun observe(): Flow<List<Task>> = tasks.asStateFlow()

    override suspend fun add(title: String, priority: Priority): Task {
        val trimmed = title.trim().take(MAX_TITLE_LENGTH)
        require(trimmed.isNotEmpty()) { "A task needs a title" }
        val task = Task(id = TaskId(randomId()), title = trimmed, priority = priority)
        tasks.update { it + task }
        persist()
        return task
    }

    override suspend fun toggle(id: TaskId) {
        tasks.update { list -> list.map { if (it.id == id) it.copy(done = !it.done) else it } }
        persist()
    }

    override suspend fun delete(id: TaskId): Boolean {
        val before = tasks.value.size
        tasks.update { list -> list.filterNot { it.id == id } }
        val removed = tasks.value.size < before
        if (removed) persist()
        return removed
    }

    private fun load(): List<Task> {
        val raw = store.get(KEY) ?: return emptyList()
        return try {
            codec.decodeAll(raw)
        } catch (e: IllegalArgumentException) {
            PlatformLogger.log("tasks", "dropping unreadable saved tasks: ${e.message}")
            emptyList()
        }
    }

    private fun persist() {
        store.put(KEY, codec.encodeAll(tasks.value))
    }

    private companion object {
        const val KEY = "tasks.v1"
    }
}
