package app.jotpad.shared.model

/**
 * Which notes a list shows.
 */
sealed class NoteFilter {
    /** Returns `true` if [note] belongs in the filtered list. */
    abstract fun matches(note: Note): Boolean

    /** Title shown in the top bar. */
    abstract val label: String

    data object All : NoteFilter() {
        override val label: String = "Notes"
        override fun matches(note: Note): Boolean = !note.isArchived
    }

    data object Pinned : NoteFilter() {
        override val label: String = "Pinned"
        override fun matches(note: Note): Boolean = note.isPinned && !note.isArchived
    }

    data object Archived : NoteFilter() {
        override val label: String = "Archive"
        override fun matches(note: Note): Boolean = note.isArchived
    }

    data class ByTag(val tag: String) : NoteFilter() {
        override val label: String
            get() = "#$tag"

        override fun matches(note: Note): Boolean =
            !note.isArchived && note.tags.any { it.equals(tag, ignoreCase = true) }
    }

    /**
     * Case-insensitive search over non-archived notes; every whitespace
     * separated term must occur in the title, body or tags.
     */
    data class Search(val query: String) : NoteFilter() {
        private val terms: List<String> = query.lowercase().split(' ').filter { it.isNotBlank() }

        override val label: String
            get() = "Search"

        override fun matches(note: Note): Boolean {
            if (note.isArchived) return false
            if (terms.isEmpty()) return true
            val haystack = buildString {
                append(note.title.lowercase())
                append('\n')
                append(note.body.lowercase())
                note.tags.forEach { append(" #").append(it) }
            }
            return terms.all { it in haystack }
        }
    }
}

/**
 * Sort orders offered in the list menu. Pinned notes always come first.
 */
enum class SortOrder(val label: String) : Comparator<Note> {
    UPDATED_DESC("Last edited") {
        override fun compare(a: Note, b: Note): Int = b.updatedAt.compareTo(a.updatedAt)
    },
    CREATED_DESC("Newest first") {
        override fun compare(a: Note, b: Note): Int = b.createdAt.compareTo(a.createdAt)
    },
    TITLE_ASC("Title A–Z") {
        override fun compare(a: Note, b: Note): Int =
            a.displayTitle.compareTo(b.displayTitle, ignoreCase = true)
    },
    COLOR("Colour") {
        override fun compare(a: Note, b: Note): Int {
            val byColor = a.color.ordinal.compareTo(b.color.ordinal)
            return if (byColor != 0) byColor else UPDATED_DESC.compare(a, b)
        }
    };
}

/** Applies [filter] and [order], keeping pinned notes on top. */
fun List<Note>.filterAndSort(filter: NoteFilter, order: SortOrder): List<Note> =
    filter(filter::matches).sortedWith(compareByDescending<Note> { it.isPinned }.then(order))

/** All distinct tags across non-archived notes with their usage counts, most used first. */
fun List<Note>.tagCounts(): List<Pair<String, Int>> =
    asSequence()
        .filterNot { it.isArchived }
        .flatMap { it.tags.asSequence() }
        .groupingBy { it }
        .eachCount()
        .entries
        .sortedWith(compareByDescending<Map.Entry<String, Int>> { it.value }.thenBy { it.key })
        .map { it.key to it.value }
