package com.stridelog.shared.di

import com.stridelog.shared.data.InMemoryWorkoutDataSource
import com.stridelog.shared.data.WorkoutDataSource
import com.stridelog.shared.data.WorkoutRepository
import com.stridelog.shared.data.WorkoutRepositoryImpl
import com.stridelog.shared.domain.CalorieEstimator
import com.stridelog.shared.domain.DeleteWorkoutUseCase
import com.stridelog.shared.domain.GetGoalProgressUseCase
import com.stridelog.shared.domain.GetWeeklySummaryUseCase
import com.stridelog.shared.domain.LogWorkoutUseCase
import com.stridelog.shared.domain.MetCalorieEstimator
import com.stridelog.shared.platform.StepCounter
import com.stridelog.shared.presentation.DashboardViewModel
import com.stridelog.shared.presentation.HistoryViewModel
import com.stridelog.shared.presentation.LogWorkoutViewModel
import kotlinx.datetime.Clock
import org.koin.core.KoinApplication
import org.koin.core.context.startKoin
import org.koin.core.module.Module
import org.koin.dsl.KoinAppDeclaration
import org.koin.dsl.module

/**
 * Data and domain bindings. The platform module must provide a [StepCounter]
 * (or none, in which case step goals stay at zero).
 */
val dataModule: Module = module {
    single<WorkoutDataSource> { InMemoryWorkoutDataSource() }
    single<WorkoutRepository> { WorkoutRepositoryImpl(get(), getOrNull<StepCounter>()) }
    single<CalorieEstimator> { MetCalorieEstimator }

    factory { LogWorkoutUseCase(get(), get(), now = { Clock.System.now() }) }
    factory { GetWeeklySummaryUseCase(get()) }
    factory { GetGoalProgressUseCase(get()) }
    factory { DeleteWorkoutUseCase(get()) }
}

/**
 * ViewModels as plain factories for iOS and desktop hosts, which manage the
 * ViewModel lifetime themselves. The Android app declares them with Koin's
 * `viewModel { }` DSL instead so they live in the `ViewModelStore`.
 */
val viewModelModule: Module = module {
    factory { DashboardViewModel(get(), get(), get(), get()) }
    factory { LogWorkoutViewModel(get()) }
    factory { HistoryViewModel(get()) }
}

/**
 * Starts Koin with [dataModule] plus [platformModules] (which must include
 * either [viewModelModule] or platform specific ViewModel definitions).
 */
fun initStrideKoin(
    vararg platformModules: Module,
    appDeclaration: KoinAppDeclaration = {},
): KoinApplication = startKoin {
    appDeclaration()
    modules(dataModule)
    modules(platformModules.toList())
}
