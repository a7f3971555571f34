package dev.kmpdata.crypto

import java.util.prefs.BackingStoreException
import java.util.prefs.Preferences

@Suppress("EXPECT_ACTUAL_CLASSIFIERS_ARE_IN_BETA_WARNING")
actual class KeyValueStore actual constructor(actual val name: String) {

    private val node: Preferences

    init {
        require(name.isNotBlank()) { "Store name must not be blank" }
        node = Preferences.userRoot().node("$ROOT_NODE/$name")
    }

    actual fun getString(key: String): String? = node.get(key, null)

    actual fun putString(key: String, value: String) {
        require(key.length <= Preferences.MAX_KEY_LENGTH) { "Key too long: ${key.length}" }
        require(value.length <= Preferences.MAX_VALUE_LENGTH) { "Value too long: ${value.length}" }
        node.put(key, value)
        flushQuietly()
    }

    actual fun remove(key: String) {
        node.remove(key)
        flushQuietly()
    }

    actual fun contains(key: String): Boolean = node.get(key, null) != null

    actual fun keys(): Set<String> = try {
        node.keys().toSet()
    } catch (e: BackingStoreException) {
        emptySet()
    }

    actual fun clear() {
        try {
            node.clear()
            node.flush()
        } catch (e: BackingStoreException) {
            System.err.println("KeyValueStore($name): clear failed: ${e.message}")
        }
    }

    private fun flushQuietly() {
        try {
            node.flush()
        } catch (e: BackingStoreException) {
            // Preferences are flushed again on JVM shutdown; nothing else we can do here.
        }
    }

    private companion object {
        const val ROOT_NODE = "dev/kmpdata/kv"
    }
}
