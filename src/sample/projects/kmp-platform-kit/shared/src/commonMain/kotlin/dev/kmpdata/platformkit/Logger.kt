package dev.kmpdata.platformkit

enum class LogLevel(val letter: Char) {
    VERBOSE('V'), DEBUG('D'), INFO('I'), WARN('W'), ERROR('E');

    fun isLoggable(minimum: LogLevel): Boolean = ordinal >= minimum.ordinal
}

/**
 * Writes one log line to the platform's native log sink: Logcat on Android, the unified
 * logging system on iOS, standard error on the JVM and the browser console in JS.
 */
expect fun platformLog(level: LogLevel, tag: String, message: String, throwable: Throwable?)

/** Turns a log call into a single line of text. */
fun interface LogFormatter {
    fun format(level: LogLevel, tag: String, message: String): String
}

/** Destination for log lines; subclasses decide where the text ends up. */
abstract class LogWriter(val minimumLevel: LogLevel) {
    abstract val id: String

    abstract fun write(level: LogLevel, tag: String, message: String, throwable: Throwable?)

    open fun flush() = Unit
}

class PlatformLogWriter(minimumLevel: LogLevel = LogLevel.DEBUG) : LogWriter(minimumLevel) {
    override val id: String = "platform"

    override fun write(level: LogLevel, tag: String, message: String, throwable: Throwable?) =
        platformLog(level, tag, message, throwable)
}

/** Keeps the most recent lines in memory, e.g. to attach them to a bug report. */
class RingBufferLogWriter(
    private val capacity: Int = 200,
    private val formatter: LogFormatter = LogFormatter { level, tag, msg -> "${level.letter}/$tag: $msg" },
) : LogWriter(LogLevel.VERBOSE) {
    override val id: String = "ring"
    private val lock = PlatformLock()
    private val lines = ArrayDeque<String>(capacity)

    override fun write(level: LogLevel, tag: String, message: String, throwable: Throwable?) {
        val line = formatter.format(level, tag, message) + (throwable?.let { " (${it::class.simpleName}: ${it.message})" } ?: "")
        lock.withLock {
            if (lines.size == capacity) lines.removeFirst()
            lines.addLast(line)
        }
    }

    fun snapshot(): List<String> = lock.withLock { lines.toList() }
}

/** Entry point: `Log.i("Sync", "3 items uploaded")`. Writers can be swapped at runtime. */
object Log {
    private val writers = Guarded<List<LogWriter>>(listOf(PlatformLogWriter()))

    fun install(vararg newWriters: LogWriter) = writers.set(newWriters.toList())

    fun addWriter(writer: LogWriter) {
        writers.update { current -> current.filterNot { it.id == writer.id } + writer }
    }

    fun log(level: LogLevel, tag: String, message: String, throwable: Throwable? = null) {
        for (writer in writers.get()) {
            if (!level.isLoggable(writer.minimumLevel)) continue
            try {
                writer.write(level, tag, message, throwable)
            } catch (e: Exception) {
                platformLog(LogLevel.ERROR, "Log", "Writer ${writer.id} failed: ${e.message}", e)
            }
        }
    }

    fun d(tag: String, message: String) = log(LogLevel.DEBUG, tag, message)
    fun i(tag: String, message: String) = log(LogLevel.INFO, tag, message)
    fun w(tag: String, message: String, throwable: Throwable? = null) = log(LogLevel.WARN, tag, message, throwable)
    fun e(tag: String, message: String, throwable: Throwable? = null) = log(LogLevel.ERROR, tag, message, throwable)

    /** Reports an unreachable code path and logs the issue to the crash reporter once it exists. */
    fun wtf(tag: String, message: String): Nothing = TODO("Crash reporter integration: $tag $message")
}
