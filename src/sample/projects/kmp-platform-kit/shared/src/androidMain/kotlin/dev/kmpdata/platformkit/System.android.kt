package dev.kmpdata.platformkit

import android.annotation.SuppressLint
import android.content.Context
import android.content.SharedPreferences
import android.content.pm.ApplicationInfo
import android.os.Build
import android.os.SystemClock as AndroidClock
import android.util.Log as AndroidLog
import androidx.startup.Initializer

/** Captures the application context through androidx.startup so no manual init is needed. */
class PlatformKitInitializer : Initializer<Context> {
    override fun create(context: Context): Context {
        AndroidContext.app = context.applicationContext
        return context
    }

    override fun dependencies(): List<Class<out Initializer<*>>> = emptyList()
}

@SuppressLint("StaticFieldLeak")
internal object AndroidContext {
    lateinit var app: Context

    val isReady: Boolean
        get() = ::app.isInitialized
}

actual object SystemClock {
    actual fun nowMillis(): Long = System.currentTimeMillis()

    actual fun monotonicNanos(): Long {
        val elapsed = AndroidClock.elapsedRealtimeNanos()
        check(elapsed >= 0) { "elapsedRealtimeNanos went negative" }
        return elapsed
    }
}

actual val currentPlatform: PlatformInfo by lazy {
    val debuggable = AndroidContext.isReady &&
        (AndroidContext.app.applicationInfo.flags and ApplicationInfo.FLAG_DEBUGGABLE) != 0
    val model = listOf(Build.MANUFACTURER, Build.MODEL).joinToString(" ") { it.orEmpty() }.trim()
    PlatformInfo(
        os = OsFamily.ANDROID,
        osVersion = Build.VERSION.RELEASE ?: "0",
        deviceModel = model,
        runtime = "ART (API ${Build.VERSION.SDK_INT})",
        cpuCores = Runtime.getRuntime().availableProcessors(),
        isDebuggable = debuggable,
    )
}

actual class KeyValueStore actual constructor(actual val name: String) : Settings {
    private val prefs: SharedPreferences by lazy {
        check(AndroidContext.isReady) { "PlatformKitInitializer has not run yet" }
        AndroidContext.app.getSharedPreferences("platformkit_$name", Context.MODE_PRIVATE)
    }

    override fun getString(key: String): String? = prefs.getString(key, null)

    override fun putString(key: String, value: String) {
        prefs.edit().putString(key, value).apply()
    }

    override fun remove(key: String) {
        prefs.edit().remove(key).apply()
    }

    override fun keys(): Set<String> = prefs.all.keys.toSet()

    override fun clear() {
        prefs.edit().clear().apply()
    }
}

actual typealias PlatformLock = java.util.concurrent.locks.ReentrantLock

actual fun platformLog(level: LogLevel, tag: String, message: String, throwable: Throwable?) {
    val priority = when (level) {
        LogLevel.VERBOSE -> AndroidLog.VERBOSE
        LogLevel.DEBUG -> AndroidLog.DEBUG
        LogLevel.INFO -> AndroidLog.INFO
        LogLevel.WARN -> AndroidLog.WARN
        LogLevel.ERROR -> AndroidLog.ERROR
    }
    val safeTag = tag.take(23)
    val text = if (throwable != null) message + "\n" + AndroidLog.getStackTraceString(throwable) else message
    AndroidLog.println(priority, safeTag, text)
}
