package app.jotpad.ui.theme

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Shapes
import androidx.compose.material3.Typography
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.lerp
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import androidx.compose.ui.unit.sp
import app.jotpad.shared.model.NoteColor

private val Ink = Color(0xFF1F1B16)
private val Paper = Color(0xFFFFFBF5)
private val Amber = Color(0xFFB25E00)
private val AmberDark = Color(0xFFFFB77A)

private val LightColors = lightColorScheme(
    primary = Amber,
    onPrimary = Color.White,
    primaryContainer = Color(0xFFFFDCC2),
    onPrimaryContainer = Color(0xFF2E1500),
    background = Paper,
    onBackground = Ink,
    surface = Paper,
    onSurface = Ink,
)

private val DarkColors = darkColorScheme(
    primary = AmberDark,
    onPrimary = Color(0xFF4C2700),
    primaryContainer = Color(0xFF6C3A00),
    onPrimaryContainer = Color(0xFFFFDCC2),
    background = Color(0xFF1A1612),
    onBackground = Color(0xFFEDE0D7),
    surface = Color(0xFF1A1612),
    onSurface = Color(0xFFEDE0D7),
)

private val JotpadTypography = Typography(
    titleLarge = TextStyle(fontWeight = FontWeight.SemiBold, fontSize = 22.sp, lineHeight = 28.sp),
    titleMedium = TextStyle(fontWeight = FontWeight.SemiBold, fontSize = 16.sp, lineHeight = 22.sp),
    bodyMedium = TextStyle(fontSize = 14.sp, lineHeight = 20.sp),
    labelSmall = TextStyle(fontWeight = FontWeight.Medium, fontSize = 11.sp, letterSpacing = 0.4.sp),
)

private val JotpadShapes = Shapes(
    small = RoundedCornerShape(8.dp),
    medium = RoundedCornerShape(14.dp),
    large = RoundedCornerShape(20.dp),
)

/**
 * Material 3 theme of the app.
 *
 * @param darkTheme forces light or dark; `null` follows the system setting.
 */
@Composable
fun JotpadTheme(darkTheme: Boolean? = null, content: @Composable () -> Unit) {
    val dark = darkTheme ?: isSystemInDarkTheme()
    MaterialTheme(
        colorScheme = if (dark) DarkColors else LightColors,
        typography = JotpadTypography,
        shapes = JotpadShapes,
        content = content,
    )
}

/**
 * Card background for a [NoteColor]. In dark mode the pastel is blended into
 * the surface so cards do not glare.
 */
fun NoteColor.containerColor(dark: Boolean): Color {
    val base = Color(argb)
    return when {
        this == NoteColor.DEFAULT && dark -> Color(0xFF2A241F)
        this == NoteColor.DEFAULT -> Color.White
        dark -> lerp(base, Color(0xFF1A1612), 0.72f)
        else -> base
    }
}

/** Readable text colour on top of [containerColor]. */
fun NoteColor.contentColor(dark: Boolean): Color = if (dark || !isLight) Color(0xFFEDE0D7) else Ink
