package dev.kmpdata.crypto

import kotlinx.browser.window
import kotlin.js.Date

private val isBrowser: Boolean
    get() = js("typeof window !== 'undefined' && typeof window.document !== 'undefined'") as Boolean

actual object PlatformInfo {
    actual val name: String = "JavaScript"

    actual val osVersion: String
        get() = if (isBrowser) {
            window.navigator.userAgent
        } else {
            val version = js("typeof process !== 'undefined' ? process.version : 'unknown'") as String
            "Node.js $version"
        }

    actual val architecture: String
        get() {
            if (!isBrowser) {
                return js("typeof process !== 'undefined' ? process.arch : 'unknown'") as String
            }
            val platform = window.navigator.platform.lowercase()
            return when {
                "arm" in platform || "aarch64" in platform -> "arm64"
                "x86_64" in platform || "win64" in platform || "intel" in platform -> "x86_64"
                platform.isBlank() -> "unknown"
                else -> platform
            }
        }

    actual fun isDebugBuild(): Boolean {
        if (!isBrowser) {
            val env = js("typeof process !== 'undefined' ? process.env.NODE_ENV : undefined") as String?
            return env != "production"
        }
        val host = window.location.hostname
        return host == "localhost" || host == "127.0.0.1" || host.endsWith(".local")
    }
}

actual val platformName: String
    get() = if (isBrowser) "js-browser" else "js-node"

actual fun currentTimeMillis(): Long {
    val now = Date.now()
    return now.toLong()
}
