package dev.kmpdata.platformkit

import java.lang.management.ManagementFactory
import java.time.Instant
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.util.prefs.Preferences

actual object SystemClock {
    actual fun nowMillis(): Long = System.currentTimeMillis()

    actual fun monotonicNanos(): Long = System.nanoTime()
}

actual val currentPlatform: PlatformInfo by lazy {
    val osName = System.getProperty("os.name", "unknown")
    val runtime = Runtime.getRuntime()
    val jvmArgs = ManagementFactory.getRuntimeMXBean().inputArguments
    PlatformInfo(
        os = OsFamily.fromName(osName),
        osVersion = System.getProperty("os.version", "0"),
        deviceModel = System.getProperty("os.arch", "unknown"),
        runtime = "${System.getProperty("java.vm.name")} ${System.getProperty("java.version")}",
        cpuCores = runtime.availableProcessors(),
        isDebuggable = jvmArgs.any { it.startsWith("-agentlib:jdwp") },
    )
}

actual class KeyValueStore actual constructor(actual val name: String) : Settings {
    private val node: Preferences = Preferences.userRoot().node("dev/kmpdata/platformkit/$name")

    override fun getString(key: String): String? = node.get(key, null)

    override fun putString(key: String, value: String) {
        node.put(key, value)
        node.flush()
    }

    override fun remove(key: String) {
        node.remove(key)
        node.flush()
    }

    override fun keys(): Set<String> = node.keys().toSet()

    override fun clear() {
        node.clear()
        node.flush()
    }
}

actual typealias PlatformLock = java.util.concurrent.locks.ReentrantLock

private val timestampFormat = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault())

actual fun platformLog(level: LogLevel, tag: String, message: String, throwable: Throwable?) {
    val stream = if (level >= LogLevel.WARN) System.err else System.out
    val time = timestampFormat.format(Instant.ofEpochMilli(System.currentTimeMillis()))
    val thread = Thread.currentThread().name
    stream.println("$time ${level.letter} [$thread] $tag: $message")
    throwable?.printStackTrace(stream)
}
