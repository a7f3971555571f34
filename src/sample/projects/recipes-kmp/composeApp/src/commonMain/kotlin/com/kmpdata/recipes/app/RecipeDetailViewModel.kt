package com.kmpdata.recipes.app

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import com.kmpdata.recipes.repository.RecipeRepository
import com.kmpdata.recipes.domain.DeleteRecipeUseCase
import com.kmpdata.recipes.domain.ScaleRecipeUseCase
import com.kmpdata.recipes.model.DEFAULT_SERVINGS
import com.kmpdata.recipes.model.MAX_SERVINGS
import com.kmpdata.recipes.model.Recipe
import com.kmpdata.recipes.model.RecipeId
import com.kmpdata.recipes.model.RecipeResult
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

sealed class DetailUiState {
    data object Loading : DetailUiState()
    data class Content(val original: Recipe, val scaled: Recipe, val showDeleteDialog: Boolean = false) : DetailUiState() {
        val canIncrease: Boolean get() = scaled.servings < MAX_SERVINGS
        val canDecrease: Boolean get() = scaled.servings > 1
    }
    data class Error(val message: String) : DetailUiState()
    data object Deleted : DetailUiState()
}

class RecipeDetailViewModel(
    private val recipeId: RecipeId,
    private val repository: RecipeRepository,
    private val scaleRecipe: ScaleRecipeUseCase,
    private val deleteRecipe: DeleteRecipeUseCase,
) : ViewModel() {

    private val _state = MutableStateFlow<DetailUiState>(DetailUiState.Loading)
    val state: StateFlow<DetailUiState> = _state.asStateFlow()

    init {
        reload()
    }

    fun reload() {
        viewModelScope.launch {
            _state.value = DetailUiState.Loading
            _state.value = when (val result = repository.getRecipe(recipeId)) {
                is RecipeResult.Success -> DetailUiState.Content(result.value, result.value)
                is RecipeResult.Failure -> DetailUiState.Error(result.message)
                RecipeResult.Loading -> DetailUiState.Loading
            }
        }
    }

    fun changeServings(delta: Int) = updateContent { content ->
        val target = (content.scaled.servings + delta).coerceIn(1, MAX_SERVINGS)
        content.copy(scaled = scaleRecipe(content.original, target))
    }

    fun resetServings() = updateContent { it.copy(scaled = scaleRecipe(it.original, DEFAULT_SERVINGS)) }

    fun requestDelete(show: Boolean) = updateContent { it.copy(showDeleteDialog = show) }

    fun confirmDelete() {
        viewModelScope.launch {
            val removed = deleteRecipe(recipeId)
            _state.value = if (removed) DetailUiState.Deleted else DetailUiState.Error("Recipe could not be deleted")
        }
    }

    private inline fun updateContent(crossinline transform: (DetailUiState.Content) -> DetailUiState.Content) {
        _state.update { current -> if (current is DetailUiState.Content) transform(current) else current }
    }
}
