package com.kmpdata.chat

import com.kmpdata.chat.repository.MessageMapper
import com.kmpdata.chat.db.ChatDatabase
import com.kmpdata.chat.model.MessageDto
import com.kmpdata.chat.model.MessageStatus
import com.kmpdata.chat.model.UserId
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.test.runTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertTrue

class MessageMapperTest {
    private val mapper = MessageMapper()

    private fun dto(id: String, at: Long) = MessageDto(
        id = id,
        conversationId = "general",
        authorId = "ana",
        body = "hello $id",
        sentAtMillis = at,
    )

    @Test
    fun entityRoundTripKeepsRemoteId() {
        val entity = mapper.toEntity(dto("m1", 1_000))
        val message = mapper.fromEntity(entity.copy(localId = 7))

        assertEquals("m1", message.id)
        assertEquals(UserId("ana"), message.author)
        assertEquals(MessageStatus.DELIVERED, message.status)
    }

    @Test
    fun daoDeduplicatesByRemoteId() = runTest {
        val dao = ChatDatabase().messageDao
        dao.insert(mapper.toEntity(dto("m1", 2_000)))
        dao.insert(mapper.toEntity(dto("m1", 2_000).copy(body = "edited")))
        dao.insert(mapper.toEntity(dto("m2", 1_000)))

        val rows = dao.selectByConversation("general").first()
        assertEquals(listOf("m2", "m1"), rows.map { it.remoteId })
        assertTrue(rows.any { it.body == "edited" })
    }
}
