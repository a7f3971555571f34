package com.kmpdata.chat.domain

import com.kmpdata.chat.repository.ChatRepository
import com.kmpdata.chat.model.ConversationId
import com.kmpdata.chat.model.MAX_MESSAGE_LENGTH
import com.kmpdata.chat.model.Message
import com.kmpdata.chat.model.UserId
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.map

/** Base class for single-shot use cases: validates the input, then runs [execute]. */
abstract class UseCase<in P, out R> {
    protected abstract val name: String

    protected abstract suspend fun execute(params: P): R

    protected open fun validate(params: P): String? = null

    suspend operator fun invoke(params: P): Result<R> {
        val problem = validate(params)
        if (problem != null) return Result.failure(IllegalArgumentException("$name: $problem"))
        return runCatching { execute(params) }
    }
}

/** Supplies the current wall-clock time; swapped for a fixed clock in tests. */
fun interface Clock {
    fun nowMillis(): Long
}

data class SendMessageParams(val conversationId: ConversationId, val author: UserId, val text: String)

class SendMessageUseCase(
    private val repository: ChatRepository,
    private val clock: Clock,
) : UseCase<SendMessageParams, Long>() {
    override val name: String = "SendMessage"

    override fun validate(params: SendMessageParams): String? = when {
        params.text.isBlank() -> "message is empty"
        params.text.length > MAX_MESSAGE_LENGTH -> "message exceeds $MAX_MESSAGE_LENGTH characters"
        params.author.isSystem -> "system users cannot send messages"
        else -> null
    }

    override suspend fun execute(params: SendMessageParams): Long =
        repository.send(params.conversationId, params.author, params.text.trim(), clock.nowMillis())
}

/** A day of messages, used to render day separators in the conversation. */
data class MessageGroup(val dayKey: Long, val messages: List<Message>)

class ObserveConversationUseCase(private val repository: ChatRepository) {
    operator fun invoke(conversationId: ConversationId): Flow<List<MessageGroup>> =
        repository.observeMessages(conversationId).map { messages ->
            messages
                .groupBy { it.sentAtMillis / DAY_MILLIS }
                .map { (day, items) -> MessageGroup(day * DAY_MILLIS, items) }
                .sortedBy { it.dayKey }
        }

    private companion object {
        const val DAY_MILLIS = 86_400_000L
    }
}

class SyncConversationUseCase(private val repository: ChatRepository) {
    suspend operator fun invoke(conversationId: ConversationId): Result<Int> {
        val retried = repository.retryPending()
        return repository.refresh(conversationId).map { fetched -> fetched + retried }
    }
}
