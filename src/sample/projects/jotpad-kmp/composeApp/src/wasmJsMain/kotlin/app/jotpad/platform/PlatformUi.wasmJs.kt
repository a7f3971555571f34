package app.jotpad.platform

import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.rememberUpdatedState
import kotlinx.browser.window
import org.w3c.dom.events.Event

/**
 * Maps the browser back button to Compose: while enabled, a history entry is
 * pushed so "back" pops it and fires `popstate` instead of leaving the page.
 */
@Composable
actual fun PlatformBackHandler(enabled: Boolean, onBack: () -> Unit) {
    val latest by rememberUpdatedState(onBack)
    DisposableEffect(enabled) {
        if (!enabled) return@DisposableEffect onDispose { }
        window.history.pushState(null, "", window.location.href)
        var poppedByUser = false
        val listener: (Event) -> Unit = {
            poppedByUser = true
            latest()
        }
        window.addEventListener("popstate", listener)
        onDispose {
            window.removeEventListener("popstate", listener)
            // Closed from the UI: drop the history entry we pushed.
            if (!poppedByUser) window.history.back()
        }
    }
}

actual val supportsShareSheet: Boolean = false

actual fun shareNoteText(title: String, body: String): Boolean {
    val text = listOf(title.trim(), body.trim()).filter { it.isNotEmpty() }.joinToString("\n\n")
    if (text.isEmpty()) return false
    val clipboard = window.navigator.clipboard
    clipboard.writeText(text)
    return true
}
