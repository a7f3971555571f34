package dev.kmpdata.tasks

import java.io.File
import java.util.Properties
import java.util.UUID

actual fun platformName(): String {
    val os = System.getProperty("os.name")
    val java = System.getProperty("java.version")
    return "JVM $java on $os"
}

actual fun currentTimeMillis(): Long = System.currentTimeMillis()

actual fun randomId(): String = UUID.randomUUID().toString().replace("-", "")

actual class KeyValueStore actual constructor(name: String) {
    private val file = File(System.getProperty("user.home"), ".$name.properties")
    private val props = Properties().apply {
        if (file.exists()) file.inputStream().use { load(it) }
    }

    actual fun get(key: String): String? = props.getProperty(key)

    actual fun put(key: String, value: String) {
        props.setProperty(key, value)
        save()
    }

    actual fun remove(key: String) {
        props.remove(key)
        save()
    }

    private fun save() {
        file.outputStream().use { props.store(it, "tasks-kmp") }
    }
}

actual object PlatformLogger {
    actual fun log(tag: String, message: String) {
        val time = java.time.LocalTime.now()
        System.err.println("$time $tag: $message")
    }
}

actual val isDebugBuild: Boolean = System.getProperty("tasks.debug") == "true"
