package com.stridelog.android.ui.components

import androidx.compose.animation.core.animateFloatAsState
import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.size
import androidx.compose.material3.Card
import androidx.compose.material3.ElevatedCard
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.CornerRadius
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.StrokeCap
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.tooling.preview.Preview
import androidx.compose.ui.unit.Dp
import androidx.compose.ui.unit.dp
import com.stridelog.android.ui.theme.accent
import com.stridelog.shared.model.ActivityType
import com.stridelog.shared.model.Distance
import com.stridelog.shared.model.UnitSystem
import com.stridelog.shared.model.WeeklySummary
import com.stridelog.shared.model.Workout
import com.stridelog.shared.platform.DurationStyle
import com.stridelog.shared.platform.formatDuration
import com.stridelog.shared.util.relativeLabel
import com.stridelog.shared.util.shortLabel
import com.stridelog.shared.util.toLocalDate
import com.stridelog.shared.util.today
import kotlin.time.Duration.Companion.minutes

/**
 * A logged workout: activity, date, duration, distance and pace.
 */
@Composable
fun WorkoutCard(
    workout: Workout,
    units: UnitSystem,
    onClick: () -> Unit,
    modifier: Modifier = Modifier,
) {
    Card(onClick = onClick, modifier = modifier.fillMaxWidth()) {
        Row(
            modifier = Modifier.padding(16.dp),
            verticalAlignment = Alignment.CenterVertically,
            horizontalArrangement = Arrangement.spacedBy(16.dp),
        ) {
            Text(workout.type.emoji, style = MaterialTheme.typography.headlineMedium)
            Column(Modifier.weight(1f)) {
                Text(
                    text = workout.type.displayName,
                    style = MaterialTheme.typography.titleMedium,
                    color = workout.type.accent,
                )
                Text(
                    text = workout.startedAt.toLocalDate().relativeLabel(today()),
                    style = MaterialTheme.typography.bodySmall,
                )
                if (workout.note.isNotBlank()) {
                    Text(workout.note, style = MaterialTheme.typography.bodySmall, maxLines = 1)
                }
            }
            Column(horizontalAlignment = Alignment.End) {
                Text(formatDuration(workout.duration, DurationStyle.CLOCK), fontWeight = FontWeight.SemiBold)
                workout.distanceMeters?.let { meters ->
                    Text(units.formatDistance(Distance(meters)), style = MaterialTheme.typography.bodySmall)
                }
                workout.paceSecondsPerKm?.let { pace ->
                    Text(units.formatPace(pace), style = MaterialTheme.typography.bodySmall)
                }
            }
        }
    }
}

/**
 * A labelled number, e.g. "Distance / 12.4 km".
 */
@Composable
fun StatTile(
    label: String,
    value: String,
    modifier: Modifier = Modifier,
) {
    ElevatedCard(modifier = modifier) {
        Column(Modifier.padding(horizontal = 16.dp, vertical = 12.dp)) {
            Text(label, style = MaterialTheme.typography.labelMedium)
            Text(value, style = MaterialTheme.typography.titleLarge, fontWeight = FontWeight.Bold)
        }
    }
}

/**
 * Circular progress indicator with the percentage in the middle. Values above
 * 1 are drawn as a full ring.
 */
@Composable
fun ProgressRing(
    progress: Float,
    modifier: Modifier = Modifier,
    size: Dp = 64.dp,
    strokeWidth: Dp = 8.dp,
    color: Color = MaterialTheme.colorScheme.primary,
    trackColor: Color = MaterialTheme.colorScheme.surfaceVariant,
) {
    val animated by animateFloatAsState(targetValue = progress.coerceIn(0f, 1f), label = "progress")
    Box(modifier = modifier.size(size), contentAlignment = Alignment.Center) {
        Canvas(Modifier.size(size)) {
            val stroke = Stroke(width = strokeWidth.toPx(), cap = StrokeCap.Round)
            drawArc(color = trackColor, startAngle = 0f, sweepAngle = 360f, useCenter = false, style = stroke)
            drawArc(
                color = color,
                startAngle = -90f,
                sweepAngle = 360f * animated,
                useCenter = false,
                style = stroke,
            )
        }
        Text(
            text = "${(progress * 100).toInt()}%",
            style = MaterialTheme.typography.labelMedium,
        )
    }
}

/**
 * Seven bars, one per weekday, proportional to active minutes.
 */
@Composable
fun WeeklyBarChart(week: WeeklySummary, modifier: Modifier = Modifier) {
    val barColor = MaterialTheme.colorScheme.primary
    val emptyColor = MaterialTheme.colorScheme.surfaceVariant
    val maxMinutes = week.days.maxOfOrNull { it.activeTime.inWholeMinutes }?.coerceAtLeast(1) ?: 1

    Column(modifier) {
        Canvas(Modifier.fillMaxWidth().weight(1f)) {
            val slot = size.width / week.days.size
            val barWidth = slot * 0.6f
            week.days.forEachIndexed { index, day ->
                val fraction = day.activeTime.inWholeMinutes.toFloat() / maxMinutes
                val barHeight = (size.height * fraction).coerceAtLeast(4.dp.toPx())
                drawRoundRect(
                    color = if (day.workouts > 0) barColor else emptyColor,
                    topLeft = Offset(x = index * slot + (slot - barWidth) / 2, y = size.height - barHeight),
                    size = Size(barWidth, barHeight),
                    cornerRadius = CornerRadius(6.dp.toPx()),
                )
            }
        }
        Row(Modifier.fillMaxWidth()) {
            week.days.forEach { day ->
                Text(
                    text = day.date.dayOfWeek.shortLabel,
                    style = MaterialTheme.typography.labelSmall,
                    modifier = Modifier.weight(1f),
                )
            }
        }
    }
}

@Preview(showBackground = true)
@Composable
private fun WorkoutCardPreview() {
    WorkoutCard(
        workout = Workout(
            type = ActivityType.RUN,
            startedAt = System.currentTimeMillis(),
            duration = 42.minutes,
            distanceMeters = 8_400.0,
            note = "Intervals by the river",
        ),
        units = UnitSystem.METRIC,
        onClick = {},
    )
}
