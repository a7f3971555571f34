package app.jotpad.shared.data

import app.jotpad.shared.data.db.NoteDao
import app.jotpad.shared.data.db.NoteEntity
import app.jotpad.shared.model.Note
import app.jotpad.shared.model.NoteColor
import app.jotpad.shared.model.NoteId
import app.jotpad.shared.platform.DatabaseDriverFactory
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

/**
 * Storage for note rows. The repository owns caching and mapping; data sources
 * only persist entities.
 */
interface NoteDataSource {
    suspend fun getAll(): List<NoteEntity>

    suspend fun get(id: String): NoteEntity?

    suspend fun upsert(entity: NoteEntity)

    suspend fun delete(id: String): Boolean
}

/**
 * [NoteDataSource] backed by SQLite through [NoteDao].
 *
 * Opening the database is a suspending operation on some platforms, so the
 * driver is created lazily on first access.
 */
class SqlNoteDataSource(private val driverFactory: DatabaseDriverFactory) : NoteDataSource {
    private val openMutex = Mutex()
    private var dao: NoteDao? = null

    private suspend fun dao(): NoteDao {
        dao?.let { return it }
        return openMutex.withLock {
            dao ?: NoteDao(driverFactory.createDriver()).also { dao = it }
        }
    }

    override suspend fun getAll(): List<NoteEntity> = dao().selectAll()

    override suspend fun get(id: String): NoteEntity? = dao().selectById(id)

    override suspend fun upsert(entity: NoteEntity) = dao().upsert(entity)

    override suspend fun delete(id: String): Boolean = dao().delete(id)
}

/** Volatile [NoteDataSource] used by previews and tests. */
class InMemoryNoteDataSource(seed: List<NoteEntity> = emptyList()) : NoteDataSource {
    private val mutex = Mutex()
    private val rows = seed.associateBy { it.id }.toMutableMap()

    override suspend fun getAll(): List<NoteEntity> = mutex.withLock {
        rows.values.sortedByDescending { it.updatedAt }
    }

    override suspend fun get(id: String): NoteEntity? = mutex.withLock { rows[id] }

    override suspend fun upsert(entity: NoteEntity) {
        mutex.withLock {
            val existing = rows[entity.id]
            rows[entity.id] = if (existing != null) entity.copy(createdAt = existing.createdAt) else entity
        }
    }

    override suspend fun delete(id: String): Boolean = mutex.withLock { rows.remove(id) != null }
}

/**
 * Maps between [NoteEntity] rows and [Note] domain objects.
 */
object NoteMapper {
    private const val TAG_SEPARATOR = ","

    fun toDomain(entity: NoteEntity): Note = Note(
        id = NoteId(entity.id),
        title = entity.title,
        body = entity.body,
        tags = entity.tags.split(TAG_SEPARATOR).filter { it.isNotBlank() }.toSet(),
        color = NoteColor.fromName(entity.color),
        isPinned = entity.pinned,
        isArchived = entity.archived,
        createdAt = entity.createdAt,
        updatedAt = entity.updatedAt,
    )

    fun toEntity(note: Note): NoteEntity = NoteEntity(
        id = note.id.value,
        title = note.title.trim(),
        body = note.body,
        tags = note.tags.sorted().joinToString(TAG_SEPARATOR),
        color = note.color.name,
        pinned = note.isPinned,
        archived = note.isArchived,
        createdAt = note.createdAt,
        updatedAt = note.updatedAt,
    )
}

fun NoteEntity.toDomain(): Note = NoteMapper.toDomain(this)

fun Note.toEntity(): NoteEntity = NoteMapper.toEntity(this)
