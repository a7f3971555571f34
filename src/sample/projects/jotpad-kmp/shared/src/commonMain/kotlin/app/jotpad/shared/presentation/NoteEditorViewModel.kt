package app.jotpad.shared.presentation

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import app.jotpad.shared.domain.NoteRepository
import app.jotpad.shared.domain.usecase.NoteDraft
import app.jotpad.shared.domain.usecase.SaveNoteUseCase
import app.jotpad.shared.domain.usecase.SaveResult
import app.jotpad.shared.domain.usecase.ValidationError
import app.jotpad.shared.model.NoteColor
import app.jotpad.shared.model.NoteId
import app.jotpad.shared.model.parseTags
import app.jotpad.shared.platform.TimestampStyle
import app.jotpad.shared.platform.formatTimestamp
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.collectLatest
import kotlinx.coroutines.flow.debounce
import kotlinx.coroutines.flow.distinctUntilChanged
import kotlinx.coroutines.flow.drop
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.receiveAsFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * State of the note editor.
 */
data class EditorUiState(
    val title: String = "",
    val body: String = "",
    val tagsInput: String = "",
    val color: NoteColor = NoteColor.DEFAULT,
    val isPinned: Boolean = false,
    val isNew: Boolean = true,
    val isLoading: Boolean = false,
    val lastEdited: String? = null,
    val errors: List<ValidationError> = emptyList(),
) {
    val canShare: Boolean
        get() = title.isNotBlank() || body.isNotBlank()

    val characterCount: Int
        get() = title.length + body.length

    fun toDraft(id: NoteId?): NoteDraft = NoteDraft(
        id = id,
        title = title,
        body = body,
        tags = parseTags(tagsInput),
        color = color,
        isPinned = isPinned,
    )
}

/** One-off events emitted by [NoteEditorViewModel]. */
sealed interface EditorEvent {
    data object Close : EditorEvent

    data class ShowMessage(val text: String) : EditorEvent
}

/**
 * Edits a single note with debounced autosave.
 *
 * @param noteId id of the note to edit, or `null` for a new note.
 */
class NoteEditorViewModel(
    noteId: NoteId?,
    private val repository: NoteRepository,
    private val saveNote: SaveNoteUseCase,
) : ViewModel() {

    private var currentId: NoteId? = noteId

    private val _state = MutableStateFlow(EditorUiState(isNew = noteId == null, isLoading = noteId != null))
    val state: StateFlow<EditorUiState> = _state.asStateFlow()

    private val events = Channel<EditorEvent>(Channel.BUFFERED)
    val eventFlow: Flow<EditorEvent> = events.receiveAsFlow()

    init {
        if (noteId != null) load(noteId)
        viewModelScope.launch {
            _state
                .map { it.toDraft(currentId) }
                .distinctUntilChanged()
                .drop(1)
                .debounce(AUTOSAVE_DELAY_MILLIS)
                .collectLatest { draft -> persist(draft, closeAfterwards = false) }
        }
    }

    private fun load(id: NoteId) {
        viewModelScope.launch {
            val note = repository.getNote(id)
            if (note == null) {
                events.send(EditorEvent.ShowMessage("This note no longer exists"))
                events.send(EditorEvent.Close)
                return@launch
            }
            _state.value = EditorUiState(
                title = note.title,
                body = note.body,
                tagsInput = note.tags.joinToString(" ") { "#$it" },
                color = note.color,
                isPinned = note.isPinned,
                isNew = false,
                lastEdited = formatTimestamp(note.updatedAt, TimestampStyle.DATE_TIME),
            )
        }
    }

    fun onTitleChange(value: String) = _state.update { it.copy(title = value, errors = emptyList()) }

    fun onBodyChange(value: String) = _state.update { it.copy(body = value) }

    fun onTagsChange(value: String) = _state.update { it.copy(tagsInput = value) }

    fun onColorSelected(color: NoteColor) = _state.update { it.copy(color = color) }

    fun onTogglePinned() = _state.update { it.copy(isPinned = !it.isPinned) }

    /** Saves immediately and closes the editor. */
    fun onDone() {
        viewModelScope.launch { persist(_state.value.toDraft(currentId), closeAfterwards = true) }
    }

    private suspend fun persist(draft: NoteDraft, closeAfterwards: Boolean) {
        when (val result = saveNote(draft)) {
            is SaveResult.Saved -> {
                currentId = result.note.id
                _state.update {
                    it.copy(
                        isNew = false,
                        lastEdited = formatTimestamp(result.note.updatedAt, TimestampStyle.TIME),
                    )
                }
                if (closeAfterwards) events.send(EditorEvent.Close)
            }
            is SaveResult.Discarded -> {
                if (closeAfterwards) {
                    if (result.deletedId != null) events.send(EditorEvent.ShowMessage("Empty note discarded"))
                    events.send(EditorEvent.Close)
                }
            }
            is SaveResult.Invalid -> {
                _state.update { it.copy(errors = result.errors) }
                events.send(EditorEvent.ShowMessage(result.errors.first().message))
            }
        }
    }

    private companion object {
        const val AUTOSAVE_DELAY_MILLIS = 1_000L
    }
}
