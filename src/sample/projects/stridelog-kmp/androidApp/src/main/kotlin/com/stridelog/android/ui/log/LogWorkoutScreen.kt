package com.stridelog.android.ui.log

import android.widget.Toast
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.rememberUpdatedState
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import com.stridelog.shared.model.ActivityType
import com.stridelog.shared.presentation.BaseViewModel
import com.stridelog.shared.presentation.LogWorkoutEvent
import com.stridelog.shared.presentation.LogWorkoutFormState
import com.stridelog.shared.presentation.LogWorkoutViewModel
import org.koin.androidx.compose.koinViewModel

@Composable
fun LogWorkoutRoute(
    onDone: () -> Unit,
    viewModel: LogWorkoutViewModel = koinViewModel(),
) {
    val state by viewModel.state.collectAsStateWithLifecycle()
    val context = LocalContext.current
    val currentOnDone by rememberUpdatedState(onDone)

    LaunchedEffect(viewModel) {
        viewModel.effects.collect { effect ->
            when (effect) {
                is BaseViewModel.Effect.ShowMessage -> Toast.makeText(context, effect.text, Toast.LENGTH_SHORT).show()
                BaseViewModel.Effect.NavigateBack -> currentOnDone()
                is BaseViewModel.Effect.OpenWorkout -> Unit
            }
        }
    }

    LogWorkoutScreen(state = state, onEvent = viewModel::onEvent)
}

/**
 * Form for logging a finished workout.
 *
 * @param state current form values and validation errors
 * @param onEvent receives every edit and the save action
 */
@Composable
fun LogWorkoutScreen(
    state: LogWorkoutFormState,
    onEvent: (LogWorkoutEvent) -> Unit,
    modifier: Modifier = Modifier,
) {
    Column(
        modifier = modifier
            .fillMaxSize()
            .verticalScroll(rememberScrollState())
            .padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Text("What did you do?", style = MaterialTheme.typography.titleLarge)
        ActivityTypePicker(
            selected = state.type,
            onSelect = { onEvent(LogWorkoutEvent.TypeChanged(it)) },
        )

        NumberField(
            value = state.durationMinutes,
            onValueChange = { onEvent(LogWorkoutEvent.DurationChanged(it)) },
            label = "Duration (minutes)",
            error = state.errorFor(LogWorkoutFormState.Field.DURATION),
        )
        if (state.showDistance) {
            NumberField(
                value = state.distanceKm,
                onValueChange = { onEvent(LogWorkoutEvent.DistanceChanged(it)) },
                label = "Distance (km)",
                error = state.errorFor(LogWorkoutFormState.Field.DISTANCE),
                decimal = true,
            )
        }
        NumberField(
            value = state.heartRate,
            onValueChange = { onEvent(LogWorkoutEvent.HeartRateChanged(it)) },
            label = "Average heart rate (optional)",
            error = null,
        )
        OutlinedTextField(
            value = state.note,
            onValueChange = { onEvent(LogWorkoutEvent.NoteChanged(it)) },
            label = { Text("Note") },
            minLines = 2,
            modifier = Modifier.fillMaxWidth(),
        )
        state.errorFor(LogWorkoutFormState.Field.START)?.let { message ->
            Text(message, color = MaterialTheme.colorScheme.error)
        }

        Button(
            onClick = { onEvent(LogWorkoutEvent.Save) },
            enabled = !state.isSaving,
            modifier = Modifier.fillMaxWidth(),
        ) {
            Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                if (state.isSaving) {
                    CircularProgressIndicator(Modifier.size(18.dp), strokeWidth = 2.dp)
                }
                Text("Save workout")
            }
        }
    }
}

/**
 * Chips for every [ActivityType], wrapping onto several lines on narrow screens.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun ActivityTypePicker(
    selected: ActivityType,
    onSelect: (ActivityType) -> Unit,
    modifier: Modifier = Modifier,
) {
    FlowRow(modifier = modifier, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        ActivityType.entries.forEach { type ->
            FilterChip(
                selected = type == selected,
                onClick = { onSelect(type) },
                label = { Text("${type.emoji} ${type.displayName}") },
            )
        }
    }
}

@Composable
private fun NumberField(
    value: String,
    onValueChange: (String) -> Unit,
    label: String,
    error: String?,
    decimal: Boolean = false,
) {
    OutlinedTextField(
        value = value,
        onValueChange = onValueChange,
        label = { Text(label) },
        isError = error != null,
        supportingText = error?.let { { Text(it) } },
        singleLine = true,
        keyboardOptions = KeyboardOptions(keyboardType = if (decimal) KeyboardType.Decimal else KeyboardType.Number),
        modifier = Modifier.fillMaxWidth(),
    )
}
