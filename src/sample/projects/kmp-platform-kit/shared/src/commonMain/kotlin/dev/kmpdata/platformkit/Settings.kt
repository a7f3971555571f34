package dev.kmpdata.platformkit

import kotlin.properties.ReadWriteProperty
import kotlin.reflect.KProperty

/** A minimal, synchronous string key-value store. */
interface Settings {
    fun getString(key: String): String?
    fun putString(key: String, value: String)
    fun remove(key: String)
    fun keys(): Set<String>
    fun clear() = keys().forEach(::remove)
}

/**
 * Persistent settings backed by the platform store: SharedPreferences on Android,
 * NSUserDefaults on iOS, java.util.prefs on the JVM and localStorage in the browser.
 * Stores with different [name]s never see each other's keys.
 */
expect class KeyValueStore(name: String) : Settings {
    val name: String
}

/** Non-persistent implementation, used in tests and as a fallback when storage is unavailable. */
class InMemorySettings(initial: Map<String, String> = emptyMap()) : Settings {
    private val values = initial.toMutableMap()

    override fun getString(key: String): String? = values[key]
    override fun putString(key: String, value: String) {
        values[key] = value
    }
    override fun remove(key: String) {
        values.remove(key)
    }
    override fun keys(): Set<String> = values.keys.toSet()
}

fun Settings.getInt(key: String, default: Int = 0): Int = getString(key)?.toIntOrNull() ?: default
fun Settings.putInt(key: String, value: Int) = putString(key, value.toString())
fun Settings.getBoolean(key: String, default: Boolean = false): Boolean = getString(key)?.toBooleanStrictOrNull() ?: default
fun Settings.putBoolean(key: String, value: Boolean) = putString(key, value.toString())

operator fun Settings.get(key: String): String? = getString(key)
operator fun Settings.set(key: String, value: String?) {
    if (value == null) remove(key) else putString(key, value)
}
operator fun Settings.contains(key: String): Boolean = getString(key) != null

/** Property delegate: `var launches by settings.int("launches")`. */
fun Settings.int(key: String, default: Int = 0): ReadWriteProperty<Any?, Int> = object : ReadWriteProperty<Any?, Int> {
    override fun getValue(thisRef: Any?, property: KProperty<*>): Int = getInt(key, default)
    override fun setValue(thisRef: Any?, property: KProperty<*>, value: Int) = putInt(key, value)
}

fun Settings.string(key: String? = null, default: String = ""): ReadWriteProperty<Any?, String> =
    object : ReadWriteProperty<Any?, String> {
        override fun getValue(thisRef: Any?, property: KProperty<*>): String = getString(key ?: property.name) ?: default
        override fun setValue(thisRef: Any?, property: KProperty<*>, value: String) = putString(key ?: property.name, value)
    }
