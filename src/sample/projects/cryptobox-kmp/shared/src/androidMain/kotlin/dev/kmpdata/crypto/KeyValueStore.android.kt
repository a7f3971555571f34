package dev.kmpdata.crypto

import android.content.Context
import android.content.SharedPreferences

/**
 * Holds the application [Context] needed by [KeyValueStore] on Android.
 *
 * Call [init] once from `Application.onCreate`.
 */
object CryptoUtilsContext {
    @Volatile
    private var appContext: Context? = null

    fun init(context: Context) {
        appContext = context.applicationContext
    }

    internal fun applicationContextOrNull(): Context? = appContext

    internal fun requireContext(): Context =
        appContext ?: error("CryptoUtilsContext.init(context) must be called before using KeyValueStore")
}

@Suppress("EXPECT_ACTUAL_CLASSIFIERS_ARE_IN_BETA_WARNING")
actual class KeyValueStore actual constructor(actual val name: String) {

    init {
        require(name.isNotBlank()) { "Store name must not be blank" }
    }

    private val preferences: SharedPreferences by lazy {
        CryptoUtilsContext.requireContext().getSharedPreferences(FILE_PREFIX + name, Context.MODE_PRIVATE)
    }

    actual fun getString(key: String): String? = try {
        preferences.getString(key, null)
    } catch (e: ClassCastException) {
        // A value of another type was written by legacy code; treat it as missing.
        null
    }

    actual fun putString(key: String, value: String) {
        preferences.edit()
            .putString(key, value)
            .apply()
    }

    actual fun remove(key: String) {
        if (!preferences.contains(key)) return
        preferences.edit().remove(key).apply()
    }

    actual fun contains(key: String): Boolean = preferences.contains(key)

    actual fun keys(): Set<String> {
        val all = preferences.all
        val result = HashSet<String>(all.size)
        for ((key, value) in all) {
            if (value is String) result += key
        }
        return result
    }

    actual fun clear() {
        preferences.edit().clear().apply()
    }

    private companion object {
        const val FILE_PREFIX = "kmpdata_kv_"
    }
}
