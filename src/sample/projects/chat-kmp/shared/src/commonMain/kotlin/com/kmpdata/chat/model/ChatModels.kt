package com.kmpdata.chat.model

import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlin.jvm.JvmInline

const val MAX_MESSAGE_LENGTH = 4_000

typealias ConversationId = String

@JvmInline
@Serializable
value class UserId(val value: String) {
    val isSystem: Boolean get() = value.startsWith("system:")
}

@Serializable
data class MessageDto(
    val id: String,
    @SerialName("conversation_id") val conversationId: ConversationId,
    @SerialName("author_id") val authorId: String,
    val body: String,
    @SerialName("sent_at") val sentAtMillis: Long,
    val edited: Boolean = false,
)

@Serializable
data class SendMessageRequest(
    @SerialName("client_id") val clientId: String,
    val body: String,
)

@Serializable
data class ConversationDto(
    val id: ConversationId,
    val title: String,
    val participants: List<String>,
    @SerialName("unread_count") val unreadCount: Int = 0,
)

enum class MessageStatus(val isFinal: Boolean) {
    PENDING(false),
    SENT(true),
    FAILED(true) {
        override fun canRetry(): Boolean = true
    },
    DELIVERED(true);

    open fun canRetry(): Boolean = false
}

data class Message(
    val id: String,
    val conversationId: ConversationId,
    val author: UserId,
    val text: String,
    val sentAtMillis: Long,
    val status: MessageStatus,
    val edited: Boolean = false,
) {
    val preview: String
        get() = if (text.length <= 48) text else text.take(47) + "…"

    fun isFrom(user: UserId): Boolean = author == user
}

data class Conversation(
    val id: ConversationId,
    val title: String,
    val participants: List<UserId>,
    val unreadCount: Int,
    val lastMessage: Message? = null,
)

/** Events pushed from the server or produced locally while a conversation is open. */
sealed interface ChatEvent {
    val conversationId: ConversationId

    data class MessageReceived(val message: Message) : ChatEvent {
        override val conversationId: ConversationId get() = message.conversationId
    }

    data class Typing(override val conversationId: ConversationId, val user: UserId) : ChatEvent

    data class DeliveryFailed(
        override val conversationId: ConversationId,
        val localId: String,
        val reason: String,
    ) : ChatEvent
}
