package app.jotpad.ui.notes

import androidx.compose.foundation.horizontalScroll
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.rememberScrollState
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.filled.Check
import androidx.compose.material3.FilterChip
import androidx.compose.material3.FilterChipDefaults
import androidx.compose.material3.Icon
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.jotpad.shared.model.NoteFilter

/**
 * Horizontally scrolling chips for the built-in filters and the most used tags.
 */
@Composable
fun FilterRow(
    selected: NoteFilter,
    tags: List<String>,
    onFilterSelected: (NoteFilter) -> Unit,
    modifier: Modifier = Modifier,
) {
    val builtIn = listOf(NoteFilter.All, NoteFilter.Pinned, NoteFilter.Archived)
    Row(
        modifier = modifier
            .horizontalScroll(rememberScrollState())
            .padding(horizontal = 12.dp),
        horizontalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        builtIn.forEach { filter ->
            FilterChip(
                selected = selected == filter,
                onClick = { onFilterSelected(filter) },
                label = { Text(filter.label) },
                leadingIcon = if (selected == filter) {
                    { Icon(Icons.Filled.Check, contentDescription = null, modifier = Modifier.size(FilterChipDefaults.IconSize)) }
                } else {
                    null
                },
                colors = FilterChipDefaults.filterChipColors(),
            )
        }
        tags.take(MAX_TAG_CHIPS).forEach { tag ->
            val filter = NoteFilter.ByTag(tag)
            FilterChip(
                selected = selected == filter,
                onClick = { onFilterSelected(if (selected == filter) NoteFilter.All else filter) },
                label = { Text("#$tag") },
            )
        }
    }
}

private const val MAX_TAG_CHIPS = 8
