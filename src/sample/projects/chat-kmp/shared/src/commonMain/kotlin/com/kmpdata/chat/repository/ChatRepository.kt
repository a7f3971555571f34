package com.kmpdata.chat.repository

import com.kmpdata.chat.db.MessageDao
import com.kmpdata.chat.db.MessageEntity
import com.kmpdata.chat.model.ChatEvent
import com.kmpdata.chat.model.Conversation
import com.kmpdata.chat.model.ConversationId
import com.kmpdata.chat.model.Message
import com.kmpdata.chat.model.MessageStatus
import com.kmpdata.chat.model.SendMessageRequest
import com.kmpdata.chat.model.UserId
import com.kmpdata.chat.network.ChatApiException
import com.kmpdata.chat.network.ChatService
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableSharedFlow
import kotlinx.coroutines.flow.SharedFlow
import kotlinx.coroutines.flow.asSharedFlow
import kotlinx.coroutines.flow.map

interface ChatRepository {
    val events: SharedFlow<ChatEvent>
    fun observeMessages(conversationId: ConversationId): Flow<List<Message>>
    suspend fun loadConversations(): Result<List<Conversation>>
    suspend fun refresh(conversationId: ConversationId): Result<Int>
    suspend fun send(conversationId: ConversationId, author: UserId, text: String, nowMillis: Long): Long
    suspend fun retryPending(): Int
}

class OfflineFirstChatRepository(
    private val service: ChatService,
    private val dao: MessageDao,
    private val mapper: MessageMapper,
) : ChatRepository {

    private val _events = MutableSharedFlow<ChatEvent>(extraBufferCapacity = 16)
    override val events: SharedFlow<ChatEvent> = _events.asSharedFlow()

    override fun observeMessages(conversationId: ConversationId): Flow<List<Message>> =
        dao.selectByConversation(conversationId).map { it.toMessages(mapper) }

    override suspend fun loadConversations(): Result<List<Conversation>> = runCatchingApi {
        service.conversations().map { mapper.fromDto(it) }.sortedByDescending { it.unreadCount }
    }

    override suspend fun refresh(conversationId: ConversationId): Result<Int> = runCatchingApi {
        val remote = service.messages(conversationId)
        for (dto in remote) {
            dao.insert(mapper.toEntity(dto))
        }
        remote.size
    }

    override suspend fun send(conversationId: ConversationId, author: UserId, text: String, nowMillis: Long): Long {
        val localId = dao.insert(
            MessageEntity(0, null, conversationId, author.value, text, nowMillis, MessageStatus.PENDING.name),
        )
        deliver(localId, conversationId, text)
        return localId
    }

    override suspend fun retryPending(): Int {
        var delivered = 0
        for (entity in dao.selectPending()) {
            if (deliver(entity.localId, entity.conversationId, entity.body)) delivered++
        }
        return delivered
    }

    private suspend fun deliver(localId: Long, conversationId: ConversationId, text: String): Boolean = try {
        val sent = service.send(conversationId, SendMessageRequest(clientId = "local-$localId", body = text))
        dao.updateStatus(localId, MessageStatus.SENT.name, sent.id)
        _events.tryEmit(ChatEvent.MessageReceived(mapper.fromDto(sent)))
        true
    } catch (e: CancellationException) {
        throw e
    } catch (e: ChatApiException) {
        dao.updateStatus(localId, MessageStatus.FAILED.name)
        _events.tryEmit(ChatEvent.DeliveryFailed(conversationId, "local-$localId", e.message ?: "unknown error"))
        false
    }

    private inline fun <T> runCatchingApi(block: () -> T): Result<T> = try {
        Result.success(block())
    } catch (e: CancellationException) {
        throw e
    } catch (e: Exception) {
        Result.failure(e)
    }
}
