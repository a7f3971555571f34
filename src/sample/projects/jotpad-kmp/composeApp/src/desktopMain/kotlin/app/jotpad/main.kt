package app.jotpad

import androidx.compose.ui.input.key.Key
import androidx.compose.ui.input.key.KeyEventType
import androidx.compose.ui.input.key.key
import androidx.compose.ui.input.key.type
import androidx.compose.ui.unit.DpSize
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.Window
import androidx.compose.ui.window.application
import androidx.compose.ui.window.rememberWindowState
import app.jotpad.platform.DesktopBackDispatcher
import app.jotpad.shared.di.sharedModule
import app.jotpad.shared.platform.DatabaseDriverFactory
import org.koin.core.context.startKoin
import org.koin.dsl.module

fun main() {
    startKoin {
        modules(
            sharedModule,
            module { single { DatabaseDriverFactory() } },
        )
    }

    application {
        val windowState = rememberWindowState(size = DpSize(1040.dp, 720.dp))
        Window(
            onCloseRequest = ::exitApplication,
            title = "Jotpad",
            state = windowState,
            onKeyEvent = { event ->
                if (event.key == Key.Escape && event.type == KeyEventType.KeyUp) {
                    DesktopBackDispatcher.dispatch()
                } else {
                    false
                }
            },
        ) {
            App()
        }
    }
}
