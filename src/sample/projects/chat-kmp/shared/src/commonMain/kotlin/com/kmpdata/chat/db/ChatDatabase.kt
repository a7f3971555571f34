package com.kmpdata.chat.db

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.distinctUntilChanged
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

/** One row of the `message` table. */
data class MessageEntity(
    val localId: Long,
    val remoteId: String?,
    val conversationId: String,
    val authorId: String,
    val body: String,
    val sentAt: Long,
    val status: String,
)

/** Queries over the `message` table, modelled after the functions SQLDelight emits for a .sq file. */
interface MessageDao {
    fun selectByConversation(conversationId: String): Flow<List<MessageEntity>>
    suspend fun selectPending(): List<MessageEntity>
    suspend fun insert(entity: MessageEntity): Long
    suspend fun updateStatus(localId: Long, status: String, remoteId: String? = null)
    suspend fun deleteConversation(conversationId: String): Int
}

/**
 * A small in-process database holding the message table.
 * Writes go through [transaction] so that observers see a consistent snapshot.
 */
class ChatDatabase {
    private val messages = MutableStateFlow<Map<Long, MessageEntity>>(emptyMap())
    private val lock = Mutex()
    private var nextId = 1L

    val messageDao: MessageDao by lazy { Dao() }

    suspend fun <R> transaction(block: Transaction.() -> R): R = lock.withLock {
        val tx = Transaction(messages.value.toMutableMap())
        val result = tx.block()
        messages.value = tx.rows
        result
    }

    inner class Transaction(internal val rows: MutableMap<Long, MessageEntity>) {
        fun insert(entity: MessageEntity): Long {
            val id = if (entity.localId > 0) entity.localId else nextId++
            rows[id] = entity.copy(localId = id)
            return id
        }

        fun update(localId: Long, transform: (MessageEntity) -> MessageEntity): Boolean {
            val current = rows[localId] ?: return false
            rows[localId] = transform(current)
            return true
        }

        fun deleteWhere(predicate: (MessageEntity) -> Boolean): Int {
            val doomed = rows.values.filter(predicate).map { it.localId }
            doomed.forEach { rows.remove(it) }
            return doomed.size
        }
    }

    private inner class Dao : MessageDao {
        override fun selectByConversation(conversationId: String): Flow<List<MessageEntity>> =
            messages.map { table ->
                table.values
                    .filter { it.conversationId == conversationId }
                    .sortedWith(compareBy({ it.sentAt }, { it.localId }))
            }.distinctUntilChanged()

        override suspend fun selectPending(): List<MessageEntity> =
            messages.value.values.filter { it.status == "PENDING" || it.status == "FAILED" }.sortedBy { it.sentAt }

        override suspend fun insert(entity: MessageEntity): Long = transaction {
            val existing = entity.remoteId?.let { remote -> rows.values.firstOrNull { it.remoteId == remote } }
            if (existing != null) {
                update(existing.localId) { entity.copy(localId = existing.localId) }
                existing.localId
            } else {
                insert(entity)
            }
        }

        override suspend fun updateStatus(localId: Long, status: String, remoteId: String?) {
            transaction { update(localId) { it.copy(status = status, remoteId = remoteId ?: it.remoteId) } }
        }

        override suspend fun deleteConversation(conversationId: String): Int =
            transaction { deleteWhere { it.conversationId == conversationId } }
    }
}
