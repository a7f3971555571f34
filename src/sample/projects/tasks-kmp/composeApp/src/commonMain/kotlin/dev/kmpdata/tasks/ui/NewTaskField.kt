package dev.kmpdata.tasks.ui

import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import dev.kmpdata.tasks.MAX_TITLE_LENGTH

/** A text field and an Add button; clears itself after adding. */
@Composable
fun NewTaskField(onAdd: (String) -> Unit, modifier: Modifier = Modifier) {
    var text by remember { mutableStateOf("") }
    Row(modifier.padding(16.dp)) {
        OutlinedTextField(
            value = text,
            onValueChange = { if (it.length <= MAX_TITLE_LENGTH) text = it },
            label = { Text("New task") },
            singleLine = true,
            modifier = Modifier.weight(1f),
        )
        Button(
            onClick = {
                onAdd(text)
                text = ""
            },
            enabled = text.isNotBlank(),
        ) {
            Text("Add")
        }
    }
}
