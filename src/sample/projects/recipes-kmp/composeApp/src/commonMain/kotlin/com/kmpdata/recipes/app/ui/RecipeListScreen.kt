package com.kmpdata.recipes.app.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.*
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.*
import androidx.compose.runtime.*
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.style.TextOverflow
import androidx.compose.ui.unit.dp
import com.kmpdata.recipes.app.RecipeListViewModel
import com.kmpdata.recipes.app.RecipeUiState
import com.kmpdata.recipes.domain.SortOrder
import com.kmpdata.recipes.model.Recipe
import com.kmpdata.recipes.model.RecipeId

private val sortOptions = listOf(SortOrder.Alphabetical, SortOrder.Quickest, SortOrder.ByDifficulty())

@Composable
fun RecipeListScreen(viewModel: RecipeListViewModel, onRecipeClick: (RecipeId) -> Unit) {
    val state by viewModel.state.collectAsState()
    RecipeListContent(
        state = state,
        onQueryChange = viewModel::onQueryChange,
        onSortSelected = viewModel::onSortOrderSelected,
        onRecipeClick = onRecipeClick,
        onFavoriteClick = viewModel::onFavoriteClick,
        onRetry = viewModel::dismissError,
    )
}

/** Stateless list screen; every interaction is forwarded to the caller. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun RecipeListContent(
    state: RecipeUiState,
    onQueryChange: (String) -> Unit,
    onSortSelected: (SortOrder) -> Unit,
    onRecipeClick: (RecipeId) -> Unit,
    onFavoriteClick: (RecipeId) -> Unit,
    onRetry: () -> Unit,
    modifier: Modifier = Modifier,
) {
    Scaffold(
        modifier = modifier,
        topBar = { TopAppBar(title = { Text("Recipes (${state.favoriteCount} ★)") }) },
    ) { padding ->
        Column(Modifier.padding(padding).fillMaxSize()) {
            OutlinedTextField(
                value = state.query,
                onValueChange = onQueryChange,
                label = { Text("Search by name, tag or ingredient") },
                singleLine = true,
                modifier = Modifier.fillMaxWidth().padding(horizontal = 16.dp, vertical = 8.dp),
            )
            Row(Modifier.padding(horizontal = 16.dp), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                sortOptions.forEach { option ->
                    AssistChip(
                        onClick = { onSortSelected(option) },
                        label = { Text(if (option == state.sortOrder) "• ${option.label}" else option.label) },
                    )
                }
            }
            when {
                state.isLoading -> Box(Modifier.fillMaxSize(), contentAlignment = Alignment.Center) { CircularProgressIndicator() }
                state.errorMessage != null -> ErrorState(message = state.errorMessage, onRetry = onRetry)
                state.isEmpty -> EmptyState(query = state.query)
                else -> LazyColumn(
                    contentPadding = PaddingValues(16.dp),
                    verticalArrangement = Arrangement.spacedBy(12.dp),
                ) {
                    items(state.recipes, key = { it.id.raw }) { recipe ->
                        RecipeCard(
                            recipe = recipe,
                            onClick = { onRecipeClick(recipe.id) },
                            onFavoriteClick = { onFavoriteClick(recipe.id) },
                        )
                    }
                }
            }
        }
    }
}

/** A single recipe in the list, with its difficulty, total time and favourite toggle. */
@Composable
fun RecipeCard(recipe: Recipe, onClick: () -> Unit, onFavoriteClick: () -> Unit, modifier: Modifier = Modifier) {
    Card(modifier = modifier.fillMaxWidth().clickable(onClick = onClick)) {
        Row(Modifier.padding(16.dp), verticalAlignment = Alignment.CenterVertically) {
            Column(Modifier.weight(1f)) {
                Text(recipe.title, style = MaterialTheme.typography.titleMedium)
                Text(recipe.summary, maxLines = 2, overflow = TextOverflow.Ellipsis, style = MaterialTheme.typography.bodySmall)
                Row(verticalAlignment = Alignment.CenterVertically) {
                    DifficultyBadge(recipe.difficulty)
                    Spacer(Modifier.width(8.dp))
                    Text("${recipe.totalTime} min · serves ${recipe.servings}", style = MaterialTheme.typography.labelSmall)
                }
            }
            TextButton(onClick = onFavoriteClick) { Text(if (recipe.isFavorite) "★" else "☆") }
        }
    }
}

@Composable
fun EmptyState(query: String, modifier: Modifier = Modifier) {
    Column(modifier.fillMaxSize().padding(32.dp), horizontalAlignment = Alignment.CenterHorizontally) {
        Text("No recipes found", style = MaterialTheme.typography.titleMedium)
        if (query.isNotBlank()) Text("Nothing matches \"$query\". Try a shorter search.")
    }
}

@Composable
fun ErrorState(message: String, onRetry: () -> Unit, modifier: Modifier = Modifier) {
    Column(modifier.fillMaxSize().padding(32.dp), horizontalAlignment = Alignment.CenterHorizontally) {
        Text(message, color = MaterialTheme.colorScheme.error)
        Button(onClick = onRetry) { Text("Try again") }
    }
}
