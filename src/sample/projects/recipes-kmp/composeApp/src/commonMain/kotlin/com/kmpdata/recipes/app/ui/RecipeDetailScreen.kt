package com.kmpdata.recipes.app.ui

import androidx.compose.foundation.layout.*
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.*
import androidx.compose.runtime.*
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import com.kmpdata.recipes.app.DetailUiState
import com.kmpdata.recipes.app.RecipeDetailViewModel
import com.kmpdata.recipes.model.Difficulty
import com.kmpdata.recipes.model.Ingredient
import com.kmpdata.recipes.model.Step
import com.kmpdata.recipes.platform.describeQuantity

@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun RecipeDetailScreen(viewModel: RecipeDetailViewModel, onBack: () -> Unit, modifier: Modifier = Modifier) {
    val state by viewModel.state.collectAsState()
    LaunchedEffect(state) { if (state is DetailUiState.Deleted) onBack() }

    Scaffold(
        modifier = modifier,
        topBar = {
            TopAppBar(
                title = { Text((state as? DetailUiState.Content)?.scaled?.title ?: "Recipe") },
                navigationIcon = { TextButton(onClick = onBack) { Text("Back") } },
                actions = { TextButton(onClick = { viewModel.requestDelete(true) }) { Text("Delete") } },
            )
        },
    ) { padding ->
        Box(Modifier.padding(padding).fillMaxSize()) {
            when (val current = state) {
                DetailUiState.Loading, DetailUiState.Deleted -> CircularProgressIndicator(Modifier.align(Alignment.Center))
                is DetailUiState.Error -> ErrorState(message = current.message, onRetry = viewModel::reload)
                is DetailUiState.Content -> {
                    RecipeDetailContent(
                        state = current,
                        onServingsChange = viewModel::changeServings,
                    )
                    if (current.showDeleteDialog) {
                        DeleteRecipeDialog(
                            title = current.original.title,
                            onConfirm = viewModel::confirmDelete,
                            onDismiss = { viewModel.requestDelete(false) },
                        )
                    }
                }
            }
        }
    }
}

@Composable
fun RecipeDetailContent(state: DetailUiState.Content, onServingsChange: (Int) -> Unit, modifier: Modifier = Modifier) {
    var showOptional by remember { mutableStateOf(true) }
    val ingredients = state.scaled.ingredients.filter { showOptional || !it.optional }

    LazyColumn(modifier, contentPadding = PaddingValues(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        item {
            Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(12.dp)) {
                DifficultyBadge(state.scaled.difficulty)
                OutlinedButton(onClick = { onServingsChange(-1) }, enabled = state.canDecrease) { Text("−") }
                Text("Serves ${state.scaled.servings}", style = MaterialTheme.typography.titleMedium)
                OutlinedButton(onClick = { onServingsChange(1) }, enabled = state.canIncrease) { Text("+") }
            }
        }
        item {
            TextButton(onClick = { showOptional = !showOptional }) {
                Text(if (showOptional) "Hide optional ingredients" else "Show optional ingredients")
            }
        }
        items(ingredients, key = { it.name }) { ingredient -> IngredientRow(ingredient) }
        items(state.scaled.steps, key = { it.index }) { step -> StepItem(step) }
    }
}

@Composable
fun IngredientRow(ingredient: Ingredient, modifier: Modifier = Modifier) {
    Row(modifier.fillMaxWidth(), horizontalArrangement = Arrangement.SpaceBetween) {
        Text(if (ingredient.optional) "${ingredient.name} (optional)" else ingredient.name)
        Text(describeQuantity(ingredient.quantity, ingredient.unit.symbol), style = MaterialTheme.typography.bodyMedium)
    }
}

@Composable
fun DifficultyBadge(difficulty: Difficulty, modifier: Modifier = Modifier) {
    val color = when (difficulty) {
        Difficulty.EASY -> MaterialTheme.colorScheme.secondary
        Difficulty.MEDIUM -> MaterialTheme.colorScheme.primary
        Difficulty.HARD -> MaterialTheme.colorScheme.error
    }
    Text(difficulty.label, color = color, style = MaterialTheme.typography.labelMedium, modifier = modifier)
}

/** One numbered preparation step, with its duration when known. */
@Composable
fun StepItem(step: Step, modifier: Modifier = Modifier) {
    Card(modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp)) {
            Text("Step ${step.index}", style = MaterialTheme.typography.labelLarge)
            Text(step.instruction)
            if (step.duration > 0) Text("${step.duration} min", style = MaterialTheme.typography.labelSmall)
        }
    }
}

/** Confirmation dialog shown before a recipe is removed for good. */
@Composable
fun DeleteRecipeDialog(title: String, onConfirm: () -> Unit, onDismiss: () -> Unit) {
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text("Delete recipe?") },
        text = { Text("\"$title\" will be removed from your recipe book.") },
        confirmButton = { Button(onClick = onConfirm) { Text("Delete") } },
        dismissButton = { TextButton(onClick = onDismiss) { Text("Cancel") } },
    )
}
