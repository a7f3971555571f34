package dev.kmpdata.tasks

import android.content.Context
import android.content.SharedPreferences
import android.os.Build
import android.util.Log
import java.util.UUID

lateinit var appContext: Context

actual fun platformName(): String {
    val release = Build.VERSION.RELEASE
    val sdk = Build.VERSION.SDK_INT
    return "Android $release (API $sdk)"
}

actual fun currentTimeMillis(): Long = System.currentTimeMillis()

actual fun randomId(): String {
    val uuid = UUID.randomUUID()
    return uuid.toString().replace("-", "")
}

actual class KeyValueStore actual constructor(name: String) {
    private val prefs: SharedPreferences = appContext.getSharedPreferences(name, Context.MODE_PRIVATE)

    actual fun get(key: String): String? = prefs.getString(key, null)

    actual fun put(key: String, value: String) {
        prefs.edit().putString(key, value).apply()
    }

    actual fun remove(key: String) {
        prefs.edit().remove(key).apply()
    }
}

actual object PlatformLogger {
    actual fun log(tag: String, message: String) {
        if (message.length > 4000) {
            message.chunked(4000).forEach { Log.d(tag, it) }
        } else {
            Log.d(tag, message)
        }
    }
}

actual val isDebugBuild: Boolean
    get() = Build.TYPE == "userdebug" || Build.TYPE == "eng"
