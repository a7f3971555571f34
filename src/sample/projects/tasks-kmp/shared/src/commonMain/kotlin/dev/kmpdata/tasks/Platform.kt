package dev.kmpdata.tasks

/** Human-readable name of the platform the app runs on, e.g. "Android 34". */
expect fun platformName(): String

/** Milliseconds since the epoch from the platform clock. */
expect fun currentTimeMillis(): Long

/** A random identifier, unique enough for local task ids. */
expect fun randomId(): String

/**
 * Stores small string values that must survive an app restart.
 */
expect class KeyValueStore(name: String) {
    fun get(key: String): String?
    fun put(key: String, value: String)
    fun remove(key: String)
}

/** Writes diagnostic lines to the platform's log. */
expect object PlatformLogger {
    fun log(tag: String, message: String)
}

/** True when the app is built for debugging. */
expect val isDebugBuild: Boolean
