package dev.kmpdata.tasks.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.FilterChip
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import dev.kmpdata.tasks.TaskFilter
import dev.kmpdata.tasks.TaskListState
import dev.kmpdata.tasks.TaskListViewModel

/** The main screen: a filter row, the tasks, and an input to add one. */
@Composable
fun TaskListScreen(viewModel: TaskListViewModel, modifier: Modifier = Modifier) {
    val state by viewModel.state.collectAsState()
    Scaffold(modifier = modifier) { padding ->
        Column(Modifier.padding(padding).fillMaxSize()) {
            NewTaskField(onAdd = viewModel::add)
            when (val s = state) {
                TaskListState.Loading -> CircularProgressIndicator(Modifier.padding(24.dp))
                is TaskListState.Failed -> ErrorBanner(message = s.message, onRetry = { viewModel.setFilter(TaskFilter.ALL) })
                is TaskListState.Ready -> {
                    FilterRow(selected = s.filter, onSelect = viewModel::setFilter)
                    LazyColumn(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                        items(s.tasks, key = { it.id.raw }) { task ->
                            TaskRow(task = task, onToggle = { viewModel.toggle(task.id) })
                        }
                    }
                }
            }
        }
    }
}

/** One chip per filter; the selected one is highlighted. */
@Composable
fun FilterRow(selected: TaskFilter, onSelect: (TaskFilter) -> Unit, modifier: Modifier = Modifier) {
    Row(modifier.padding(horizontal = 16.dp), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        TaskFilter.entries.forEach { filter ->
            FilterChip(
                selected = filter == selected,
                onClick = { onSelect(filter) },
                label = { Text(filter.name.lowercase().replaceFirstChar { it.uppercase() }) },
            )
        }
    }
}

@Composable
fun ErrorBanner(message: String, onRetry: () -> Unit) {
    Column(Modifier.padding(16.dp)) {
        Text("Something went wrong: $message")
        Button(onClick = onRetry) {
            Text("Try again")
        }
    }
}
