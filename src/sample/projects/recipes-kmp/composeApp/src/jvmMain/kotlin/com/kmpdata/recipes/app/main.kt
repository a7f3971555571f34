package com.kmpdata.recipes.app

import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.unit.DpSize
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.MenuBar
import androidx.compose.ui.window.Window
import androidx.compose.ui.window.application
import androidx.compose.ui.window.rememberWindowState
import com.kmpdata.recipes.platform.platformName

private const val WINDOW_TITLE = "Recipes"

fun main() = application {
    val windowState = rememberWindowState(size = DpSize(960.dp, 720.dp))
    var darkTheme by remember { mutableStateOf(false) }
    var alwaysOnTop by remember { mutableStateOf(false) }

    Window(
        onCloseRequest = ::exitApplication,
        title = "$WINDOW_TITLE — ${platformName()}",
        state = windowState,
        alwaysOnTop = alwaysOnTop,
    ) {
        MenuBar {
            Menu("View") {
                CheckboxItem("Dark theme", checked = darkTheme, onCheckedChange = { darkTheme = it })
                CheckboxItem("Keep on top while cooking", checked = alwaysOnTop, onCheckedChange = { alwaysOnTop = it })
            }
            Menu("Window") {
                Item("Reset size", onClick = { windowState.size = DpSize(960.dp, 720.dp) })
                Item("Quit", onClick = ::exitApplication)
            }
        }
        App()
    }
}
