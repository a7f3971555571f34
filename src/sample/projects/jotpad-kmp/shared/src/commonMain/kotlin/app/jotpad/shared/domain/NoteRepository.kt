package app.jotpad.shared.domain

import app.jotpad.shared.model.Note
import app.jotpad.shared.model.NoteId
import kotlinx.coroutines.flow.Flow

/**
 * Single source of truth for notes.
 *
 * The repository keeps an in-memory snapshot that is loaded lazily on first
 * observation and updated after every write.
 */
interface NoteRepository {
    /** All notes, including archived ones, in no particular order. */
    fun observeNotes(): Flow<List<Note>>

    /** The note with [id], or `null` once it has been deleted. */
    fun observeNote(id: NoteId): Flow<Note?>

    suspend fun getNote(id: NoteId): Note?

    /** Inserts or replaces [note]. */
    suspend fun save(note: Note)

    /** Deletes the note permanently; returns `false` if it did not exist. */
    suspend fun delete(id: NoteId): Boolean

    /** Applies [transform] to the note with [id] and saves the result. */
    suspend fun update(id: NoteId, transform: (Note) -> Note): Note?
}
