package com.stridelog.android

import android.app.Application
import com.stridelog.shared.di.initStrideKoin
import com.stridelog.shared.platform.StepCounter
import com.stridelog.shared.presentation.DashboardViewModel
import com.stridelog.shared.presentation.HistoryViewModel
import com.stridelog.shared.presentation.LogWorkoutViewModel
import org.koin.android.ext.koin.androidContext
import org.koin.android.ext.koin.androidLogger
import org.koin.core.logger.Level
import org.koin.core.module.dsl.viewModel
import org.koin.dsl.module

/**
 * Android specific bindings: the sensor backed step counter and ViewModels
 * scoped to the Android `ViewModelStore`.
 */
val androidModule = module {
    single { StepCounter(androidContext()) }

    viewModel { DashboardViewModel(get(), get(), get(), get()) }
    viewModel { LogWorkoutViewModel(get()) }
    viewModel { HistoryViewModel(get()) }
}

class StrideApplication : Application() {
    override fun onCreate() {
        super.onCreate()
        initStrideKoin(androidModule) {
            androidLogger(if (BuildConfig.DEBUG) Level.INFO else Level.NONE)
            androidContext(this@StrideApplication)
        }
    }
}
