package com.kmpdata.recipes.app

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import com.kmpdata.recipes.domain.GetRecipesUseCase
import com.kmpdata.recipes.domain.SortOrder
import com.kmpdata.recipes.domain.ToggleFavoriteUseCase
import com.kmpdata.recipes.model.Recipe
import com.kmpdata.recipes.model.RecipeId
import com.kmpdata.recipes.model.RecipeResult
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.FlowPreview
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.combine
import kotlinx.coroutines.flow.debounce
import kotlinx.coroutines.flow.flatMapLatest
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.stateIn
import kotlinx.coroutines.launch

/** Everything the recipe list screen needs to render itself. */
data class RecipeUiState(
    val recipes: List<Recipe> = emptyList(),
    val query: String = "",
    val sortOrder: SortOrder = SortOrder.Alphabetical,
    val isLoading: Boolean = false,
    val errorMessage: String? = null,
) {
    val isEmpty: Boolean
        get() = !isLoading && errorMessage == null && recipes.isEmpty()

    val favoriteCount: Int
        get() = recipes.count { it.isFavorite }
}

@OptIn(FlowPreview::class, ExperimentalCoroutinesApi::class)
class RecipeListViewModel(
    private val getRecipes: GetRecipesUseCase,
    private val toggleFavorite: ToggleFavoriteUseCase,
) : ViewModel() {

    private val query = MutableStateFlow("")
    private val sortOrder = MutableStateFlow<SortOrder>(SortOrder.Alphabetical)
    private val transientError = MutableStateFlow<String?>(null)

    val state: StateFlow<RecipeUiState> =
        combine(query.debounce(250), sortOrder) { q, order -> q to order }
            .flatMapLatest { (q, order) -> getRecipes(q, order).map { result -> result.toUiState(q, order) } }
            .combine(transientError) { uiState, error -> if (error != null) uiState.copy(errorMessage = error) else uiState }
            .stateIn(viewModelScope, SharingStarted.WhileSubscribed(5_000), RecipeUiState(isLoading = true))

    fun onQueryChange(value: String) {
        query.value = value.take(MAX_QUERY_LENGTH)
    }

    fun onSortOrderSelected(order: SortOrder) {
        sortOrder.value = order
    }

    fun onFavoriteClick(id: RecipeId) {
        viewModelScope.launch {
            when (val result = toggleFavorite(id)) {
                is RecipeResult.Failure -> transientError.value = result.message
                else -> transientError.value = null
            }
        }
    }

    fun dismissError() {
        transientError.value = null
    }

    private fun RecipeResult<List<Recipe>>.toUiState(q: String, order: SortOrder): RecipeUiState = when (this) {
        is RecipeResult.Success -> RecipeUiState(recipes = value, query = q, sortOrder = order)
        is RecipeResult.Failure -> RecipeUiState(query = q, sortOrder = order, errorMessage = message)
        RecipeResult.Loading -> RecipeUiState(query = q, sortOrder = order, isLoading = true)
    }

    companion object {
        const val MAX_QUERY_LENGTH = 64
    }
}
