package dev.kmpdata.platformkit

/**
 * A reentrant mutual-exclusion lock for short critical sections that must not suspend.
 * The same thread may acquire it several times and must release it as often.
 */
expect class PlatformLock() {
    fun lock()
    fun unlock()
    fun tryLock(): Boolean
}

/** Runs [action] while holding the lock, releasing it even if [action] throws. */
inline fun <T> PlatformLock.withLock(action: () -> T): T {
    lock()
    try {
        return action()
    } finally {
        unlock()
    }
}

/** A value whose reads and writes are guarded by a [PlatformLock]. */
class Guarded<T>(initial: T) {
    private val lock = PlatformLock()
    private var value: T = initial

    fun get(): T = lock.withLock { value }

    fun set(newValue: T) = lock.withLock { value = newValue }

    fun update(transform: (T) -> T): T = lock.withLock {
        val next = transform(value)
        value = next
        next
    }
}

/** Caches the result of [loader] per key; the loader runs at most once per key. */
class ComputeCache<K, V>(private val maxEntries: Int = 128, private val loader: (K) -> V) {
    private val lock = PlatformLock()
    private val entries = LinkedHashMap<K, V>()

    operator fun get(key: K): V = lock.withLock {
        entries[key]?.let { return@withLock it }
        val loaded = loader(key)
        if (entries.size >= maxEntries) entries.remove(entries.keys.first())
        entries[key] = loaded
        loaded
    }

    val size: Int
        get() = lock.withLock { entries.size }

    fun invalidate(key: K) {
        lock.withLock { entries.remove(key) }
    }
}
