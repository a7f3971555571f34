package app.jotpad.shared.platform

import android.content.ActivityNotFoundException
import android.content.Context
import android.content.Intent
import android.text.format.DateUtils
import androidx.sqlite.db.SupportSQLiteDatabase
import app.cash.sqldelight.async.coroutines.synchronous
import app.cash.sqldelight.db.SqlDriver
import app.cash.sqldelight.driver.android.AndroidSqliteDriver
import app.jotpad.shared.data.db.NoteSchema
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import java.text.DateFormat
import java.util.Date

/**
 * Holds the application [Context] for platform functions that cannot receive
 * one as a parameter (for example [shareNote]). Initialised from `Application.onCreate`.
 */
object AndroidPlatform {
    @Volatile
    private var context: Context? = null

    fun init(context: Context) {
        this.context = context.applicationContext
    }

    internal fun appContextOrNull(): Context? = context

    val appContext: Context
        get() = context ?: error("AndroidPlatform.init(context) was not called")
}

actual class DatabaseDriverFactory(private val context: Context) {

    actual suspend fun createDriver(): SqlDriver = withContext(Dispatchers.IO) {
        val schema = NoteSchema.synchronous()
        AndroidSqliteDriver(
            schema = schema,
            context = context,
            name = DATABASE_NAME,
            callback = object : AndroidSqliteDriver.Callback(schema) {
                override fun onConfigure(db: SupportSQLiteDatabase) {
                    super.onConfigure(db)
                    db.setForeignKeyConstraintsEnabled(true)
                }

                override fun onOpen(db: SupportSQLiteDatabase) {
                    super.onOpen(db)
                    if (!db.isReadOnly) {
                        db.enableWriteAheadLogging()
                    }
                }
            },
        )
    }
}

actual fun formatTimestamp(epochMillis: Long, style: TimestampStyle): String {
    val context = AndroidPlatform.appContextOrNull()
    if (context != null) {
        val flags = when (style) {
            TimestampStyle.DATE -> DateUtils.FORMAT_SHOW_DATE or DateUtils.FORMAT_ABBREV_MONTH
            TimestampStyle.TIME -> DateUtils.FORMAT_SHOW_TIME
            TimestampStyle.DATE_TIME ->
                DateUtils.FORMAT_SHOW_DATE or DateUtils.FORMAT_SHOW_TIME or DateUtils.FORMAT_ABBREV_MONTH
        }
        return DateUtils.formatDateTime(context, epochMillis, flags)
    }
    // Unit tests and previews run without a Context: fall back to java.text.
    val format = when (style) {
        TimestampStyle.DATE -> DateFormat.getDateInstance(DateFormat.MEDIUM)
        TimestampStyle.TIME -> DateFormat.getTimeInstance(DateFormat.SHORT)
        TimestampStyle.DATE_TIME -> DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT)
    }
    return format.format(Date(epochMillis))
}

actual fun shareNote(title: String, body: String): Boolean {
    val context = AndroidPlatform.appContextOrNull() ?: return false
    val text = shareableText(title, body)
    if (text.isEmpty()) return false

    val send = Intent(Intent.ACTION_SEND).apply {
        type = "text/plain"
        putExtra(Intent.EXTRA_TEXT, if (text.length > SHARE_SOFT_LIMIT) text.take(SHARE_SOFT_LIMIT) else text)
        if (title.isNotBlank()) putExtra(Intent.EXTRA_SUBJECT, title.trim())
    }
    val chooser = Intent.createChooser(send, null).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK)
    return try {
        context.startActivity(chooser)
        true
    } catch (e: ActivityNotFoundException) {
        false
    }
}
