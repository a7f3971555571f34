package app.jotpad.shared.platform

import app.cash.sqldelight.async.coroutines.synchronous
import app.cash.sqldelight.db.SqlDriver
import app.cash.sqldelight.driver.native.NativeSqliteDriver
import app.jotpad.shared.data.db.NoteSchema
import co.touchlab.sqliter.DatabaseConfiguration
import platform.Foundation.NSDate
import platform.Foundation.NSDateFormatter
import platform.Foundation.NSDateFormatterMediumStyle
import platform.Foundation.NSDateFormatterNoStyle
import platform.Foundation.NSDateFormatterShortStyle
import platform.Foundation.NSLocale
import platform.Foundation.currentLocale
import platform.Foundation.dateWithTimeIntervalSince1970
import platform.UIKit.UIActivityViewController
import platform.UIKit.UIApplication
import platform.UIKit.UIViewController

actual class DatabaseDriverFactory {

    actual suspend fun createDriver(): SqlDriver {
        val schema = NoteSchema.synchronous()
        return NativeSqliteDriver(
            schema = schema,
            name = DATABASE_NAME,
            maxReaderConnections = 2,
            onConfiguration = { config ->
                config.copy(
                    extendedConfig = DatabaseConfiguration.Extended(
                        foreignKeyConstraints = true,
                        busyTimeout = 5_000,
                    ),
                )
            },
        )
    }
}

private val formatters = mutableMapOf<TimestampStyle, NSDateFormatter>()

actual fun formatTimestamp(epochMillis: Long, style: TimestampStyle): String {
    val formatter = formatters.getOrPut(style) {
        NSDateFormatter().apply {
            locale = NSLocale.currentLocale
            doesRelativeDateFormatting = style != TimestampStyle.TIME
            when (style) {
                TimestampStyle.DATE -> {
                    dateStyle = NSDateFormatterMediumStyle
                    timeStyle = NSDateFormatterNoStyle
                }
                TimestampStyle.TIME -> {
                    dateStyle = NSDateFormatterNoStyle
                    timeStyle = NSDateFormatterShortStyle
                }
                TimestampStyle.DATE_TIME -> {
                    dateStyle = NSDateFormatterMediumStyle
                    timeStyle = NSDateFormatterShortStyle
                }
            }
        }
    }
    val date = NSDate.dateWithTimeIntervalSince1970(epochMillis / 1_000.0)
    return formatter.stringFromDate(date)
}

@Suppress("DEPRECATION")
actual fun shareNote(title: String, body: String): Boolean {
    val text = shareableText(title, body)
    if (text.isEmpty()) return false
    val root = UIApplication.sharedApplication.keyWindow?.rootViewController ?: return false

    // Present from the top-most controller, otherwise UIKit ignores the request.
    var presenter: UIViewController = root
    while (true) {
        presenter = presenter.presentedViewController ?: break
    }

    val controller = UIActivityViewController(
        activityItems = listOf(text),
        applicationActivities = null,
    )
    presenter.presentViewController(controller, animated = true, completion = null)
    return true
}
