package com.stridelog.shared.util

import kotlinx.datetime.Clock
import kotlinx.datetime.DatePeriod
import kotlinx.datetime.DayOfWeek
import kotlinx.datetime.Instant
import kotlinx.datetime.LocalDate
import kotlinx.datetime.TimeZone
import kotlinx.datetime.minus
import kotlinx.datetime.toLocalDateTime
import kotlinx.datetime.todayIn

/** Monday of the ISO week containing this date. */
fun LocalDate.startOfWeek(): LocalDate {
    val daysFromMonday = dayOfWeek.ordinal - DayOfWeek.MONDAY.ordinal
    return minus(DatePeriod(days = daysFromMonday))
}

/** Converts epoch milliseconds to a calendar date in [timeZone]. */
fun Long.toLocalDate(timeZone: TimeZone = TimeZone.currentSystemDefault()): LocalDate =
    Instant.fromEpochMilliseconds(this).toLocalDateTime(timeZone).date

/** Today's date in the system time zone. */
fun today(clock: Clock = Clock.System): LocalDate = clock.todayIn(TimeZone.currentSystemDefault())

/** "Mon", "Tue", ... for compact chart labels. */
val DayOfWeek.shortLabel: String
    get() = name.take(3).lowercase().replaceFirstChar { it.uppercase() }

/**
 * Relative label for a date: "Today", "Yesterday", the weekday within the
 * last week, otherwise "12 Mar".
 */
fun LocalDate.relativeLabel(today: LocalDate): String {
    val days = today.toEpochDays() - toEpochDays()
    return when {
        days == 0 -> "Today"
        days == 1 -> "Yesterday"
        days in 2..6 -> dayOfWeek.name.lowercase().replaceFirstChar { it.uppercase() }
        else -> "$dayOfMonth ${month.name.take(3).lowercase().replaceFirstChar { it.uppercase() }}"
    }
}
