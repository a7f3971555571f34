package com.kmpdata.chat.repository

import com.kmpdata.chat.db.MessageEntity
import com.kmpdata.chat.model.Conversation
import com.kmpdata.chat.model.ConversationDto
import com.kmpdata.chat.model.Message
import com.kmpdata.chat.model.MessageDto
import com.kmpdata.chat.model.MessageStatus
import com.kmpdata.chat.model.UserId

/** Maps between network DTOs, database rows and domain models. */
class MessageMapper {

    fun fromDto(dto: MessageDto): Message = Message(
        id = dto.id,
        conversationId = dto.conversationId,
        author = UserId(dto.authorId),
        text = dto.body,
        sentAtMillis = dto.sentAtMillis,
        status = MessageStatus.DELIVERED,
        edited = dto.edited,
    )

    fun toEntity(dto: MessageDto): MessageEntity = MessageEntity(
        localId = 0,
        remoteId = dto.id,
        conversationId = dto.conversationId,
        authorId = dto.authorId,
        body = dto.body,
        sentAt = dto.sentAtMillis,
        status = MessageStatus.DELIVERED.name,
    )

    fun fromEntity(entity: MessageEntity): Message = Message(
        id = entity.remoteId ?: "local-${entity.localId}",
        conversationId = entity.conversationId,
        author = UserId(entity.authorId),
        text = entity.body,
        sentAtMillis = entity.sentAt,
        status = parseStatus(entity.status),
    )

    fun fromDto(dto: ConversationDto, lastMessage: Message? = null): Conversation = Conversation(
        id = dto.id,
        title = dto.title.ifBlank { dto.participants.joinToString(", ") },
        participants = dto.participants.map(::UserId),
        unreadCount = dto.unreadCount.coerceAtLeast(0),
        lastMessage = lastMessage,
    )

    private fun parseStatus(raw: String): MessageStatus =
        MessageStatus.entries.firstOrNull { it.name == raw } ?: MessageStatus.PENDING
}

fun List<MessageEntity>.toMessages(mapper: MessageMapper): List<Message> = map(mapper::fromEntity)
