package com.kmpdata.chat.network

import com.kmpdata.chat.model.ConversationDto
import com.kmpdata.chat.model.ConversationId
import com.kmpdata.chat.model.MessageDto
import com.kmpdata.chat.model.SendMessageRequest
import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.plugins.ClientRequestException
import io.ktor.client.request.get
import io.ktor.client.request.parameter
import io.ktor.client.request.post
import io.ktor.client.request.setBody
import io.ktor.http.ContentType
import io.ktor.http.HttpStatusCode
import io.ktor.http.contentType

/** Remote API of the chat backend. */
interface ChatService {
    suspend fun conversations(): List<ConversationDto>
    suspend fun messages(conversationId: ConversationId, after: Long? = null): List<MessageDto>
    suspend fun send(conversationId: ConversationId, request: SendMessageRequest): MessageDto
    suspend fun uploadAttachment(conversationId: ConversationId, bytes: ByteArray, mimeType: String): String
}

class ChatApiException(val status: HttpStatusCode?, message: String, cause: Throwable? = null) :
    Exception(message, cause)

class KtorChatService(
    private val client: HttpClient,
    private val baseUrl: String = DEFAULT_BASE_URL,
) : ChatService {

    override suspend fun conversations(): List<ConversationDto> = request("conversations") {
        client.get("$baseUrl/v1/conversations").body()
    }

    override suspend fun messages(conversationId: ConversationId, after: Long?): List<MessageDto> =
        request("messages of $conversationId") {
            client.get("$baseUrl/v1/conversations/$conversationId/messages") {
                if (after != null) parameter("after", after)
                parameter("limit", PAGE_SIZE)
            }.body()
        }

    override suspend fun send(conversationId: ConversationId, request: SendMessageRequest): MessageDto =
        request("send to $conversationId") {
            client.post("$baseUrl/v1/conversations/$conversationId/messages") {
                contentType(ContentType.Application.Json)
                setBody(request)
            }.body()
        }

    override suspend fun uploadAttachment(conversationId: ConversationId, bytes: ByteArray, mimeType: String): String =
        TODO("Multipart attachment upload is not supported by the backend yet")

    private inline fun <T> request(what: String, block: () -> T): T = try {
        block()
    } catch (e: ClientRequestException) {
        throw ChatApiException(e.response.status, "Request for $what was rejected", e)
    } catch (e: ChatApiException) {
        throw e
    } catch (e: Exception) {
        throw ChatApiException(null, "Request for $what failed: ${e.message}", e)
    }

    companion object {
        const val DEFAULT_BASE_URL = "https://chat.example.com/api"
        private const val PAGE_SIZE = 50
    }
}
