package com.stridelog.android.ui.dashboard

import android.widget.Toast
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.KeyboardArrowLeft
import androidx.compose.material.icons.automirrored.filled.KeyboardArrowRight
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import com.stridelog.android.ui.components.ProgressRing
import com.stridelog.android.ui.components.StatTile
import com.stridelog.android.ui.components.WeeklyBarChart
import com.stridelog.android.ui.components.WorkoutCard
import com.stridelog.shared.model.GoalProgress
import com.stridelog.shared.model.WeeklySummary
import com.stridelog.shared.platform.DurationStyle
import com.stridelog.shared.platform.formatDuration
import com.stridelog.shared.presentation.BaseViewModel
import com.stridelog.shared.presentation.DashboardEvent
import com.stridelog.shared.presentation.DashboardUiState
import com.stridelog.shared.presentation.DashboardViewModel
import org.koin.androidx.compose.koinViewModel

@Composable
fun DashboardRoute(
    onLogWorkout: () -> Unit,
    viewModel: DashboardViewModel = koinViewModel(),
) {
    val state by viewModel.state.collectAsStateWithLifecycle()
    val context = LocalContext.current

    LaunchedEffect(viewModel) {
        viewModel.effects.collect { effect ->
            when (effect) {
                is BaseViewModel.Effect.ShowMessage -> Toast.makeText(context, effect.text, Toast.LENGTH_SHORT).show()
                else -> Unit
            }
        }
    }

    DashboardScreen(state = state, onEvent = viewModel::onEvent, onLogWorkout = onLogWorkout)
}

/**
 * Weekly dashboard. Renders the three [DashboardUiState] variants.
 */
@Composable
fun DashboardScreen(
    state: DashboardUiState,
    onEvent: (DashboardEvent) -> Unit,
    onLogWorkout: () -> Unit,
    modifier: Modifier = Modifier,
) {
    when (state) {
        DashboardUiState.Loading -> Box(modifier.fillMaxSize(), contentAlignment = Alignment.Center) {
            CircularProgressIndicator()
        }
        is DashboardUiState.Error -> Column(
            modifier = modifier.fillMaxSize().padding(32.dp),
            verticalArrangement = Arrangement.Center,
            horizontalAlignment = Alignment.CenterHorizontally,
        ) {
            Text(state.message, style = MaterialTheme.typography.bodyLarge)
            Button(onClick = { onEvent(DashboardEvent.Retry) }, modifier = Modifier.padding(top = 16.dp)) {
                Text("Try again")
            }
        }
        is DashboardUiState.Success -> LazyColumn(
            modifier = modifier.fillMaxSize(),
            contentPadding = PaddingValues(16.dp),
            verticalArrangement = Arrangement.spacedBy(12.dp),
        ) {
            item {
                WeekHeader(
                    week = state.week,
                    canGoForward = !state.isCurrentWeek,
                    onPrevious = { onEvent(DashboardEvent.PreviousWeek) },
                    onNext = { onEvent(DashboardEvent.NextWeek) },
                )
            }
            item { WeekStats(state.week, state.units.formatDistance(state.week.totalDistance)) }
            item { WeeklyBarChart(state.week, Modifier.fillMaxWidth().height(120.dp)) }
            item {
                Text("Goals", style = MaterialTheme.typography.titleMedium)
            }
            items(state.goals, key = { it.goal.title }) { progress -> GoalRow(progress) }
            item {
                Row(verticalAlignment = Alignment.CenterVertically) {
                    Text("Recent", style = MaterialTheme.typography.titleMedium, modifier = Modifier.weight(1f))
                    Button(onClick = onLogWorkout) { Text("Log workout") }
                }
            }
            items(state.recent, key = { it.id.value }) { workout ->
                WorkoutCard(
                    workout = workout,
                    units = state.units,
                    onClick = { onEvent(DashboardEvent.OpenWorkout(workout.id)) },
                )
            }
        }
    }
}

@Composable
private fun WeekHeader(
    week: WeeklySummary,
    canGoForward: Boolean,
    onPrevious: () -> Unit,
    onNext: () -> Unit,
) {
    Row(verticalAlignment = Alignment.CenterVertically) {
        IconButton(onClick = onPrevious) {
            Icon(Icons.AutoMirrored.Filled.KeyboardArrowLeft, contentDescription = "Previous week")
        }
        Text(
            text = "Week of ${week.weekStart.dayOfMonth} ${week.weekStart.month.name.lowercase().replaceFirstChar { it.uppercase() }}",
            style = MaterialTheme.typography.titleLarge,
            modifier = Modifier.weight(1f),
        )
        IconButton(onClick = onNext, enabled = canGoForward) {
            Icon(Icons.AutoMirrored.Filled.KeyboardArrowRight, contentDescription = "Next week")
        }
    }
}

@Composable
private fun WeekStats(week: WeeklySummary, distanceLabel: String) {
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        StatTile("Workouts", week.totalWorkouts.toString(), Modifier.weight(1f))
        StatTile("Time", formatDuration(week.totalActiveTime, DurationStyle.SHORT_TEXT), Modifier.weight(1f))
        StatTile("Distance", distanceLabel, Modifier.weight(1f))
    }
}

@Composable
private fun GoalRow(progress: GoalProgress) {
    Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(16.dp)) {
        ProgressRing(progress = progress.fraction, size = 48.dp, strokeWidth = 6.dp)
        Column {
            Text(progress.goal.title, style = MaterialTheme.typography.bodyLarge)
            Text(
                text = if (progress.isComplete) "Done this week 🎉" else "${progress.percent}% complete",
                style = MaterialTheme.typography.bodySmall,
            )
        }
    }
}
