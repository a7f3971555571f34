package dev.kmpdata.crypto

import kotlin.properties.ReadWriteProperty
import kotlin.reflect.KProperty

/**
 * Typed settings abstraction on top of string storage.
 *
 * Implementations only have to deal with strings; the typed accessors and
 * property delegates below handle conversion.
 */
interface Settings {
    fun getString(key: String): String?

    fun putString(key: String, value: String)

    fun remove(key: String)

    fun hasKey(key: String): Boolean = getString(key) != null
}

/** [Settings] persisted through a platform [KeyValueStore]. */
class StoreBackedSettings(private val store: KeyValueStore) : Settings {

    constructor(name: String) : this(KeyValueStore(name))

    override fun getString(key: String): String? = store.getString(key)

    override fun putString(key: String, value: String) {
        store.putString(key, value)
    }

    override fun remove(key: String) {
        store.remove(key)
    }

    override fun hasKey(key: String): Boolean = store.contains(key)
}

/** Volatile [Settings] implementation, mainly for tests and previews. */
class InMemorySettings(initial: Map<String, String> = emptyMap()) : Settings {
    private val values = LinkedHashMap(initial)

    val size: Int get() = values.size

    override fun getString(key: String): String? = values[key]

    override fun putString(key: String, value: String) {
        values[key] = value
    }

    override fun remove(key: String) {
        values.remove(key)
    }

    fun snapshot(): Map<String, String> = values.toMap()
}

fun Settings.getInt(key: String, default: Int): Int = getString(key)?.toIntOrNull() ?: default

fun Settings.getBoolean(key: String, default: Boolean): Boolean =
    when (getString(key)?.lowercase()) {
        "true", "1", "yes" -> true
        "false", "0", "no" -> false
        else -> default
    }

/** Delegate for a string setting. */
fun Settings.string(key: String, default: String): ReadWriteProperty<Any?, String> =
    object : ReadWriteProperty<Any?, String> {
        override fun getValue(thisRef: Any?, property: KProperty<*>): String = getString(key) ?: default

        override fun setValue(thisRef: Any?, property: KProperty<*>, value: String) = putString(key, value)
    }

/** Delegate for an int setting. */
fun Settings.int(key: String, default: Int): ReadWriteProperty<Any?, Int> =
    object : ReadWriteProperty<Any?, Int> {
        override fun getValue(thisRef: Any?, property: KProperty<*>): Int = getInt(key, default)

        override fun setValue(thisRef: Any?, property: KProperty<*>, value: Int) = putString(key, value.toString())
    }

/** Delegate for a boolean setting. */
fun Settings.boolean(key: String, default: Boolean): ReadWriteProperty<Any?, Boolean> =
    object : ReadWriteProperty<Any?, Boolean> {
        override fun getValue(thisRef: Any?, property: KProperty<*>): Boolean = getBoolean(key, default)

        override fun setValue(thisRef: Any?, property: KProperty<*>, value: Boolean) =
            putString(key, value.toString())
    }

/** Delegate for an enum setting stored by name. */
inline fun <reified E : Enum<E>> Settings.enum(key: String, default: E): ReadWriteProperty<Any?, E> =
    object : ReadWriteProperty<Any?, E> {
        override fun getValue(thisRef: Any?, property: KProperty<*>): E {
            val stored = getString(key) ?: return default
            return enumValues<E>().firstOrNull { it.name == stored } ?: default
        }

        override fun setValue(thisRef: Any?, property: KProperty<*>, value: E) = putString(key, value.name)
    }

/**
 * Example of delegated settings: session data that survives restarts.
 */
class SessionPreferences(settings: Settings) {
    var lastUserId: String by settings.string("session.last_user_id", "")
    var launchCount: Int by settings.int("session.launch_count", 0)
    var biometricsEnabled: Boolean by settings.boolean("session.biometrics", false)
    var tokenFormat: TokenFormat by settings.enum("session.token_format", TokenFormat.BASE64_URL)

    /** Increments and returns the launch counter. */
    fun recordLaunch(): Int {
        launchCount += 1
        return launchCount
    }
}
