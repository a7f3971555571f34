package app.jotpad.platform

import android.content.ClipData
import android.content.ClipboardManager
import android.content.Context
import android.widget.Toast
import androidx.activity.compose.BackHandler
import androidx.compose.runtime.Composable
import app.jotpad.shared.platform.AndroidPlatform
import app.jotpad.shared.platform.shareNote

@Composable
actual fun PlatformBackHandler(enabled: Boolean, onBack: () -> Unit) {
    BackHandler(enabled = enabled) {
        onBack()
    }
}

actual val supportsShareSheet: Boolean = true

actual fun shareNoteText(title: String, body: String): Boolean {
    if (shareNote(title, body)) return true

    // No app can handle ACTION_SEND (rare, e.g. kiosk devices): copy instead.
    val context = AndroidPlatform.appContext
    val clipboard = context.getSystemService(Context.CLIPBOARD_SERVICE) as? ClipboardManager ?: return false
    val text = listOf(title.trim(), body.trim()).filter { it.isNotEmpty() }.joinToString("\n\n")
    clipboard.setPrimaryClip(ClipData.newPlainText(title.ifBlank { "Note" }, text))
    Toast.makeText(context, "Copied to clipboard", Toast.LENGTH_SHORT).show()
    return true
}
