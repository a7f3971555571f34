package dev.kmpdata.crypto

/** Name reported in [userAgent]. */
const val LIBRARY_NAME: String = "cryptobox"

/** Current library version, kept in sync with the Gradle `version`. */
const val LIBRARY_VERSION: String = "0.4.0"

/**
 * Describes the runtime the library is executing on.
 *
 * Values are computed lazily by each platform and are safe to call from any thread.
 */
expect object PlatformInfo {
    /** Human readable platform name, e.g. `Android`, `iOS` or `JVM`. */
    val name: String

    /** Operating system or runtime version string. */
    val osVersion: String

    /** CPU architecture if it can be determined, otherwise `unknown`. */
    val architecture: String

    /** Returns `true` when the host application was built in debug mode. */
    fun isDebugBuild(): Boolean
}

/**
 * Short, machine friendly platform identifier such as `android-34`,
 * `ios-17.4`, `jvm-21` or `js-browser`.
 */
expect val platformName: String

/**
 * Builds a user-agent style string describing the library and the platform,
 * e.g. `cryptobox/0.4.0 (android-34; arm64-v8a)`.
 */
fun userAgent(library: String = LIBRARY_NAME, version: String = LIBRARY_VERSION): String =
    "$library/$version ($platformName; ${PlatformInfo.architecture})"

/**
 * Snapshot of [PlatformInfo] that can be logged or sent with crash reports.
 */
data class PlatformSnapshot(
    val name: String,
    val osVersion: String,
    val architecture: String,
    val debug: Boolean,
) {
    override fun toString(): String = buildString {
        append(name)
        append(' ')
        append(osVersion)
        append(" [")
        append(architecture)
        if (debug) append(", debug")
        append(']')
    }

    companion object {
        /** Captures the current platform values. */
        fun capture(): PlatformSnapshot = PlatformSnapshot(
            name = PlatformInfo.name,
            osVersion = PlatformInfo.osVersion,
            architecture = PlatformInfo.architecture,
            debug = PlatformInfo.isDebugBuild(),
        )
    }
}
