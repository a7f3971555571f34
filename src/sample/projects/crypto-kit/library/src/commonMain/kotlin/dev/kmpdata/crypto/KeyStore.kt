package dev.kmpdata.crypto

/** Holds secrets for a limited time. */
interface SecretStore {
    fun put(alias: String, secret: ByteArray, ttlMillis: Long = DEFAULT_TTL_MILLIS)
    fun get(alias: String): ByteArray?
    fun remove(alias: String): Boolean
    fun aliases(): Set<String>

    companion object {
        const val DEFAULT_TTL_MILLIS: Long = 15 * 60 * 1000L
    }
}

/**
 * Keeps secrets in a plain map. Not thread-safe: confine an instance to one thread
 * or wrap calls in your own lock. Expired entries are purged lazily on access.
 */
class InMemorySecretStore(private val now: () -> Long) : SecretStore {

    private class Entry(val secret: ByteArray, val expiresAt: Long)

    private val entries = HashMap<String, Entry>()

    override fun put(alias: String, secret: ByteArray, ttlMillis: Long) {
        require(alias.isNotBlank()) { "alias must not be blank" }
        require(ttlMillis > 0) { "ttlMillis must be positive" }
        entries[alias]?.secret?.fill(0)
        entries[alias] = Entry(secret.copyOf(), now() + ttlMillis)
    }

    override fun get(alias: String): ByteArray? {
        val entry = entries[alias] ?: return null
        if (entry.expiresAt <= now()) {
            wipe(alias)
            return null
        }
        return entry.secret.copyOf()
    }

    override fun remove(alias: String): Boolean = wipe(alias)

    override fun aliases(): Set<String> {
        purgeExpired()
        return entries.keys.toSet()
    }

    fun purgeExpired(): Int {
        val time = now()
        val expired = entries.filterValues { it.expiresAt <= time }.keys
        expired.forEach { wipe(it) }
        return expired.size
    }

    /** Overwrites the bytes before dropping the entry so they do not linger in memory. */
    private fun wipe(alias: String): Boolean {
        val entry = entries.remove(alias) ?: return false
        entry.secret.fill(0)
        return true
    }
}
