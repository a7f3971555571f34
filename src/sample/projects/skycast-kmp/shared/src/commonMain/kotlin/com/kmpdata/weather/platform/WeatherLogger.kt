package com.kmpdata.weather.platform

/** Minimum level written by [WeatherLogger]. */
enum class LogLevel(val priority: Int) {
    DEBUG(3),
    INFO(4),
    WARN(5),
    ERROR(6);

    fun isAtLeast(other: LogLevel): Boolean = priority >= other.priority
}

/**
 * Tiny logging facade that forwards to the native logger of each platform
 * (Logcat, NSLog, `System.err`, the browser console).
 */
expect object WeatherLogger {
    /** Messages below this level are dropped. */
    var minLevel: LogLevel

    /** Debug message, stripped in release builds by the platform logger. */
    fun d(tag: String, message: String)

    /** Recoverable problem worth noticing. */
    fun w(tag: String, message: String)

    /** Failure, optionally with the [throwable] that caused it. */
    fun e(tag: String, message: String, throwable: Throwable? = null)
}
