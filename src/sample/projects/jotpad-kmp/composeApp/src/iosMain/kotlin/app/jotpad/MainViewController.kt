package app.jotpad

import androidx.compose.ui.window.ComposeUIViewController
import app.jotpad.shared.di.sharedModule
import app.jotpad.shared.platform.DatabaseDriverFactory
import org.koin.core.context.startKoin
import org.koin.dsl.module
import platform.UIKit.UIViewController

private var koinStarted = false

private fun ensureKoinStarted() {
    if (koinStarted) return
    startKoin {
        modules(
            sharedModule,
            module { single { DatabaseDriverFactory() } },
        )
    }
    koinStarted = true
}

/**
 * Entry point used by `ContentView.swift`.
 */
fun MainViewController(): UIViewController {
    ensureKoinStarted()
    return ComposeUIViewController(configure = { enforceStrictPlistSanityCheck = false }) {
        App()
    }
}
