package dev.kmpdata.tasks

/** Turns tasks into one line of text each and back, escaping the separator. */
class TaskCodec(private val separator: Char = '|') {

    fun encodeAll(tasks: List<Task>): String = tasks.joinToString("\n") { encode(it) }

    fun decodeAll(text: String): List<Task> =
        text.lineSequence().filter { it.isNotBlank() }.map { decode(it) }.toList()

    fun encode(task: Task): String {
        val fields = listOf(task.id.raw, task.title, task.notes, task.priority.name, task.done.toString())
        return fields.joinToString(separator.toString()) { escape(it) }
    }

    fun decode(line: String): Task {
        val parts = splitEscaped(line)
        require(parts.size == 5) { "expected 5 fields, got ${parts.size}" }
        return Task(
            id = TaskId(parts[0]),
            title = parts[1],
            notes = parts[2],
            priority = Priority.valueOf(parts[3]),
            done = parts[4].toBooleanStrict(),
        )
    }

    private fun escape(value: String): String =
        value.replace("\\", "\\\\").replace(separator.toString(), "\\$separator")

    private fun splitEscaped(line: String): List<String> {
        val out = mutableListOf<String>()
        val current = StringBuilder()
        var escaping = false
        for (c in line) {
            when {
                escaping -> {
                    current.append(c)
                    escaping = false
                }
                c == '\\' -> escaping = true
                c == separator -> {
                    out += current.toString()
                    current.clear()
                }
                else -> current.append(c)
            }
        }
        out += current.toString()
        return out
    }
}
