package app.jotpad.shared.data.db

import app.cash.sqldelight.db.AfterVersion
import app.cash.sqldelight.db.QueryResult
import app.cash.sqldelight.db.SqlDriver
import app.cash.sqldelight.db.SqlSchema

/**
 * Hand written schema for the notes database.
 *
 * Declared as an async schema so the same definition works with the web worker
 * driver; synchronous drivers wrap it with `synchronous()`.
 */
object NoteSchema : SqlSchema<QueryResult.AsyncValue<Unit>> {

    override val version: Long = 2

    private val CREATE_STATEMENTS = listOf(
        """
        CREATE TABLE IF NOT EXISTS note (
            id TEXT NOT NULL PRIMARY KEY,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL DEFAULT 'DEFAULT',
            pinned INTEGER NOT NULL DEFAULT 0,
            archived INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        )
        """.trimIndent(),
        "CREATE INDEX IF NOT EXISTS note_updated_at ON note(updated_at DESC)",
        "CREATE INDEX IF NOT EXISTS note_pinned ON note(pinned, archived)",
    )

    override fun create(driver: SqlDriver): QueryResult.AsyncValue<Unit> = QueryResult.AsyncValue {
        for (statement in CREATE_STATEMENTS) {
            driver.execute(identifier = null, sql = statement, parameters = 0).await()
        }
    }

    override fun migrate(
        driver: SqlDriver,
        oldVersion: Long,
        newVersion: Long,
        vararg callbacks: AfterVersion,
    ): QueryResult.AsyncValue<Unit> = QueryResult.AsyncValue {
        var current = oldVersion
        while (current < newVersion) {
            when (current) {
                1L -> {
                    driver.execute(null, "ALTER TABLE note ADD COLUMN archived INTEGER NOT NULL DEFAULT 0", 0).await()
                    driver.execute(null, "CREATE INDEX IF NOT EXISTS note_pinned ON note(pinned, archived)", 0).await()
                }
                else -> error("No migration from schema version $current")
            }
            current++
            callbacks.filter { it.afterVersion == current }.forEach { it.block(driver) }
        }
    }
}
