package com.kmpdata.chat

import com.kmpdata.chat.repository.MessageMapper
import com.kmpdata.chat.repository.OfflineFirstChatRepository
import com.kmpdata.chat.db.ChatDatabase
import com.kmpdata.chat.domain.Clock
import com.kmpdata.chat.domain.SendMessageParams
import com.kmpdata.chat.domain.SendMessageUseCase
import com.kmpdata.chat.model.ConversationDto
import com.kmpdata.chat.model.ConversationId
import com.kmpdata.chat.model.MessageDto
import com.kmpdata.chat.model.MessageStatus
import com.kmpdata.chat.model.SendMessageRequest
import com.kmpdata.chat.model.UserId
import com.kmpdata.chat.network.ChatApiException
import com.kmpdata.chat.network.ChatService
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.test.runTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue

private class FakeChatService(var failSends: Boolean = false) : ChatService {
    val sent = mutableListOf<SendMessageRequest>()

    override suspend fun conversations(): List<ConversationDto> = emptyList()

    override suspend fun messages(conversationId: ConversationId, after: Long?): List<MessageDto> = emptyList()

    override suspend fun send(conversationId: ConversationId, request: SendMessageRequest): MessageDto {
        if (failSends) throw ChatApiException(null, "offline")
        sent += request
        return MessageDto("srv-${sent.size}", conversationId, "me", request.body, 42L)
    }

    override suspend fun uploadAttachment(conversationId: ConversationId, bytes: ByteArray, mimeType: String) = "unused"
}

class SendMessageUseCaseTest {
    private val database = ChatDatabase()
    private val service = FakeChatService()
    private val repository = OfflineFirstChatRepository(service, database.messageDao, MessageMapper())
    private val sendMessage = SendMessageUseCase(repository, Clock { 1_700_000_000_000 })

    @Test
    fun blankMessagesAreRejected() = runTest {
        val result = sendMessage(SendMessageParams("general", UserId("me"), "   "))
        assertTrue(result.isFailure)
        assertTrue(service.sent.isEmpty())
    }

    @Test
    fun failedDeliveryIsRetried() = runTest {
        service.failSends = true
        sendMessage(SendMessageParams("general", UserId("me"), "hi there"))
        val failed = repository.observeMessages("general").first().single()
        assertEquals(MessageStatus.FAILED, failed.status)

        service.failSends = false
        assertEquals(1, repository.retryPending())
        assertEquals(MessageStatus.SENT, repository.observeMessages("general").first().single().status)
    }
}
