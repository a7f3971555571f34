package com.kmpdata.chat.di

import com.kmpdata.chat.repository.ChatRepository
import com.kmpdata.chat.repository.MessageMapper
import com.kmpdata.chat.repository.OfflineFirstChatRepository
import com.kmpdata.chat.db.ChatDatabase
import com.kmpdata.chat.domain.Clock
import com.kmpdata.chat.domain.ObserveConversationUseCase
import com.kmpdata.chat.domain.SendMessageUseCase
import com.kmpdata.chat.domain.SyncConversationUseCase
import com.kmpdata.chat.network.ChatService
import com.kmpdata.chat.network.HttpClientFactory
import com.kmpdata.chat.network.KtorChatService
import com.kmpdata.chat.platform.MessageTimestampFormatter
import kotlinx.datetime.Clock as SystemClock
import org.koin.core.KoinApplication
import org.koin.core.context.startKoin
import org.koin.core.module.Module
import org.koin.dsl.KoinAppDeclaration
import org.koin.dsl.module

fun networkModule(baseUrl: String, verbose: Boolean): Module = module {
    single { HttpClientFactory.create(verbose = verbose) }
    single<ChatService> { KtorChatService(client = get(), baseUrl = baseUrl) }
}

val storageModule = module {
    single { ChatDatabase() }
    single { get<ChatDatabase>().messageDao }
}

val domainModule = module {
    single { MessageMapper() }
    single<Clock> { Clock { SystemClock.System.now().toEpochMilliseconds() } }
    single<ChatRepository> { OfflineFirstChatRepository(service = get(), dao = get(), mapper = get()) }
    factory { SendMessageUseCase(get(), get()) }
    factory { ObserveConversationUseCase(get()) }
    factory { SyncConversationUseCase(get()) }
    factory { MessageTimestampFormatter() }
}

/** Starts Koin with every shared module; platform apps append their own modules via [appDeclaration]. */
fun initChatKoin(
    baseUrl: String = KtorChatService.DEFAULT_BASE_URL,
    verbose: Boolean = false,
    appDeclaration: KoinAppDeclaration = {},
): KoinApplication = startKoin {
    appDeclaration()
    modules(networkModule(baseUrl, verbose), storageModule, domainModule)
}

/** Convenience entry point for Swift, where default arguments are not available. */
fun initChatKoinForIos(): KoinApplication = initChatKoin()
