package com.stridelog.shared.data

import com.stridelog.shared.model.Workout
import com.stridelog.shared.model.WorkoutId
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update

/**
 * Persistence of workouts.
 */
interface WorkoutDataSource {
    /** All workouts, newest first. */
    fun observeAll(): Flow<List<Workout>>

    suspend fun get(id: WorkoutId): Workout?

    /** Inserts or replaces; returns the id assigned to new workouts. */
    suspend fun save(workout: Workout): WorkoutId

    suspend fun delete(id: WorkoutId): Boolean
}

/**
 * [WorkoutDataSource] kept in memory. Used by tests, previews and the web
 * demo, and as the write-through cache of the file based source.
 */
class InMemoryWorkoutDataSource(seed: List<Workout> = emptyList()) : WorkoutDataSource {

    private var nextId = (seed.maxOfOrNull { it.id.value } ?: 0L) + 1
    private val workouts = MutableStateFlow(seed.sortedByDescending { it.startedAt })

    override fun observeAll(): Flow<List<Workout>> = workouts.asStateFlow()

    override suspend fun get(id: WorkoutId): Workout? = workouts.value.firstOrNull { it.id == id }

    override suspend fun save(workout: Workout): WorkoutId {
        val stored = if (workout.id.isNew) workout.copy(id = WorkoutId(nextId++)) else workout
        workouts.update { current ->
            (current.filterNot { it.id == stored.id } + stored).sortedByDescending { it.startedAt }
        }
        return stored.id
    }

    override suspend fun delete(id: WorkoutId): Boolean {
        var removed = false
        workouts.update { current ->
            val remaining = current.filterNot { it.id == id }
            removed = remaining.size != current.size
            remaining
        }
        return removed
    }

    /** Number of stored workouts, for debugging overlays. */
    val size: Int
        get() = workouts.value.size
}
