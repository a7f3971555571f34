package com.kmpdata.chat.android

import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import com.kmpdata.chat.model.Message
import com.kmpdata.chat.platform.MessageTimestampFormatter
import org.koin.androidx.compose.koinViewModel
import org.koin.core.parameter.parametersOf

class MainActivity : ComponentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val conversationId = intent.getStringExtra(EXTRA_CONVERSATION) ?: DEFAULT_CONVERSATION
        setContent {
            MaterialTheme {
                val viewModel: ChatViewModel = koinViewModel { parametersOf(conversationId) }
                ChatScreen(viewModel)
            }
        }
    }

    companion object {
        const val EXTRA_CONVERSATION = "conversation_id"
        private const val DEFAULT_CONVERSATION = "general"
    }
}

@Composable
fun ChatScreen(viewModel: ChatViewModel, modifier: Modifier = Modifier) {
    val state by viewModel.state.collectAsStateWithLifecycle()
    val formatter = remember { MessageTimestampFormatter() }

    Scaffold(modifier = modifier) { padding ->
        Column(Modifier.padding(padding).fillMaxSize()) {
            state.error?.let { Text(it, color = MaterialTheme.colorScheme.error, modifier = Modifier.padding(8.dp)) }
            LazyColumn(Modifier.weight(1f), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                state.groups.forEach { group ->
                    item(key = "day-${group.dayKey}") {
                        Text(formatter.formatDay(group.dayKey), style = MaterialTheme.typography.labelMedium)
                    }
                    items(group.messages, key = { it.id }) { message ->
                        MessageBubble(message, time = formatter.formatTime(message.sentAtMillis))
                    }
                }
            }
            Row(Modifier.fillMaxWidth().padding(8.dp), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedTextField(
                    value = state.draft,
                    onValueChange = viewModel::onDraftChange,
                    modifier = Modifier.weight(1f),
                    placeholder = { Text("Message") },
                )
                Button(onClick = viewModel::send, enabled = state.canSend) { Text("Send") }
            }
        }
    }
}

@Composable
fun MessageBubble(message: Message, time: String, modifier: Modifier = Modifier) {
    Card(modifier.fillMaxWidth().padding(horizontal = 8.dp)) {
        Column(Modifier.padding(8.dp)) {
            Text(message.author.value, style = MaterialTheme.typography.labelSmall)
            Text(message.text)
            Text("$time · ${message.status.name.lowercase()}", style = MaterialTheme.typography.labelSmall)
        }
    }
}
