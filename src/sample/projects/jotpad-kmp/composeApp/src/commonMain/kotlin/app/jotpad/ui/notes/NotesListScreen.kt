package app.jotpad.ui.notes

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.staggeredgrid.LazyVerticalStaggeredGrid
import androidx.compose.foundation.lazy.staggeredgrid.StaggeredGridCells
import androidx.compose.foundation.lazy.staggeredgrid.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Add
import androidx.compose.material.icons.filled.MoreVert
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.FloatingActionButton
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.Scaffold
import androidx.compose.material3.SnackbarDuration
import androidx.compose.material3.SnackbarHost
import androidx.compose.material3.SnackbarHostState
import androidx.compose.material3.SnackbarResult
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.material3.TopAppBarDefaults
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.input.nestedscroll.nestedScroll
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import app.jotpad.shared.model.NoteFilter
import app.jotpad.shared.model.NoteId
import app.jotpad.shared.model.SortOrder
import app.jotpad.shared.presentation.NotesListUiState
import app.jotpad.shared.presentation.NotesListViewModel
import app.jotpad.ui.components.EmptyState
import app.jotpad.ui.components.NotesSearchField
import app.jotpad.ui.components.SortOrderDialog
import org.koin.compose.viewmodel.koinViewModel

/**
 * Stateful entry point of the list: obtains the ViewModel and wires callbacks.
 */
@Composable
fun NotesListRoute(
    onOpenNote: (String) -> Unit,
    onCreateNote: () -> Unit,
    viewModel: NotesListViewModel = koinViewModel(),
) {
    val state by viewModel.state.collectAsStateWithLifecycle()
    NotesListScreen(
        state = state,
        onOpenNote = { id -> onOpenNote(id.value) },
        onCreateNote = onCreateNote,
        onQueryChange = viewModel::onQueryChanged,
        onFilterSelected = viewModel::onFilterSelected,
        onSortOrderSelected = viewModel::onSortOrderSelected,
        onTogglePin = viewModel::onTogglePin,
        onDelete = viewModel::onDelete,
        onUndoDelete = viewModel::onUndoDelete,
        onUndoDismissed = viewModel::onUndoDismissed,
    )
}

/**
 * Stateless notes list with search, filter chips and a staggered grid of cards.
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun NotesListScreen(
    state: NotesListUiState,
    onOpenNote: (NoteId) -> Unit,
    onCreateNote: () -> Unit,
    onQueryChange: (String) -> Unit,
    onFilterSelected: (NoteFilter) -> Unit,
    onSortOrderSelected: (SortOrder) -> Unit,
    onTogglePin: (NoteId) -> Unit,
    onDelete: (NoteId) -> Unit,
    onUndoDelete: () -> Unit,
    onUndoDismissed: () -> Unit,
    modifier: Modifier = Modifier,
) {
    val snackbarHostState = remember { SnackbarHostState() }
    val scrollBehavior = TopAppBarDefaults.enterAlwaysScrollBehavior()
    var showSortDialog by remember { mutableStateOf(false) }

    LaunchedEffect(state.pendingUndo) {
        val deleted = state.pendingUndo ?: return@LaunchedEffect
        val result = snackbarHostState.showSnackbar(
            message = "Deleted \"${deleted.displayTitle}\"",
            actionLabel = "Undo",
            duration = SnackbarDuration.Short,
        )
        when (result) {
            SnackbarResult.ActionPerformed -> onUndoDelete()
            SnackbarResult.Dismissed -> onUndoDismissed()
        }
    }

    Scaffold(
        modifier = modifier.nestedScroll(scrollBehavior.nestedScrollConnection),
        topBar = {
            TopAppBar(
                title = { Text(state.title) },
                actions = {
                    IconButton(onClick = { showSortDialog = true }) {
                        Icon(Icons.Default.MoreVert, contentDescription = "Sort order")
                    }
                },
                scrollBehavior = scrollBehavior,
            )
        },
        floatingActionButton = {
            FloatingActionButton(onClick = onCreateNote) {
                Icon(Icons.Default.Add, contentDescription = "New note")
            }
        },
        snackbarHost = { SnackbarHost(snackbarHostState) },
    ) { padding ->
        Column(Modifier.padding(padding).fillMaxSize()) {
            NotesSearchField(
                query = state.query,
                onQueryChange = onQueryChange,
                modifier = Modifier.fillMaxWidth().padding(horizontal = 16.dp, vertical = 8.dp),
            )
            FilterRow(
                selected = state.filter,
                tags = state.tags.map { it.first },
                onFilterSelected = onFilterSelected,
            )
            Box(Modifier.weight(1f).fillMaxWidth()) {
                when {
                    state.isLoading -> CircularProgressIndicator(Modifier.align(Alignment.Center))
                    state.isEmpty -> EmptyState(
                        title = if (state.isSearching) "No matches" else "No notes yet",
                        message = if (state.isSearching) "Try a different search." else "Tap + to write your first note.",
                        modifier = Modifier.align(Alignment.Center),
                    )
                    else -> LazyVerticalStaggeredGrid(
                        columns = StaggeredGridCells.Adaptive(minSize = 180.dp),
                        contentPadding = PaddingValues(12.dp),
                        horizontalArrangement = Arrangement.spacedBy(8.dp),
                        verticalItemSpacing = 8.dp,
                    ) {
                        items(state.notes, key = { it.id.value }) { note ->
                            NoteCard(
                                note = note,
                                onClick = { onOpenNote(note.id) },
                                onTogglePin = { onTogglePin(note.id) },
                                onDelete = { onDelete(note.id) },
                            )
                        }
                    }
                }
            }
        }
    }

    if (showSortDialog) {
        SortOrderDialog(
            current = state.sortOrder,
            onSelect = {
                onSortOrderSelected(it)
                showSortDialog = false
            },
            onDismiss = { showSortDialog = false },
        )
    }
}
