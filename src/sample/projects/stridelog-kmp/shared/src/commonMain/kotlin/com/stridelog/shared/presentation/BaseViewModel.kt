package com.stridelog.shared.presentation

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.CoroutineExceptionHandler
import kotlinx.coroutines.Job
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.receiveAsFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * Unidirectional data flow base class: the UI sends [E]vents, the ViewModel
 * reduces them into a new [S]tate and may emit one-off [Effect]s.
 */
abstract class BaseViewModel<S : Any, E : Any>(initialState: S) : ViewModel() {

    private val _state = MutableStateFlow(initialState)

    /** Current screen state; always has a value. */
    val state: StateFlow<S> = _state.asStateFlow()

    private val effectChannel = Channel<Effect>(Channel.BUFFERED)

    /** One-off effects such as navigation or snackbars. */
    val effects: Flow<Effect> = effectChannel.receiveAsFlow()

    /** Called by the UI for every user interaction. */
    abstract fun onEvent(event: E)

    /** Message shown when a coroutine started with [launchSafely] fails. */
    protected abstract val genericErrorMessage: String

    protected val currentState: S
        get() = _state.value

    protected fun setState(reducer: S.() -> S) {
        _state.update(reducer)
    }

    protected fun sendEffect(effect: Effect) {
        effectChannel.trySend(effect)
    }

    /**
     * Launches in [viewModelScope] and turns uncaught exceptions into a
     * [Effect.ShowMessage] instead of crashing the app.
     */
    protected fun launchSafely(block: suspend () -> Unit): Job {
        val handler = CoroutineExceptionHandler { _, throwable ->
            sendEffect(Effect.ShowMessage(throwable.message ?: genericErrorMessage))
        }
        return viewModelScope.launch(handler) { block() }
    }

    override fun onCleared() {
        effectChannel.close()
        super.onCleared()
    }

    /** Effects shared by all screens. */
    sealed interface Effect {
        data class ShowMessage(val text: String) : Effect

        data object NavigateBack : Effect

        data class OpenWorkout(val id: Long) : Effect
    }
}
