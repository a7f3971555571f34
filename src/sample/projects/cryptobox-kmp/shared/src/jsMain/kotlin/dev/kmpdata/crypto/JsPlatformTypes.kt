package dev.kmpdata.crypto

/**
 * JavaScript is single threaded, so the "atomic" integer is a plain field.
 */
@Suppress("EXPECT_ACTUAL_CLASSIFIERS_ARE_IN_BETA_WARNING")
actual class AtomicInt actual constructor(initialValue: Int) {
    private var value: Int = initialValue

    actual fun get(): Int = value

    actual fun set(newValue: Int) {
        value = newValue
    }

    actual fun incrementAndGet(): Int {
        value += 1
        return value
    }

    actual fun addAndGet(delta: Int): Int {
        value += delta
        return value
    }

    actual fun compareAndSet(expectedValue: Int, newValue: Int): Boolean {
        if (value != expectedValue) return false
        value = newValue
        return true
    }

    override fun toString(): String = "AtomicInt($value)"
}

@Suppress("EXPECT_ACTUAL_CLASSIFIERS_ARE_IN_BETA_WARNING")
actual class KeyValueStore actual constructor(actual val name: String) {
    private val prefix = "$name:"

    private val storage: org.w3c.dom.Storage?
        get() = if (js("typeof localStorage !== 'undefined'") as Boolean) kotlinx.browser.localStorage else null

    private val fallback = mutableMapOf<String, String>()

    actual fun getString(key: String): String? {
        val store = storage ?: return fallback[key]
        return store.getItem(prefix + key)
    }

    actual fun putString(key: String, value: String) {
        val store = storage
        if (store == null) {
            fallback[key] = value
            return
        }
        try {
            store.setItem(prefix + key, value)
        } catch (e: Throwable) {
            // QuotaExceededError or private browsing: keep the value for this session.
            fallback[key] = value
        }
    }

    actual fun remove(key: String) {
        fallback.remove(key)
        storage?.removeItem(prefix + key)
    }

    actual fun contains(key: String): Boolean = getString(key) != null

    actual fun keys(): Set<String> {
        val store = storage ?: return fallback.keys.toSet()
        val result = mutableSetOf<String>()
        for (i in 0 until store.length) {
            val key = store.key(i) ?: continue
            if (key.startsWith(prefix)) result += key.removePrefix(prefix)
        }
        result += fallback.keys
        return result
    }

    actual fun clear() {
        val toRemove = keys()
        toRemove.forEach { remove(it) }
        fallback.clear()
    }
}
