package dev.kmpdata.tasks

import kotlinx.browser.localStorage
import kotlinx.browser.window
import kotlin.js.Date
import kotlin.random.Random

actual fun platformName(): String {
    val agent = window.navigator.userAgent
    return "Browser ${agent.substringBefore(' ')}"
}

actual fun currentTimeMillis(): Long = Date.now().toLong()

actual fun randomId(): String {
    val bytes = Random.nextBytes(16)
    return bytes.joinToString("") { (it.toInt() and 0xff).toString(16).padStart(2, '0') }
}

actual class KeyValueStore actual constructor(private val name: String) {
    actual fun get(key: String): String? = localStorage.getItem("$name.$key")

    actual fun put(key: String, value: String) {
        localStorage.setItem("$name.$key", value)
    }

    actual fun remove(key: String) {
        localStorage.removeItem("$name.$key")
    }
}

actual object PlatformLogger {
    actual fun log(tag: String, message: String) {
        console.log("[$tag] $message")
    }
}

actual val isDebugBuild: Boolean
    get() = window.location.hostname == "localhost"
