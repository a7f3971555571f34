package com.stridelog.android.ui.theme

import android.os.Build
import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.dynamicDarkColorScheme
import androidx.compose.material3.dynamicLightColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.LocalContext
import com.stridelog.shared.model.ActivityType

private val Lime = Color(0xFF4C6A00)
private val LimeLight = Color(0xFFB5D86A)

private val LightScheme = lightColorScheme(
    primary = Lime,
    secondary = Color(0xFF006A60),
    tertiary = Color(0xFF8A4F00),
)

private val DarkScheme = darkColorScheme(
    primary = LimeLight,
    secondary = Color(0xFF53DBC9),
    tertiary = Color(0xFFFFB870),
)

/**
 * Material 3 theme; uses dynamic colour on Android 12+ unless disabled.
 */
@Composable
fun StrideTheme(
    darkTheme: Boolean = isSystemInDarkTheme(),
    dynamicColor: Boolean = true,
    content: @Composable () -> Unit,
) {
    val colorScheme = when {
        dynamicColor && Build.VERSION.SDK_INT >= Build.VERSION_CODES.S -> {
            val context = LocalContext.current
            if (darkTheme) dynamicDarkColorScheme(context) else dynamicLightColorScheme(context)
        }
        darkTheme -> DarkScheme
        else -> LightScheme
    }
    MaterialTheme(colorScheme = colorScheme, content = content)
}

/** Accent colour per activity, used by charts and cards. */
val ActivityType.accent: Color
    get() = when (this) {
        ActivityType.RUN -> Color(0xFFE5533D)
        ActivityType.WALK -> Color(0xFF3D8BE5)
        ActivityType.CYCLE -> Color(0xFF2BAE66)
        ActivityType.SWIM -> Color(0xFF00A3C4)
        ActivityType.STRENGTH -> Color(0xFF8E5AE8)
        ActivityType.YOGA -> Color(0xFFE58E3D)
    }
