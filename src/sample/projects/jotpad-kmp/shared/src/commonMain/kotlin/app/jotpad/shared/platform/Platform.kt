package app.jotpad.shared.platform

import app.cash.sqldelight.db.SqlDriver

/** File name of the SQLite database on platforms with a file system. */
const val DATABASE_NAME: String = "jotpad.db"

/**
 * Opens the notes database with the driver that fits the platform:
 *
 * - Android: `AndroidSqliteDriver` (needs a `Context`)
 * - iOS: `NativeSqliteDriver`
 * - Desktop JVM: `JdbcSqliteDriver` with a file in the user's app data folder
 * - Browser: `WebWorkerDriver` running sql.js in a worker (in-memory, async)
 *
 * Implementations create or migrate the schema before returning.
 */
expect class DatabaseDriverFactory {
    /** Returns a ready-to-use driver; callers own it and must close it. */
    suspend fun createDriver(): SqlDriver
}

/** How much of a timestamp to show. */
enum class TimestampStyle {
    DATE,
    TIME,
    DATE_TIME,
}

/**
 * Formats [epochMillis] in the device's locale and time zone using the
 * platform's date formatting APIs.
 */
expect fun formatTimestamp(epochMillis: Long, style: TimestampStyle = TimestampStyle.DATE_TIME): String

private const val MINUTE = 60_000L
private const val HOUR = 60 * MINUTE
private const val DAY = 24 * HOUR

/**
 * Human friendly relative time: "just now", "5 min ago", "3 h ago",
 * "yesterday", or a formatted date for anything older.
 */
fun relativeTimestamp(epochMillis: Long, now: Long): String {
    val delta = now - epochMillis
    return when {
        delta < 0 -> formatTimestamp(epochMillis, TimestampStyle.DATE_TIME)
        delta < MINUTE -> "just now"
        delta < HOUR -> "${delta / MINUTE} min ago"
        delta < DAY -> "${delta / HOUR} h ago"
        delta < 2 * DAY -> "yesterday"
        else -> formatTimestamp(epochMillis, TimestampStyle.DATE)
    }
}
