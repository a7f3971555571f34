package app.jotpad.shared.presentation

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import app.jotpad.shared.domain.NoteRepository
import app.jotpad.shared.domain.usecase.ArchiveNoteUseCase
import app.jotpad.shared.domain.usecase.DeleteNoteUseCase
import app.jotpad.shared.domain.usecase.GetNotesUseCase
import app.jotpad.shared.domain.usecase.TogglePinUseCase
import app.jotpad.shared.model.Note
import app.jotpad.shared.model.NoteFilter
import app.jotpad.shared.model.NoteId
import app.jotpad.shared.model.SortOrder
import app.jotpad.shared.model.tagCounts
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.combine
import kotlinx.coroutines.flow.debounce
import kotlinx.coroutines.flow.flatMapLatest
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.stateIn
import kotlinx.coroutines.launch

/**
 * Everything the notes list renders.
 */
data class NotesListUiState(
    val notes: List<Note> = emptyList(),
    val filter: NoteFilter = NoteFilter.All,
    val sortOrder: SortOrder = SortOrder.UPDATED_DESC,
    val query: String = "",
    val tags: List<Pair<String, Int>> = emptyList(),
    val isLoading: Boolean = true,
    val pendingUndo: Note? = null,
) {
    val isEmpty: Boolean
        get() = !isLoading && notes.isEmpty()

    val isSearching: Boolean
        get() = query.isNotBlank()

    val title: String
        get() = if (isSearching) "Results for \"$query\"" else filter.label
}

private data class ListParams(val filter: NoteFilter, val sortOrder: SortOrder, val query: String)

/**
 * Drives the notes list: filtering, search, sorting, pin/archive/delete with undo.
 */
class NotesListViewModel(
    private val getNotes: GetNotesUseCase,
    private val togglePin: TogglePinUseCase,
    private val archiveNote: ArchiveNoteUseCase,
    private val deleteNote: DeleteNoteUseCase,
    repository: NoteRepository,
) : ViewModel() {

    private val filter = MutableStateFlow<NoteFilter>(NoteFilter.All)
    private val sortOrder = MutableStateFlow(SortOrder.UPDATED_DESC)
    private val query = MutableStateFlow("")
    private val undo = MutableStateFlow<Note?>(null)

    private val params = combine(filter, sortOrder, query, ::ListParams)

    private val visibleNotes = params
        .debounce { if (it.query.isBlank()) 0L else SEARCH_DEBOUNCE_MILLIS }
        .flatMapLatest { p ->
            val effective = if (p.query.isBlank()) p.filter else NoteFilter.Search(p.query)
            getNotes(effective, p.sortOrder)
        }

    private val tags = repository.observeNotes().map { it.tagCounts() }

    val state: StateFlow<NotesListUiState> =
        combine(params, visibleNotes, tags, undo) { p, notes, tagCounts, pendingUndo ->
            NotesListUiState(
                notes = notes,
                filter = p.filter,
                sortOrder = p.sortOrder,
                query = p.query,
                tags = tagCounts,
                isLoading = false,
                pendingUndo = pendingUndo,
            )
        }.stateIn(viewModelScope, SharingStarted.WhileSubscribed(5_000), NotesListUiState())

    fun onFilterSelected(newFilter: NoteFilter) {
        filter.value = newFilter
        query.value = ""
    }

    fun onQueryChanged(text: String) {
        query.value = text
    }

    fun onSortOrderSelected(order: SortOrder) {
        sortOrder.value = order
    }

    fun onTogglePin(id: NoteId) {
        viewModelScope.launch { togglePin(id) }
    }

    fun onArchive(id: NoteId) {
        viewModelScope.launch {
            val archiving = filter.value != NoteFilter.Archived
            archiveNote(id, archive = archiving)
        }
    }

    fun onDelete(id: NoteId) {
        viewModelScope.launch {
            undo.value = deleteNote(id)
        }
    }

    fun onUndoDelete() {
        val note = undo.value ?: return
        undo.value = null
        viewModelScope.launch { deleteNote.undo(note) }
    }

    fun onUndoDismissed() {
        undo.value = null
    }

    private companion object {
        const val SEARCH_DEBOUNCE_MILLIS = 250L
    }
}
