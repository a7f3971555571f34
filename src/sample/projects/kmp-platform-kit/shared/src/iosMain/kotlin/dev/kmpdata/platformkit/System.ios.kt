package dev.kmpdata.platformkit

import kotlinx.cinterop.ExperimentalForeignApi
import platform.Foundation.NSDate
import platform.Foundation.NSLog
import platform.Foundation.NSProcessInfo
import platform.Foundation.NSRecursiveLock
import platform.Foundation.NSUserDefaults
import platform.Foundation.timeIntervalSince1970
import platform.UIKit.UIDevice
import platform.posix.CLOCK_MONOTONIC_RAW
import platform.posix.clock_gettime_nsec_np
import kotlin.experimental.ExperimentalNativeApi

actual object SystemClock {
    actual fun nowMillis(): Long {
        val seconds = NSDate().timeIntervalSince1970
        return (seconds * 1000.0).toLong()
    }

    @OptIn(ExperimentalForeignApi::class)
    actual fun monotonicNanos(): Long {
        val nanos = clock_gettime_nsec_np(CLOCK_MONOTONIC_RAW.toUInt())
        return nanos.toLong()
    }
}

@OptIn(ExperimentalNativeApi::class)
actual val currentPlatform: PlatformInfo by lazy {
    val device = UIDevice.currentDevice
    val process = NSProcessInfo.processInfo
    PlatformInfo(
        os = OsFamily.IOS,
        osVersion = device.systemVersion,
        deviceModel = device.model,
        runtime = "Kotlin/Native ${Platform.cpuArchitecture.name.lowercase()}",
        cpuCores = process.activeProcessorCount.toInt(),
        isDebuggable = Platform.isDebugBinary,
    )
}

actual class KeyValueStore actual constructor(actual val name: String) : Settings {
    private val defaults = NSUserDefaults.standardUserDefaults
    private val prefix = "platformkit.$name."

    override fun getString(key: String): String? = defaults.stringForKey(prefix + key)

    override fun putString(key: String, value: String) {
        defaults.setObject(value, forKey = prefix + key)
    }

    override fun remove(key: String) {
        defaults.removeObjectForKey(prefix + key)
    }

    override fun keys(): Set<String> = defaults.dictionaryRepresentation().keys
        .mapNotNull { it as? String }
        .filter { it.startsWith(prefix) }
        .map { it.removePrefix(prefix) }
        .toSet()
}

actual class PlatformLock actual constructor() {
    private val delegate = NSRecursiveLock()
    private var holdCount = 0

    actual fun lock() {
        delegate.lock()
        holdCount++
    }

    actual fun unlock() {
        check(holdCount > 0) { "unlock() without matching lock()" }
        holdCount--
        delegate.unlock()
    }

    actual fun tryLock(): Boolean {
        val acquired = delegate.tryLock()
        if (acquired) holdCount++
        return acquired
    }
}

actual fun platformLog(level: LogLevel, tag: String, message: String, throwable: Throwable?) {
    val prefix = "${level.letter}/$tag"
    val details = throwable?.let { "\n" + it.stackTraceToString() }.orEmpty()
    val line = "$prefix: $message$details"
    NSLog("%@", line)
}
