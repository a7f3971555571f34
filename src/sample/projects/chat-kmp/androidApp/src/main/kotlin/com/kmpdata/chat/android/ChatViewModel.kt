package com.kmpdata.chat.android

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import com.kmpdata.chat.repository.ChatRepository
import com.kmpdata.chat.domain.MessageGroup
import com.kmpdata.chat.domain.ObserveConversationUseCase
import com.kmpdata.chat.domain.SendMessageParams
import com.kmpdata.chat.domain.SendMessageUseCase
import com.kmpdata.chat.domain.SyncConversationUseCase
import com.kmpdata.chat.model.ChatEvent
import com.kmpdata.chat.model.ConversationId
import com.kmpdata.chat.model.UserId
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.combine
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.flow.launchIn
import kotlinx.coroutines.flow.onEach
import kotlinx.coroutines.flow.stateIn
import kotlinx.coroutines.launch

data class ChatUiState(
    val groups: List<MessageGroup> = emptyList(),
    val draft: String = "",
    val isSyncing: Boolean = false,
    val error: String? = null,
) {
    val canSend: Boolean get() = draft.isNotBlank() && !isSyncing
}

class ChatViewModel(
    private val conversationId: ConversationId,
    observeConversation: ObserveConversationUseCase,
    private val sendMessage: SendMessageUseCase,
    private val syncConversation: SyncConversationUseCase,
    repository: ChatRepository,
) : ViewModel() {

    private val me = UserId("me")
    private val draft = MutableStateFlow("")
    private val syncing = MutableStateFlow(false)
    private val error = MutableStateFlow<String?>(null)

    val state: StateFlow<ChatUiState> = combine(observeConversation(conversationId), draft, syncing, error) { groups, text, busy, err ->
        ChatUiState(groups = groups, draft = text, isSyncing = busy, error = err)
    }.stateIn(viewModelScope, SharingStarted.WhileSubscribed(5_000), ChatUiState(isSyncing = true))

    init {
        repository.events
            .filter { it.conversationId == conversationId }
            .onEach { event ->
                when (event) {
                    is ChatEvent.DeliveryFailed -> error.value = "Not delivered: ${event.reason}"
                    is ChatEvent.MessageReceived -> error.value = null
                    is ChatEvent.Typing -> Unit
                }
            }
            .launchIn(viewModelScope)
        refresh()
    }

    fun onDraftChange(text: String) {
        draft.value = text
    }

    fun refresh() {
        viewModelScope.launch {
            syncing.value = true
            syncConversation(conversationId).onFailure { error.value = it.message ?: "Sync failed" }
            syncing.value = false
        }
    }

    fun send() {
        val text = draft.value
        if (text.isBlank()) return
        draft.value = ""
        viewModelScope.launch {
            sendMessage(SendMessageParams(conversationId, me, text))
                .onFailure { failure ->
                    draft.value = text
                    error.value = failure.message
                }
        }
    }
}
