package dev.kmpdata.crypto

import platform.Foundation.NSDate
import platform.Foundation.NSProcessInfo
import platform.Foundation.timeIntervalSince1970
import platform.UIKit.UIDevice
import kotlin.experimental.ExperimentalNativeApi

actual object PlatformInfo {
    actual val name: String
        get() = UIDevice.currentDevice.systemName

    actual val osVersion: String
        get() = UIDevice.currentDevice.systemVersion

    @OptIn(ExperimentalNativeApi::class)
    actual val architecture: String
        get() = when (Platform.cpuArchitecture) {
            CpuArchitecture.ARM64 -> "arm64"
            CpuArchitecture.X64 -> "x86_64"
            else -> Platform.cpuArchitecture.name.lowercase()
        }

    /** True when running inside the iOS simulator. */
    val isSimulator: Boolean
        get() = NSProcessInfo.processInfo.environment["SIMULATOR_DEVICE_NAME"] != null

    @OptIn(ExperimentalNativeApi::class)
    actual fun isDebugBuild(): Boolean {
        if (Platform.isDebugBinary) return true
        val env = NSProcessInfo.processInfo.environment
        return env["KMPDATA_DEBUG"] == "1"
    }
}

actual val platformName: String
    get() {
        val version = UIDevice.currentDevice.systemVersion
        return "ios-$version"
    }

actual fun currentTimeMillis(): Long {
    val seconds = NSDate().timeIntervalSince1970
    return (seconds * 1_000.0).toLong()
}
