package app.jotpad.shared.platform

/**
 * Opens the native share sheet with the note's text.
 *
 * Only available on mobile targets (declared in `mobileMain`); desktop and
 * web show a "copy to clipboard" action instead.
 *
 * @return `false` if nothing can handle the share request.
 */
expect fun shareNote(title: String, body: String): Boolean

/**
 * Plain text representation used by every share target.
 */
internal fun shareableText(title: String, body: String): String {
    val cleanTitle = title.trim()
    val cleanBody = body.trim()
    return when {
        cleanTitle.isEmpty() -> cleanBody
        cleanBody.isEmpty() -> cleanTitle
        else -> "$cleanTitle\n\n$cleanBody"
    }
}

/** Maximum characters some share targets (e.g. SMS) accept comfortably. */
internal const val SHARE_SOFT_LIMIT = 10_000
