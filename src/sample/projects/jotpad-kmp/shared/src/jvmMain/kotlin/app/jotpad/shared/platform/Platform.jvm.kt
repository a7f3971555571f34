package app.jotpad.shared.platform

import app.cash.sqldelight.async.coroutines.awaitCreate
import app.cash.sqldelight.async.coroutines.awaitMigrate
import app.cash.sqldelight.db.QueryResult
import app.cash.sqldelight.db.SqlDriver
import app.cash.sqldelight.driver.jdbc.sqlite.JdbcSqliteDriver
import app.jotpad.shared.data.db.NoteSchema
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import java.io.File
import java.time.Instant
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle
import java.util.Properties

/**
 * Desktop driver factory storing the database in the OS specific app data folder.
 */
actual class DatabaseDriverFactory(
    private val directory: File = defaultDataDirectory(),
) {
    actual suspend fun createDriver(): SqlDriver = withContext(Dispatchers.IO) {
        check(directory.isDirectory || directory.mkdirs()) { "Cannot create $directory" }
        val file = File(directory, DATABASE_NAME)
        val properties = Properties().apply {
            put("foreign_keys", "true")
            put("journal_mode", "WAL")
        }
        val driver = JdbcSqliteDriver("jdbc:sqlite:${file.absolutePath}", properties)

        val version = readUserVersion(driver)
        when {
            version == 0L -> {
                NoteSchema.awaitCreate(driver)
                writeUserVersion(driver, NoteSchema.version)
            }
            version < NoteSchema.version -> {
                NoteSchema.awaitMigrate(driver, version, NoteSchema.version)
                writeUserVersion(driver, NoteSchema.version)
            }
            version > NoteSchema.version -> {
                driver.close()
                error("Database version $version is newer than this app (${NoteSchema.version})")
            }
        }
        driver
    }

    private fun readUserVersion(driver: SqlDriver): Long =
        driver.executeQuery(
            identifier = null,
            sql = "PRAGMA user_version",
            mapper = { cursor -> QueryResult.Value(if (cursor.next().value) cursor.getLong(0) ?: 0L else 0L) },
            parameters = 0,
        ).value

    private fun writeUserVersion(driver: SqlDriver, version: Long) {
        driver.execute(null, "PRAGMA user_version = $version", 0)
    }

    companion object {
        /** `%APPDATA%\Jotpad`, `~/Library/Application Support/Jotpad` or `$XDG_DATA_HOME/jotpad`. */
        fun defaultDataDirectory(): File {
            val os = System.getProperty("os.name").orEmpty().lowercase()
            val home = System.getProperty("user.home")
            return when {
                "win" in os -> File(System.getenv("APPDATA") ?: home, "Jotpad")
                "mac" in os -> File(home, "Library/Application Support/Jotpad")
                else -> File(System.getenv("XDG_DATA_HOME") ?: "$home/.local/share", "jotpad")
            }
        }
    }
}

private val zone: ZoneId
    get() = ZoneId.systemDefault()

actual fun formatTimestamp(epochMillis: Long, style: TimestampStyle): String {
    val formatter = when (style) {
        TimestampStyle.DATE -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        TimestampStyle.TIME -> DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
        TimestampStyle.DATE_TIME -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
    }
    val dateTime = Instant.ofEpochMilli(epochMillis).atZone(zone)
    return formatter.format(dateTime)
}
