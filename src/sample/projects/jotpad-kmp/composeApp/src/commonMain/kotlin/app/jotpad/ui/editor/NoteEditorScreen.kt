package app.jotpad.ui.editor

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.ArrowBack
import androidx.compose.material.icons.filled.Check
import androidx.compose.material.icons.filled.Share
import androidx.compose.material.icons.filled.Star
import androidx.compose.material.icons.outlined.Star
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Scaffold
import androidx.compose.material3.SnackbarHost
import androidx.compose.material3.SnackbarHostState
import androidx.compose.material3.Text
import androidx.compose.material3.TextField
import androidx.compose.material3.TextFieldDefaults
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.unit.dp
import app.jotpad.platform.shareNoteText
import app.jotpad.platform.supportsShareSheet
import app.jotpad.shared.model.NoteColor
import app.jotpad.shared.presentation.EditorEvent
import app.jotpad.shared.presentation.EditorUiState
import app.jotpad.shared.presentation.NoteEditorViewModel
import app.jotpad.ui.components.ColorPicker
import app.jotpad.ui.theme.containerColor
import org.koin.compose.viewmodel.koinViewModel
import org.koin.core.parameter.parametersOf

/**
 * Stateful editor entry point. A separate ViewModel instance is created per
 * note id so switching notes never leaks state.
 */
@Composable
fun NoteEditorRoute(
    noteId: String?,
    onClose: () -> Unit,
) {
    val viewModel = koinViewModel<NoteEditorViewModel>(
        key = "editor-${noteId ?: "new"}",
        parameters = { parametersOf(noteId) },
    )
    val state by viewModel.state.collectAsState()
    val snackbarHostState = remember { SnackbarHostState() }

    LaunchedEffect(viewModel) {
        viewModel.eventFlow.collect { event ->
            when (event) {
                EditorEvent.Close -> onClose()
                is EditorEvent.ShowMessage -> snackbarHostState.showSnackbar(event.text)
            }
        }
    }

    NoteEditorScreen(
        state = state,
        snackbarHostState = snackbarHostState,
        onTitleChange = viewModel::onTitleChange,
        onBodyChange = viewModel::onBodyChange,
        onTagsChange = viewModel::onTagsChange,
        onColorSelected = viewModel::onColorSelected,
        onTogglePinned = viewModel::onTogglePinned,
        onShare = { shareNoteText(state.title, state.body) },
        onDone = viewModel::onDone,
    )
}

/**
 * Full screen editor with title, body, tags and a colour picker.
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun NoteEditorScreen(
    state: EditorUiState,
    snackbarHostState: SnackbarHostState,
    onTitleChange: (String) -> Unit,
    onBodyChange: (String) -> Unit,
    onTagsChange: (String) -> Unit,
    onColorSelected: (NoteColor) -> Unit,
    onTogglePinned: () -> Unit,
    onShare: () -> Unit,
    onDone: () -> Unit,
    modifier: Modifier = Modifier,
) {
    val dark = isSystemInDarkTheme()
    val background = state.color.containerColor(dark)

    Scaffold(
        modifier = modifier,
        containerColor = background,
        snackbarHost = { SnackbarHost(snackbarHostState) },
        topBar = {
            TopAppBar(
                title = { Text(state.lastEdited?.let { "Edited $it" } ?: if (state.isNew) "New note" else "") },
                navigationIcon = {
                    IconButton(onClick = onDone) {
                        Icon(Icons.AutoMirrored.Filled.ArrowBack, contentDescription = "Back")
                    }
                },
                actions = {
                    IconButton(onClick = onTogglePinned) {
                        Icon(
                            imageVector = if (state.isPinned) Icons.Filled.Star else Icons.Outlined.Star,
                            contentDescription = if (state.isPinned) "Unpin" else "Pin",
                        )
                    }
                    if (state.canShare) {
                        IconButton(onClick = onShare) {
                            Icon(
                                Icons.Filled.Share,
                                contentDescription = if (supportsShareSheet) "Share" else "Copy to clipboard",
                            )
                        }
                    }
                    IconButton(onClick = onDone) {
                        Icon(Icons.Filled.Check, contentDescription = "Done")
                    }
                },
            )
        },
    ) { padding ->
        Column(
            modifier = Modifier
                .padding(padding)
                .fillMaxSize()
                .imePadding()
                .verticalScroll(rememberScrollState())
                .padding(horizontal = 16.dp),
        ) {
            val transparent = TextFieldDefaults.colors(
                focusedContainerColor = Color.Transparent,
                unfocusedContainerColor = Color.Transparent,
                focusedIndicatorColor = Color.Transparent,
                unfocusedIndicatorColor = Color.Transparent,
            )
            TextField(
                value = state.title,
                onValueChange = onTitleChange,
                placeholder = { Text("Title") },
                textStyle = MaterialTheme.typography.titleLarge,
                isError = state.errors.isNotEmpty(),
                singleLine = true,
                colors = transparent,
                modifier = Modifier.fillMaxWidth(),
            )
            TextField(
                value = state.body,
                onValueChange = onBodyChange,
                placeholder = { Text("Start writing…") },
                textStyle = MaterialTheme.typography.bodyMedium,
                colors = transparent,
                modifier = Modifier.fillMaxWidth(),
            )
            OutlinedTextField(
                value = state.tagsInput,
                onValueChange = onTagsChange,
                label = { Text("Tags") },
                placeholder = { Text("#work #ideas") },
                singleLine = true,
                modifier = Modifier.fillMaxWidth().padding(top = 16.dp),
            )
            ColorPicker(
                selected = state.color,
                onColorSelected = onColorSelected,
                modifier = Modifier.padding(vertical = 16.dp),
            )
            Text(
                text = "${state.characterCount} characters",
                style = MaterialTheme.typography.labelSmall,
                modifier = Modifier.padding(bottom = 24.dp),
            )
        }
    }
}
