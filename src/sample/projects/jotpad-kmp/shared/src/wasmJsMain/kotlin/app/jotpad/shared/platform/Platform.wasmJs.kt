package app.jotpad.shared.platform

import app.cash.sqldelight.async.coroutines.awaitCreate
import app.cash.sqldelight.db.SqlDriver
import app.cash.sqldelight.driver.worker.WebWorkerDriver
import app.jotpad.shared.data.db.NoteSchema
import org.w3c.dom.Worker

private fun createSqlJsWorker(): Worker =
    js("""new Worker(new URL("@cashapp/sqldelight-sqljs-worker/sqljs.worker.js", import.meta.url))""")

private fun formatDate(millis: Double): String =
    js("new Date(millis).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })")

private fun formatTime(millis: Double): String =
    js("new Date(millis).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })")

/**
 * Browser driver: sql.js inside a web worker. The database lives in memory
 * for the lifetime of the tab, so the schema is created on every start.
 */
actual class DatabaseDriverFactory {
    private var created = false

    actual suspend fun createDriver(): SqlDriver {
        val driver = WebWorkerDriver(createSqlJsWorker())
        try {
            NoteSchema.awaitCreate(driver)
            created = true
        } catch (e: Throwable) {
            driver.close()
            throw IllegalStateException("Failed to initialise the in-browser database", e)
        }
        return driver
    }

    /** Whether [createDriver] has completed at least once. */
    val isInitialized: Boolean
        get() = created
}

actual fun formatTimestamp(epochMillis: Long, style: TimestampStyle): String {
    val millis = epochMillis.toDouble()
    return when (style) {
        TimestampStyle.DATE -> formatDate(millis)
        TimestampStyle.TIME -> formatTime(millis)
        TimestampStyle.DATE_TIME -> "${formatDate(millis)}, ${formatTime(millis)}"
    }
}
