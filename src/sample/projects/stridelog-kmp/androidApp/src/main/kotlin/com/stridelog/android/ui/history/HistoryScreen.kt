package com.stridelog.android.ui.history

import androidx.compose.foundation.ExperimentalFoundationApi
import androidx.compose.foundation.horizontalScroll
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.rememberScrollState
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import com.stridelog.android.ui.components.WorkoutCard
import com.stridelog.shared.model.ActivityType
import com.stridelog.shared.model.UnitSystem
import com.stridelog.shared.presentation.HistoryUiState
import com.stridelog.shared.presentation.HistoryViewModel
import com.stridelog.shared.presentation.WeekSection
import org.koin.androidx.compose.koinViewModel

@Composable
fun HistoryRoute(viewModel: HistoryViewModel = koinViewModel()) {
    val state by viewModel.sections.collectAsStateWithLifecycle()
    HistoryScreen(
        state = state,
        onFilter = { viewModel.onEvent(HistoryViewModel.Event.FilterByType(it)) },
    )
}

/**
 * All workouts grouped by week, newest first, with sticky week headers.
 */
@OptIn(ExperimentalFoundationApi::class)
@Composable
fun HistoryScreen(
    state: HistoryUiState,
    onFilter: (ActivityType?) -> Unit,
    modifier: Modifier = Modifier,
    units: UnitSystem = UnitSystem.METRIC,
) {
    Column(modifier.fillMaxSize()) {
        TypeFilterRow(selected = state.typeFilter, onFilter = onFilter)
        if (state.isEmpty) {
            Box(Modifier.fillMaxSize(), contentAlignment = Alignment.Center) {
                Text("No workouts yet", style = MaterialTheme.typography.bodyLarge)
            }
            return@Column
        }
        LazyColumn(
            contentPadding = PaddingValues(horizontal = 16.dp, vertical = 8.dp),
            verticalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            state.sections.forEach { section ->
                stickyHeader(key = section.weekStart.toString()) {
                    WeekSectionHeader(section)
                }
                items(section.workouts, key = { it.id.value }) { workout ->
                    WorkoutCard(workout = workout, units = units, onClick = {})
                }
            }
        }
    }
}

@Composable
private fun WeekSectionHeader(section: WeekSection) {
    Surface(color = MaterialTheme.colorScheme.background, modifier = Modifier.fillMaxWidth()) {
        Row(Modifier.padding(vertical = 8.dp), verticalAlignment = Alignment.CenterVertically) {
            Text(
                text = "Week of ${section.weekStart}",
                style = MaterialTheme.typography.titleSmall,
                modifier = Modifier.weight(1f),
            )
            Text(
                text = "${section.workouts.size} workouts · ${section.totalMinutes} min",
                style = MaterialTheme.typography.labelMedium,
            )
        }
    }
}

@Composable
private fun TypeFilterRow(selected: ActivityType?, onFilter: (ActivityType?) -> Unit) {
    Row(
        modifier = Modifier
            .horizontalScroll(rememberScrollState())
            .padding(horizontal = 16.dp, vertical = 8.dp),
        horizontalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        FilterChip(selected = selected == null, onClick = { onFilter(null) }, label = { Text("All") })
        ActivityType.entries.forEach { type ->
            FilterChip(
                selected = selected == type,
                onClick = { onFilter(if (selected == type) null else type) },
                label = { Text(type.displayName) },
            )
        }
    }
}
