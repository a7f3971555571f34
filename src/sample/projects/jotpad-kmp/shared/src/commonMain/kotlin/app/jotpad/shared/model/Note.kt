package app.jotpad.shared.model

import kotlin.jvm.JvmInline

/** Maximum length of a note title; longer titles are rejected by the editor. */
const val MAX_TITLE_LENGTH = 120

/**
 * Stable identifier of a [Note].
 */
@JvmInline
value class NoteId(val value: String) {
    init {
        require(value.isNotBlank()) { "NoteId must not be blank" }
    }

    override fun toString(): String = value
}

/**
 * Background colours a note can have, stored by [name] in the database.
 */
enum class NoteColor(val argb: Long, val label: String) {
    DEFAULT(0xFFFFFFFF, "Default"),
    SUNFLOWER(0xFFFFF59D, "Sunflower"),
    MINT(0xFFC8E6C9, "Mint"),
    SKY(0xFFBBDEFB, "Sky"),
    LAVENDER(0xFFE1BEE7, "Lavender"),
    CORAL(0xFFFFCCBC, "Coral");

    /** Relative luminance check used to pick a readable text colour. */
    val isLight: Boolean
        get() {
            val r = (argb shr 16 and 0xFF) / 255.0
            val g = (argb shr 8 and 0xFF) / 255.0
            val b = (argb and 0xFF) / 255.0
            return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5
        }

    companion object {
        fun fromName(name: String?): NoteColor = entries.firstOrNull { it.name == name } ?: DEFAULT
    }
}

/**
 * A single note.
 *
 * Timestamps are epoch milliseconds; [updatedAt] is bumped on every save.
 */
data class Note(
    val id: NoteId,
    val title: String,
    val body: String,
    val tags: Set<String> = emptySet(),
    val color: NoteColor = NoteColor.DEFAULT,
    val isPinned: Boolean = false,
    val isArchived: Boolean = false,
    val createdAt: Long,
    val updatedAt: Long,
) {
    /** True when neither title nor body has any visible content. */
    val isBlank: Boolean
        get() = title.isBlank() && body.isBlank()

    /** Title to show in lists, falling back to the first line of the body. */
    val displayTitle: String
        get() = title.ifBlank { body.lineSequence().firstOrNull { it.isNotBlank() }?.trim().orEmpty() }
            .ifBlank { "Untitled" }

    /** First few non-empty lines of the body collapsed into one line. */
    val preview: String
        get() {
            val collapsed = body.lineSequence()
                .map(String::trim)
                .filter(String::isNotEmpty)
                .take(3)
                .joinToString(" ")
            return if (collapsed.length > PREVIEW_LENGTH) collapsed.take(PREVIEW_LENGTH - 1) + "…" else collapsed
        }

    /** Number of whitespace separated words in title and body. */
    val wordCount: Int by lazy {
        WORD_SPLIT.split("$title $body").count { it.isNotBlank() }
    }

    companion object {
        const val PREVIEW_LENGTH = 140
        private val WORD_SPLIT = Regex("\\s+")

        /** Creates an empty note with the given id and timestamp. */
        fun empty(id: NoteId, now: Long): Note = Note(id = id, title = "", body = "", createdAt = now, updatedAt = now)
    }
}

/** Normalises user entered tags: trimmed, lowercase, no leading '#', no duplicates. */
fun normalizeTags(raw: Iterable<String>): Set<String> =
    raw.asSequence()
        .map { it.trim().removePrefix("#").lowercase() }
        .filter { it.isNotEmpty() && it.length <= 32 }
        .toSortedSet()

/** Parses "work, #ideas  home" style input into tags. */
fun parseTags(input: String): Set<String> = normalizeTags(input.split(',', ' ', ';'))
