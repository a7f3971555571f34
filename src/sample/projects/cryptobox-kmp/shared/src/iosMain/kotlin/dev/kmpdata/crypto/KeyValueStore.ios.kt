package dev.kmpdata.crypto

import platform.Foundation.NSUserDefaults

@Suppress("EXPECT_ACTUAL_CLASSIFIERS_ARE_IN_BETA_WARNING")
actual class KeyValueStore actual constructor(actual val name: String) {

    private val defaults: NSUserDefaults

    init {
        require(name.isNotBlank()) { "Store name must not be blank" }
        defaults = NSUserDefaults(suiteName = SUITE_PREFIX + name)
    }

    actual fun getString(key: String): String? = defaults.stringForKey(prefixed(key))

    actual fun putString(key: String, value: String) {
        defaults.setObject(value, forKey = prefixed(key))
    }

    actual fun remove(key: String) {
        defaults.removeObjectForKey(prefixed(key))
    }

    actual fun contains(key: String): Boolean = defaults.objectForKey(prefixed(key)) != null

    actual fun keys(): Set<String> {
        // dictionaryRepresentation also contains global defaults, so filter by our prefix.
        val prefix = keyPrefix
        val result = mutableSetOf<String>()
        for (rawKey in defaults.dictionaryRepresentation().keys) {
            val key = rawKey as? String ?: continue
            if (key.startsWith(prefix)) {
                result += key.removePrefix(prefix)
            }
        }
        return result
    }

    actual fun clear() {
        for (key in keys()) {
            defaults.removeObjectForKey(prefixed(key))
        }
    }

    private val keyPrefix: String
        get() = "$name::"

    private fun prefixed(key: String): String = keyPrefix + key

    private companion object {
        const val SUITE_PREFIX = "dev.kmpdata.kv."
    }
}
