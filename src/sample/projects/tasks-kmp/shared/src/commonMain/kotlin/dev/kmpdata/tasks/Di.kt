package dev.kmpdata.tasks

import org.koin.dsl.module

/** Wires the shared layer: storage, repository and use cases. */
val sharedModule = module {
    single { KeyValueStore("tasks") }
    single<TaskRepository> { InMemoryTaskRepository(get()) }
    factory { AddTaskUseCase(get()) }
    factory { ObserveTasksUseCase(get()) }
}
