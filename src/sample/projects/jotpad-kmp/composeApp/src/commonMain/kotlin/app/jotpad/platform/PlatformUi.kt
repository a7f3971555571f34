package app.jotpad.platform

import androidx.compose.runtime.Composable

/**
 * Intercepts the system back gesture while [enabled] (Android back button,
 * Escape on desktop, browser history on the web). iOS has no system back, so
 * the actual is a no-op there.
 */
@Composable
expect fun PlatformBackHandler(enabled: Boolean, onBack: () -> Unit)

/**
 * Whether the platform has a native share sheet. When `false`, the editor
 * shows "Copy" instead of "Share".
 */
expect val supportsShareSheet: Boolean

/**
 * Shares the note through the share sheet, or copies it to the clipboard on
 * platforms without one.
 *
 * @return `true` if the text was handed to the system.
 */
expect fun shareNoteText(title: String, body: String): Boolean
