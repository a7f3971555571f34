package dev.kmpdata.crypto

/**
 * A small persistent key-value store for strings, backed by the platform's
 * native preferences API:
 *
 * - Android: `SharedPreferences`
 * - Apple: `NSUserDefaults`
 * - JVM: `java.util.prefs.Preferences`
 * - JavaScript: `localStorage`
 *
 * Stores with different [name]s never share keys. Writes are persisted
 * asynchronously where the platform allows it.
 *
 * @param name logical store name, must be non-blank.
 */
expect class KeyValueStore(name: String) {
    /** The logical store name passed to the constructor. */
    val name: String

    /** Returns the value stored for [key] or `null`. */
    fun getString(key: String): String?

    /** Stores [value] under [key], replacing any previous value. */
    fun putString(key: String, value: String)

    /** Removes [key] if present. */
    fun remove(key: String)

    /** Returns `true` if a value is stored for [key]. */
    fun contains(key: String): Boolean

    /** All keys currently stored. */
    fun keys(): Set<String>

    /** Removes every key of this store. */
    fun clear()
}

/** Returns the stored value or computes, stores and returns [defaultValue]. */
inline fun KeyValueStore.getOrPut(key: String, defaultValue: () -> String): String {
    val existing = getString(key)
    if (existing != null) return existing
    val created = defaultValue()
    putString(key, created)
    return created
}

/** Copies every entry of this store into [target]. */
fun KeyValueStore.copyTo(target: KeyValueStore, overwrite: Boolean = false): Int {
    var copied = 0
    for (key in keys()) {
        if (!overwrite && target.contains(key)) continue
        val value = getString(key) ?: continue
        target.putString(key, value)
        copied++
    }
    return copied
}

/** Operator form of [KeyValueStore.getString]. */
operator fun KeyValueStore.get(key: String): String? = getString(key)

/** Operator form of [KeyValueStore.putString]. */
operator fun KeyValueStore.set(key: String, value: String) = putString(key, value)
