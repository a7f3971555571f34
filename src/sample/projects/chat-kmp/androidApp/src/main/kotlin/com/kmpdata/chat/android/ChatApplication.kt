package com.kmpdata.chat.android

import android.app.Application
import android.content.ComponentCallbacks2
import android.util.Log
import com.kmpdata.chat.repository.ChatRepository
import com.kmpdata.chat.di.initChatKoin
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.launch
import org.koin.android.ext.android.inject
import org.koin.android.ext.koin.androidContext
import org.koin.android.ext.koin.androidLogger
import org.koin.core.logger.Level
import org.koin.core.module.dsl.viewModel
import org.koin.dsl.module

val androidAppModule = module {
    viewModel { params -> ChatViewModel(params.get(), get(), get(), get(), get()) }
}

class ChatApplication : Application() {

    private val appScope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    private val repository: ChatRepository by inject()

    override fun onCreate() {
        super.onCreate()
        initChatKoin(verbose = BuildConfig.DEBUG) {
            androidLogger(if (BuildConfig.DEBUG) Level.DEBUG else Level.ERROR)
            androidContext(this@ChatApplication)
            modules(androidAppModule)
        }
        flushOutbox()
    }

    override fun onTrimMemory(level: Int) {
        super.onTrimMemory(level)
        if (level >= ComponentCallbacks2.TRIM_MEMORY_UI_HIDDEN) flushOutbox()
    }

    private fun flushOutbox() {
        appScope.launch {
            val delivered = repository.retryPending()
            if (delivered > 0) Log.i(TAG, "Delivered $delivered queued messages")
        }
    }

    private companion object {
        const val TAG = "ChatApplication"
    }
}
