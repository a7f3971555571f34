package app.jotpad.platform

import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.rememberUpdatedState
import java.awt.HeadlessException
import java.awt.Toolkit
import java.awt.datatransfer.StringSelection
import java.util.concurrent.CopyOnWriteArrayList

/**
 * Routes the Escape key from the window to the innermost enabled back handler.
 */
object DesktopBackDispatcher {
    private val handlers = CopyOnWriteArrayList<() -> Unit>()

    internal fun add(handler: () -> Unit) {
        handlers.add(handler)
    }

    internal fun remove(handler: () -> Unit) {
        handlers.remove(handler)
    }

    /** @return `true` if a handler consumed the key event. */
    fun dispatch(): Boolean {
        val handler = handlers.lastOrNull() ?: return false
        handler()
        return true
    }
}

@Composable
actual fun PlatformBackHandler(enabled: Boolean, onBack: () -> Unit) {
    val latest by rememberUpdatedState(onBack)
    DisposableEffect(enabled) {
        val handler: () -> Unit = { latest() }
        if (enabled) DesktopBackDispatcher.add(handler)
        onDispose {
            if (enabled) DesktopBackDispatcher.remove(handler)
        }
    }
}

actual val supportsShareSheet: Boolean = false

actual fun shareNoteText(title: String, body: String): Boolean {
    val text = listOf(title.trim(), body.trim()).filter { it.isNotEmpty() }.joinToString("\n\n")
    if (text.isEmpty()) return false
    return try {
        val clipboard = Toolkit.getDefaultToolkit().systemClipboard
        clipboard.setContents(StringSelection(text), null)
        true
    } catch (e: IllegalStateException) {
        // Clipboard is busy (another app holds it); the user can simply retry.
        false
    } catch (e: HeadlessException) {
        false
    }
}
