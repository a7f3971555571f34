package com.kmpdata.recipes.app

import androidx.compose.ui.window.ComposeUIViewController
import com.kmpdata.recipes.platform.platformName
import platform.Foundation.NSLog
import platform.UIKit.UIApplication
import platform.UIKit.UIViewController

/**
 * Entry point used from Swift: `MainViewControllerKt.MainViewController()`.
 * The returned controller hosts the shared Compose UI.
 */
fun MainViewController(): UIViewController {
    NSLog("Launching recipes on %@", platformName())
    return ComposeUIViewController(configure = { enforceStrictPlistSanityCheck = false }) {
        App()
    }
}

/** Keeps the screen awake while the user is cooking through a recipe's steps. */
object CookingModeController {
    private var enabledCount = 0

    fun enable() {
        enabledCount += 1
        UIApplication.sharedApplication.idleTimerDisabled = true
    }

    fun disable() {
        enabledCount = (enabledCount - 1).coerceAtLeast(0)
        if (enabledCount == 0) {
            UIApplication.sharedApplication.idleTimerDisabled = false
        }
    }

    val isActive: Boolean
        get() = enabledCount > 0
}
