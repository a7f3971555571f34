package com.kmpdata.weather.platform

import org.koin.core.Koin
import org.koin.core.module.Module
import org.koin.core.qualifier.named

/**
 * Koin bindings that only exist on a given platform: the [NetworkMonitor]
 * and anything that needs an Android `Context` or other platform handles.
 *
 * Included first by `sharedModules` so common modules can `get()` these.
 */
expect val platformModule: Module

/** Qualifier name for the platform's display name string. */
const val PLATFORM_NAME_QUALIFIER = "platformName"

/**
 * Reads the platform display name registered by [platformModule], e.g.
 * "Android 14 (API 34)", for the about screen and bug reports.
 */
fun Koin.platformDisplayName(): String =
    getOrNull<String>(named(PLATFORM_NAME_QUALIFIER)) ?: "Unknown platform"
