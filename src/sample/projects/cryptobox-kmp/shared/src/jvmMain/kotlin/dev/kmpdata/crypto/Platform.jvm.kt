package dev.kmpdata.crypto

import java.lang.management.ManagementFactory

actual object PlatformInfo {
    actual val name: String = "JVM"

    actual val osVersion: String by lazy {
        val os = System.getProperty("os.name") ?: "unknown"
        val version = System.getProperty("os.version") ?: "?"
        val java = System.getProperty("java.version") ?: "?"
        "$os $version, Java $java"
    }

    actual val architecture: String
        get() = when (val arch = System.getProperty("os.arch")?.lowercase()) {
            null -> "unknown"
            "amd64", "x86_64" -> "x86_64"
            "aarch64", "arm64" -> "arm64"
            else -> arch
        }

    actual fun isDebugBuild(): Boolean {
        val arguments = try {
            ManagementFactory.getRuntimeMXBean().inputArguments
        } catch (e: SecurityException) {
            return false
        }
        return arguments.any { it.startsWith("-agentlib:jdwp") || it.startsWith("-Xrunjdwp") }
    }
}

actual val platformName: String
    get() {
        val spec = System.getProperty("java.specification.version") ?: "unknown"
        return "jvm-$spec"
    }

actual fun currentTimeMillis(): Long = System.currentTimeMillis()

actual typealias AtomicInt = java.util.concurrent.atomic.AtomicInteger
