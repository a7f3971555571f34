package app.jotpad.shared.domain.usecase

import app.jotpad.shared.domain.NoteRepository
import app.jotpad.shared.model.MAX_TITLE_LENGTH
import app.jotpad.shared.model.Note
import app.jotpad.shared.model.NoteColor
import app.jotpad.shared.model.NoteId
import app.jotpad.shared.model.normalizeTags

/**
 * What the editor hands to [SaveNoteUseCase].
 */
data class NoteDraft(
    val id: NoteId?,
    val title: String,
    val body: String,
    val tags: Set<String>,
    val color: NoteColor,
    val isPinned: Boolean,
)

/**
 * Outcome of saving a draft.
 */
sealed interface SaveResult {
    data class Saved(val note: Note, val created: Boolean) : SaveResult

    /** Nothing was saved because the draft was empty; an existing note was deleted instead. */
    data class Discarded(val deletedId: NoteId?) : SaveResult

    data class Invalid(val errors: List<ValidationError>) : SaveResult
}

enum class ValidationError(val message: String) {
    TITLE_TOO_LONG("Title can have at most $MAX_TITLE_LENGTH characters"),
    TOO_MANY_TAGS("A note can have at most 10 tags"),
}

/**
 * Validates a [NoteDraft] and persists it.
 *
 * Empty drafts are discarded (and an existing note with that id is removed),
 * mirroring how most notes apps behave when you back out of a blank note.
 */
class SaveNoteUseCase(
    private val repository: NoteRepository,
    private val idFactory: () -> NoteId,
    private val clock: () -> Long,
) {
    suspend operator fun invoke(draft: NoteDraft): SaveResult {
        val errors = validate(draft)
        if (errors.isNotEmpty()) return SaveResult.Invalid(errors)

        if (draft.title.isBlank() && draft.body.isBlank()) {
            val deleted = draft.id?.takeIf { repository.delete(it) }
            return SaveResult.Discarded(deleted)
        }

        val now = clock()
        val existing = draft.id?.let { repository.getNote(it) }
        val note = existing?.copy(
            title = draft.title.trim(),
            body = draft.body.trimEnd(),
            tags = normalizeTags(draft.tags),
            color = draft.color,
            isPinned = draft.isPinned,
            updatedAt = now,
        ) ?: Note(
            id = draft.id ?: idFactory(),
            title = draft.title.trim(),
            body = draft.body.trimEnd(),
            tags = normalizeTags(draft.tags),
            color = draft.color,
            isPinned = draft.isPinned,
            createdAt = now,
            updatedAt = now,
        )

        if (existing != null && existing == note.copy(updatedAt = existing.updatedAt)) {
            // No visible change; keep the original timestamp so sort order is stable.
            return SaveResult.Saved(existing, created = false)
        }
        repository.save(note)
        return SaveResult.Saved(note, created = existing == null)
    }

    private fun validate(draft: NoteDraft): List<ValidationError> = buildList {
        if (draft.title.trim().length > MAX_TITLE_LENGTH) add(ValidationError.TITLE_TOO_LONG)
        if (draft.tags.size > MAX_TAGS) add(ValidationError.TOO_MANY_TAGS)
    }

    private companion object {
        const val MAX_TAGS = 10
    }
}
