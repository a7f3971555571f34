package com.stridelog.shared.presentation

import com.stridelog.shared.domain.InvalidWorkoutException
import com.stridelog.shared.domain.LogWorkoutUseCase
import com.stridelog.shared.domain.WorkoutInput
import com.stridelog.shared.domain.WorkoutValidationError
import com.stridelog.shared.model.ActivityType
import kotlinx.datetime.Clock
import kotlinx.datetime.Instant
import kotlin.time.Duration
import kotlin.time.Duration.Companion.minutes

/**
 * Form state of the "log workout" screen. Text fields are kept as strings so
 * partially typed numbers survive recomposition.
 */
data class LogWorkoutFormState(
    val type: ActivityType = ActivityType.RUN,
    val startedAt: Instant = Clock.System.now(),
    val durationMinutes: String = "30",
    val distanceKm: String = "",
    val heartRate: String = "",
    val note: String = "",
    val errors: Set<WorkoutValidationError> = emptySet(),
    val isSaving: Boolean = false,
) {
    val duration: Duration?
        get() = durationMinutes.toIntOrNull()?.minutes

    val showDistance: Boolean
        get() = type.tracksDistance

    /** Error text per field, `null` when the field is valid. */
    fun errorFor(field: Field): String? = when (field) {
        Field.DURATION -> when {
            WorkoutValidationError.DURATION_TOO_SHORT in errors -> "At least one minute"
            WorkoutValidationError.DURATION_TOO_LONG in errors -> "At most 24 hours"
            else -> null
        }
        Field.DISTANCE -> when {
            WorkoutValidationError.DISTANCE_REQUIRED in errors -> "Enter a distance"
            WorkoutValidationError.DISTANCE_UNREALISTIC in errors -> "That seems too fast"
            else -> null
        }
        Field.START -> if (WorkoutValidationError.IN_THE_FUTURE in errors) "Can't be in the future" else null
    }

    enum class Field { DURATION, DISTANCE, START }
}

sealed interface LogWorkoutEvent {
    data class TypeChanged(val type: ActivityType) : LogWorkoutEvent
    data class DurationChanged(val minutes: String) : LogWorkoutEvent
    data class DistanceChanged(val km: String) : LogWorkoutEvent
    data class HeartRateChanged(val bpm: String) : LogWorkoutEvent
    data class NoteChanged(val note: String) : LogWorkoutEvent
    data class StartChanged(val startedAt: Instant) : LogWorkoutEvent
    data object Save : LogWorkoutEvent
}

/**
 * Handles the log workout form.
 */
class LogWorkoutViewModel(
    private val logWorkout: LogWorkoutUseCase,
) : BaseViewModel<LogWorkoutFormState, LogWorkoutEvent>(LogWorkoutFormState()) {

    override val genericErrorMessage: String = "Could not save the workout"

    override fun onEvent(event: LogWorkoutEvent) {
        when (event) {
            is LogWorkoutEvent.TypeChanged -> setState { copy(type = event.type, errors = emptySet()) }
            is LogWorkoutEvent.DurationChanged -> setState { copy(durationMinutes = event.minutes.filter(Char::isDigit).take(4)) }
            is LogWorkoutEvent.DistanceChanged -> setState { copy(distanceKm = sanitizeDecimal(event.km)) }
            is LogWorkoutEvent.HeartRateChanged -> setState { copy(heartRate = event.bpm.filter(Char::isDigit).take(3)) }
            is LogWorkoutEvent.NoteChanged -> setState { copy(note = event.note.take(MAX_NOTE_LENGTH)) }
            is LogWorkoutEvent.StartChanged -> setState { copy(startedAt = event.startedAt) }
            LogWorkoutEvent.Save -> save()
        }
    }

    private fun save() {
        val form = currentState
        if (form.isSaving) return
        val duration = form.duration
        if (duration == null) {
            setState { copy(errors = setOf(WorkoutValidationError.DURATION_TOO_SHORT)) }
            return
        }
        val input = WorkoutInput(
            type = form.type,
            startedAt = form.startedAt,
            duration = duration,
            distanceMeters = form.distanceKm.replace(',', '.').toDoubleOrNull()?.times(1_000),
            averageHeartRate = form.heartRate.toIntOrNull(),
            note = form.note,
        )
        setState { copy(isSaving = true, errors = emptySet()) }
        launchSafely {
            logWorkout(input)
                .onSuccess {
                    setState { LogWorkoutFormState(type = type) }
                    sendEffect(Effect.ShowMessage("${input.type.displayName} saved"))
                    sendEffect(Effect.NavigateBack)
                }
                .onFailure { error ->
                    val errors = (error as? InvalidWorkoutException)?.errors.orEmpty()
                    setState { copy(isSaving = false, errors = errors) }
                    if (errors.isEmpty()) sendEffect(Effect.ShowMessage(genericErrorMessage))
                }
        }
    }

    private fun sanitizeDecimal(raw: String): String {
        val builder = StringBuilder()
        var seenSeparator = false
        for (c in raw) {
            when {
                c.isDigit() -> builder.append(c)
                (c == '.' || c == ',') && !seenSeparator -> {
                    seenSeparator = true
                    builder.append('.')
                }
            }
        }
        return builder.toString().take(7)
    }

    private companion object {
        const val MAX_NOTE_LENGTH = 280
    }
}
