package app.jotpad

import androidx.compose.ui.ExperimentalComposeUiApi
import androidx.compose.ui.window.ComposeViewport
import app.jotpad.shared.di.sharedModule
import app.jotpad.shared.platform.DatabaseDriverFactory
import kotlinx.browser.document
import org.koin.core.context.startKoin
import org.koin.dsl.module

@OptIn(ExperimentalComposeUiApi::class)
fun main() {
    startKoin {
        modules(
            sharedModule,
            module { single { DatabaseDriverFactory() } },
        )
    }
    val root = document.getElementById("root") ?: document.body!!
    ComposeViewport(root) {
        App()
    }
}
