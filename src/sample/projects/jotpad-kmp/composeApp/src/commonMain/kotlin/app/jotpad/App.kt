package app.jotpad

import androidx.compose.animation.AnimatedContent
import androidx.compose.animation.fadeIn
import androidx.compose.animation.fadeOut
import androidx.compose.animation.togetherWith
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import app.jotpad.platform.PlatformBackHandler
import app.jotpad.ui.editor.NoteEditorRoute
import app.jotpad.ui.notes.NotesListRoute
import app.jotpad.ui.theme.JotpadTheme

/**
 * Destinations of the app. Navigation is a simple back stack of one level,
 * which is all a notes app with a list and an editor needs.
 */
sealed interface Screen {
    data object List : Screen

    /** Editor for an existing note ([noteId] != null) or a new one. */
    data class Editor(val noteId: String?) : Screen
}

/**
 * Root composable shared by every platform entry point.
 *
 * Koin must be started by the caller before this is composed.
 */
@Composable
fun App(darkTheme: Boolean? = null) {
    JotpadTheme(darkTheme = darkTheme) {
        var editorNoteId by rememberSaveable { mutableStateOf<String?>(null) }
        var editorOpen by rememberSaveable { mutableStateOf(false) }
        val screen: Screen = if (editorOpen) Screen.Editor(editorNoteId) else Screen.List

        PlatformBackHandler(enabled = editorOpen) {
            editorOpen = false
        }

        AnimatedContent(
            targetState = screen,
            transitionSpec = { fadeIn() togetherWith fadeOut() },
            label = "screen",
        ) { target ->
            when (target) {
                Screen.List -> NotesListRoute(
                    onOpenNote = { id ->
                        editorNoteId = id
                        editorOpen = true
                    },
                    onCreateNote = {
                        editorNoteId = null
                        editorOpen = true
                    },
                )
                is Screen.Editor -> NoteEditorRoute(
                    noteId = target.noteId,
                    onClose = { editorOpen = false },
                )
            }
        }
    }
}
