package app.jotpad.shared.data.db

import app.cash.sqldelight.db.QueryResult
import app.cash.sqldelight.db.SqlCursor
import app.cash.sqldelight.db.SqlDriver
import app.cash.sqldelight.db.SqlPreparedStatement

/**
 * Row of the `note` table.
 */
data class NoteEntity(
    val id: String,
    val title: String,
    val body: String,
    val tags: String,
    val color: String,
    val pinned: Boolean,
    val archived: Boolean,
    val createdAt: Long,
    val updatedAt: Long,
)

/**
 * Thin data access object over a SQLDelight [SqlDriver].
 *
 * All queries are written by hand and awaited, so the DAO works with both the
 * synchronous native drivers and the asynchronous web worker driver.
 */
class NoteDao(private val driver: SqlDriver) {

    suspend fun selectAll(): List<NoteEntity> =
        driver.executeQuery(
            identifier = null,
            sql = "SELECT $COLUMNS FROM note ORDER BY updated_at DESC",
            mapper = ::readAll,
            parameters = 0,
        ).await()

    suspend fun selectById(id: String): NoteEntity? =
        driver.executeQuery(
            identifier = null,
            sql = "SELECT $COLUMNS FROM note WHERE id = ? LIMIT 1",
            mapper = ::readAll,
            parameters = 1,
        ) {
            bindString(0, id)
        }.await().firstOrNull()

    suspend fun upsert(entity: NoteEntity) {
        driver.execute(
            identifier = null,
            sql = """
                INSERT INTO note (id, title, body, tags, color, pinned, archived, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET
                    title = excluded.title,
                    body = excluded.body,
                    tags = excluded.tags,
                    color = excluded.color,
                    pinned = excluded.pinned,
                    archived = excluded.archived,
                    updated_at = excluded.updated_at
            """.trimIndent(),
            parameters = 9,
        ) {
            bindEntity(entity)
        }.await()
    }

    suspend fun delete(id: String): Boolean {
        val rows = driver.execute(null, "DELETE FROM note WHERE id = ?", 1) {
            bindString(0, id)
        }.await()
        return rows > 0
    }

    suspend fun deleteArchivedBefore(epochMillis: Long): Long =
        driver.execute(null, "DELETE FROM note WHERE archived = 1 AND updated_at < ?", 1) {
            bindLong(0, epochMillis)
        }.await()

    suspend fun count(): Long =
        driver.executeQuery(
            identifier = null,
            sql = "SELECT COUNT(*) FROM note",
            mapper = { cursor ->
                QueryResult.AsyncValue {
                    if (cursor.next().await()) cursor.getLong(0) ?: 0L else 0L
                }
            },
            parameters = 0,
        ).await()

    private fun readAll(cursor: SqlCursor): QueryResult<List<NoteEntity>> = QueryResult.AsyncValue {
        val rows = mutableListOf<NoteEntity>()
        while (cursor.next().await()) {
            rows += cursor.toEntity()
        }
        rows
    }

    private fun SqlCursor.toEntity(): NoteEntity = NoteEntity(
        id = getString(0)!!,
        title = getString(1).orEmpty(),
        body = getString(2).orEmpty(),
        tags = getString(3).orEmpty(),
        color = getString(4) ?: "DEFAULT",
        pinned = getBoolean(5) ?: false,
        archived = getBoolean(6) ?: false,
        createdAt = getLong(7) ?: 0L,
        updatedAt = getLong(8) ?: 0L,
    )

    private fun SqlPreparedStatement.bindEntity(entity: NoteEntity) {
        bindString(0, entity.id)
        bindString(1, entity.title)
        bindString(2, entity.body)
        bindString(3, entity.tags)
        bindString(4, entity.color)
        bindBoolean(5, entity.pinned)
        bindBoolean(6, entity.archived)
        bindLong(7, entity.createdAt)
        bindLong(8, entity.updatedAt)
    }

    private companion object {
        const val COLUMNS = "id, title, body, tags, color, pinned, archived, created_at, updated_at"
    }
}
