package dev.kmpdata.platformkit

enum class OsFamily(val displayName: String) {
    ANDROID("Android"),
    IOS("iOS"),
    MACOS("macOS"),
    WINDOWS("Windows"),
    LINUX("Linux"),
    BROWSER("Browser"),
    UNKNOWN("Unknown");

    val isMobile: Boolean
        get() = this == ANDROID || this == IOS

    companion object {
        fun fromName(osName: String): OsFamily {
            val lower = osName.lowercase()
            return when {
                "android" in lower -> ANDROID
                "iphone" in lower || "ios" in lower || "ipad" in lower -> IOS
                "mac" in lower || "darwin" in lower -> MACOS
                "win" in lower -> WINDOWS
                "linux" in lower || "nux" in lower -> LINUX
                else -> UNKNOWN
            }
        }
    }
}

data class PlatformInfo(
    val os: OsFamily,
    val osVersion: String,
    val deviceModel: String,
    val runtime: String,
    val cpuCores: Int,
    val isDebuggable: Boolean = false,
) {
    val majorVersion: Int
        get() = osVersion.substringBefore('.').toIntOrNull() ?: 0

    fun isAtLeast(major: Int): Boolean = majorVersion >= major

    override fun toString(): String = "${os.displayName} $osVersion ($deviceModel, $runtime, $cpuCores cores)"
}

/**
 * Information about the device and runtime the library is running on.
 * Computed once on first access.
 */
expect val currentPlatform: PlatformInfo

/** Short identifier suitable for a User-Agent product token. */
fun PlatformInfo.userAgentToken(libraryVersion: String = KIT_VERSION): String =
    "platform-kit/$libraryVersion (${os.displayName} $osVersion; $runtime)"

const val KIT_VERSION = "0.4.0"
