package app.jotpad.shared.domain.usecase

import app.jotpad.shared.domain.NoteRepository
import app.jotpad.shared.model.Note
import app.jotpad.shared.model.NoteFilter
import app.jotpad.shared.model.NoteId
import app.jotpad.shared.model.SortOrder
import app.jotpad.shared.model.filterAndSort
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.map

/**
 * Streams notes matching a filter in the requested order.
 */
class GetNotesUseCase(private val repository: NoteRepository) {
    operator fun invoke(filter: NoteFilter, order: SortOrder = SortOrder.UPDATED_DESC): Flow<List<Note>> =
        repository.observeNotes().map { notes -> notes.filterAndSort(filter, order) }
}

/**
 * Pins or unpins a note.
 */
class TogglePinUseCase(
    private val repository: NoteRepository,
    private val clock: () -> Long,
) {
    suspend operator fun invoke(id: NoteId): Boolean? =
        repository.update(id) { it.copy(isPinned = !it.isPinned, updatedAt = clock()) }?.isPinned
}

/**
 * Moves a note to or from the archive. Archived notes are never pinned.
 */
class ArchiveNoteUseCase(
    private val repository: NoteRepository,
    private val clock: () -> Long,
) {
    suspend operator fun invoke(id: NoteId, archive: Boolean = true): Note? =
        repository.update(id) { note ->
            note.copy(
                isArchived = archive,
                isPinned = if (archive) false else note.isPinned,
                updatedAt = clock(),
            )
        }
}

/**
 * Deletes a note and returns it so the UI can offer "undo".
 */
class DeleteNoteUseCase(private val repository: NoteRepository) {
    suspend operator fun invoke(id: NoteId): Note? {
        val note = repository.getNote(id) ?: return null
        return if (repository.delete(id)) note else null
    }

    /** Restores a note removed by [invoke]. */
    suspend fun undo(note: Note) {
        repository.save(note)
    }
}
