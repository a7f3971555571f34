package dev.kmpdata.tasks.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.Checkbox
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.style.TextDecoration
import androidx.compose.ui.unit.dp
import dev.kmpdata.tasks.Priority
import dev.kmpdata.tasks.Task

/**
 * A task as a card: a checkbox, the title (struck through when done) and its priority.
 */
@Composable
fun TaskRow(task: Task, onToggle: () -> Unit, modifier: Modifier = Modifier) {
    Card(modifier.fillMaxWidth().padding(horizontal = 16.dp).clickable(onClick = onToggle)) {
        Row(Modifier.padding(12.dp), verticalAlignment = Alignment.CenterVertically) {
            Checkbox(checked = task.done, onCheckedChange = { onToggle() })
            Column(Modifier.weight(1f)) {
                Text(
                    text = task.title,
                    style = MaterialTheme.typography.bodyLarge,
                    textDecoration = if (task.done) TextDecoration.LineThrough else null,
                )
                if (task.notes.isNotBlank()) {
                    Text(task.notes, style = MaterialTheme.typography.bodySmall)
                }
            }
            PriorityBadge(task.priority)
        }
    }
}

@Composable
fun PriorityBadge(priority: Priority) {
    val label = when (priority) {
        Priority.LOW -> "low"
        Priority.NORMAL -> "normal"
        Priority.HIGH -> "high"
    }
    Text(label, color = if (priority == Priority.HIGH) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface)
}
