package app.jotpad.platform

import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.rememberUpdatedState
import app.jotpad.shared.platform.shareNote

/**
 * Bridges the UIKit edge-swipe gesture to Compose. The Swift host calls
 * [onBackGesture] from its gesture recogniser; the most recently registered
 * enabled handler wins.
 */
object IosBackDispatcher {
    private val callbacks = ArrayDeque<() -> Unit>()

    internal fun register(callback: () -> Unit) {
        callbacks.addLast(callback)
    }

    internal fun unregister(callback: () -> Unit) {
        callbacks.remove(callback)
    }

    /** @return `true` if a Compose handler consumed the gesture. */
    fun onBackGesture(): Boolean {
        val callback = callbacks.lastOrNull() ?: return false
        callback()
        return true
    }
}

@Composable
actual fun PlatformBackHandler(enabled: Boolean, onBack: () -> Unit) {
    val currentOnBack by rememberUpdatedState(onBack)
    DisposableEffect(enabled) {
        if (!enabled) return@DisposableEffect onDispose { }
        val callback: () -> Unit = { currentOnBack() }
        IosBackDispatcher.register(callback)
        onDispose { IosBackDispatcher.unregister(callback) }
    }
}

actual val supportsShareSheet: Boolean = true

actual fun shareNoteText(title: String, body: String): Boolean {
    val presented = shareNote(title, body)
    if (!presented) {
        println("Jotpad: no key window to present the share sheet from")
    }
    return presented
}
