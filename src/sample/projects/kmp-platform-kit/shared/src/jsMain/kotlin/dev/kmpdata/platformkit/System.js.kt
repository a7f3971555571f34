package dev.kmpdata.platformkit

import kotlinx.browser.localStorage
import kotlinx.browser.window
import kotlin.js.Date

actual object SystemClock {
    actual fun nowMillis(): Long = Date.now().toLong()

    actual fun monotonicNanos(): Long {
        val performance = window.performance
        val millis = performance.now()
        return (millis * 1_000_000).toLong()
    }
}

actual val currentPlatform: PlatformInfo by lazy {
    val navigator = window.navigator
    val agent = navigator.userAgent
    val cores: Int = (navigator.asDynamic().hardwareConcurrency as? Int) ?: 1
    PlatformInfo(
        os = OsFamily.BROWSER,
        osVersion = Regex("(Chrome|Firefox|Version)/([\\d.]+)").find(agent)?.groupValues?.get(2) ?: "0",
        deviceModel = navigator.platform.ifBlank { "web" },
        runtime = "Kotlin/JS on ${OsFamily.fromName(agent).displayName}",
        cpuCores = cores,
        isDebuggable = window.location.hostname == "localhost",
    )
}

actual class KeyValueStore actual constructor(actual val name: String) : Settings {
    private val prefix = "platformkit:$name:"

    override fun getString(key: String): String? = localStorage.getItem(prefix + key)

    override fun putString(key: String, value: String) {
        localStorage.setItem(prefix + key, value)
    }

    override fun remove(key: String) {
        localStorage.removeItem(prefix + key)
    }

    override fun keys(): Set<String> {
        val result = mutableSetOf<String>()
        for (i in 0 until localStorage.length) {
            val key = localStorage.key(i) ?: continue
            if (key.startsWith(prefix)) result += key.removePrefix(prefix)
        }
        return result
    }
}

/** JavaScript is single-threaded, so the lock only tracks nesting to catch unbalanced calls. */
actual class PlatformLock actual constructor() {
    private var depth = 0

    actual fun lock() {
        depth++
        check(depth < 1_000) { "Lock nesting too deep; missing unlock()?" }
    }

    actual fun unlock() {
        check(depth > 0) { "unlock() without matching lock()" }
        depth--
    }

    actual fun tryLock(): Boolean {
        lock()
        return true
    }
}

actual fun platformLog(level: LogLevel, tag: String, message: String, throwable: Throwable?) {
    val line = "[${level.name.lowercase()}] $tag: $message"
    when (level) {
        LogLevel.VERBOSE, LogLevel.DEBUG -> console.log(line)
        LogLevel.INFO -> console.info(line)
        LogLevel.WARN -> console.warn(line)
        LogLevel.ERROR -> console.error(line)
    }
    if (throwable != null) console.error(throwable.stackTraceToString())
}
