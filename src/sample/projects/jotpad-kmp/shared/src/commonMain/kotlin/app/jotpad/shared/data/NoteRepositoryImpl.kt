package app.jotpad.shared.data

import app.jotpad.shared.domain.NoteRepository
import app.jotpad.shared.model.Note
import app.jotpad.shared.model.NoteId
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.distinctUntilChanged
import kotlinx.coroutines.flow.filterNotNull
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.onStart
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

/**
 * [NoteRepository] that mirrors the [NoteDataSource] in a [MutableStateFlow].
 */
class NoteRepositoryImpl(
    private val dataSource: NoteDataSource,
) : NoteRepository {

    private val loadMutex = Mutex()
    private val cache = MutableStateFlow<Map<NoteId, Note>?>(null)

    override fun observeNotes(): Flow<List<Note>> =
        cache
            .onStart { ensureLoaded() }
            .filterNotNull()
            .map { it.values.toList() }

    override fun observeNote(id: NoteId): Flow<Note?> =
        cache
            .onStart { ensureLoaded() }
            .filterNotNull()
            .map { it[id] }
            .distinctUntilChanged()

    override suspend fun getNote(id: NoteId): Note? {
        ensureLoaded()
        return cache.value?.get(id) ?: dataSource.get(id.value)?.toDomain()
    }

    override suspend fun save(note: Note) {
        ensureLoaded()
        dataSource.upsert(note.toEntity())
        cache.update { current -> current.orEmpty() + (note.id to note) }
    }

    override suspend fun delete(id: NoteId): Boolean {
        ensureLoaded()
        val deleted = dataSource.delete(id.value)
        if (deleted) {
            cache.update { current -> current?.minus(id) }
        }
        return deleted
    }

    override suspend fun update(id: NoteId, transform: (Note) -> Note): Note? {
        val existing = getNote(id) ?: return null
        val updated = transform(existing)
        check(updated.id == id) { "transform must not change the note id" }
        if (updated != existing) save(updated)
        return updated
    }

    private suspend fun ensureLoaded() {
        if (cache.value != null) return
        loadMutex.withLock {
            if (cache.value != null) return
            val loaded = try {
                dataSource.getAll().map { it.toDomain() }
            } catch (e: IllegalArgumentException) {
                // A corrupt row (e.g. a blank id) should not take the whole list down.
                emptyList()
            }
            cache.value = loaded.associateBy { it.id }
        }
    }
}
