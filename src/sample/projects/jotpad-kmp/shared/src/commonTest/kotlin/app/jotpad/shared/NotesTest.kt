package app.jotpad.shared

import app.jotpad.shared.data.InMemoryNoteDataSource
import app.jotpad.shared.data.NoteRepositoryImpl
import app.jotpad.shared.domain.usecase.NoteDraft
import app.jotpad.shared.domain.usecase.SaveNoteUseCase
import app.jotpad.shared.domain.usecase.SaveResult
import app.jotpad.shared.domain.usecase.ValidationError
import app.jotpad.shared.model.Note
import app.jotpad.shared.model.NoteColor
import app.jotpad.shared.model.NoteFilter
import app.jotpad.shared.model.NoteId
import app.jotpad.shared.model.SortOrder
import app.jotpad.shared.model.filterAndSort
import app.jotpad.shared.model.parseTags
import app.jotpad.shared.model.tagCounts
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.test.runTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertIs
import kotlin.test.assertTrue

class NotesTest {

    private fun note(
        id: String,
        title: String,
        updatedAt: Long,
        pinned: Boolean = false,
        archived: Boolean = false,
        tags: Set<String> = emptySet(),
    ) = Note(
        id = NoteId(id),
        title = title,
        body = "Body of $title",
        tags = tags,
        isPinned = pinned,
        isArchived = archived,
        createdAt = updatedAt,
        updatedAt = updatedAt,
    )

    private val notes = listOf(
        note("1", "Groceries", 100, tags = setOf("home")),
        note("2", "Sprint plan", 300, pinned = true, tags = setOf("work")),
        note("3", "Old idea", 200, archived = true, tags = setOf("work")),
        note("4", "Books to read", 400, tags = setOf("home", "reading")),
    )

    @Test
    fun pinnedNotesComeFirst() {
        val sorted = notes.filterAndSort(NoteFilter.All, SortOrder.UPDATED_DESC)
        assertEquals(listOf("2", "4", "1"), sorted.map { it.id.value })
    }

    @Test
    fun searchMatchesAllTerms() {
        val result = notes.filterAndSort(NoteFilter.Search("books READ"), SortOrder.TITLE_ASC)
        assertEquals(listOf("4"), result.map { it.id.value })
        assertTrue(notes.filterAndSort(NoteFilter.Search("#work"), SortOrder.TITLE_ASC).all { !it.isArchived })
    }

    @Test
    fun tagCountsIgnoreArchivedNotes() {
        assertEquals(listOf("home" to 2, "reading" to 1, "work" to 1), notes.tagCounts())
    }

    @Test
    fun parseTagsNormalises() {
        assertEquals(setOf("ideas", "work"), parseTags("#Work, ideas;  work"))
    }

    @Test
    fun saveCreatesThenUpdates() = runTest {
        val repository = NoteRepositoryImpl(InMemoryNoteDataSource())
        var now = 1_000L
        val save = SaveNoteUseCase(repository, idFactory = { NoteId("n1") }, clock = { now })
        val draft = NoteDraft(null, "Title", "Body", setOf("a"), NoteColor.MINT, isPinned = false)

        val created = assertIs<SaveResult.Saved>(save(draft))
        assertTrue(created.created)

        now = 2_000L
        val updated = assertIs<SaveResult.Saved>(save(draft.copy(id = NoteId("n1"), body = "Changed")))
        assertEquals(false, updated.created)
        assertEquals(1_000L, updated.note.createdAt)
        assertEquals(2_000L, repository.observeNotes().first().single().updatedAt)
    }

    @Test
    fun emptyDraftIsDiscardedAndTooLongTitleRejected() = runTest {
        val repository = NoteRepositoryImpl(InMemoryNoteDataSource())
        val save = SaveNoteUseCase(repository, idFactory = { NoteId("x") }, clock = { 0L })
        val blank = NoteDraft(null, "  ", "", emptySet(), NoteColor.DEFAULT, false)
        assertIs<SaveResult.Discarded>(save(blank))

        val invalid = assertIs<SaveResult.Invalid>(save(blank.copy(title = "t".repeat(500))))
        assertEquals(listOf(ValidationError.TITLE_TOO_LONG), invalid.errors)
    }
}
