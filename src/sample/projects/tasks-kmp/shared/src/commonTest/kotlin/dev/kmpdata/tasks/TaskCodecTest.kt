package dev.kmpdata.tasks

import kotlin.test.Test
import kotlin.test.assertEquals

class TaskCodecTest {
    private val codec = TaskCodec()

    @Test
    fun roundTripsTasksWithSeparators() {
        val task = Task(TaskId("a1"), title = "buy milk | bread", notes = "back\\slash", priority = Priority.HIGH)
        val decoded = codec.decode(codec.encode(task))
        assertEquals(task, decoded)
    }

    @Test
    fun decodesSeveralLines() {
        val tasks = listOf(Task(TaskId("1"), "a"), Task(TaskId("2"), "b", done = true))
        assertEquals(tasks, codec.decodeAll(codec.encodeAll(tasks)))
    }
}
