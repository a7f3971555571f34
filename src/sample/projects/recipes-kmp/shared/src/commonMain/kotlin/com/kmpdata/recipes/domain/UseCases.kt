package com.kmpdata.recipes.domain

import com.kmpdata.recipes.repository.RecipeRepository
import com.kmpdata.recipes.model.Difficulty
import com.kmpdata.recipes.model.Recipe
import com.kmpdata.recipes.model.RecipeId
import com.kmpdata.recipes.model.RecipeResult
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.map

/** Predicate applied to recipes before they reach the UI. */
fun interface RecipeFilter {
    fun matches(recipe: Recipe): Boolean

    infix fun and(other: RecipeFilter): RecipeFilter = RecipeFilter { matches(it) && other.matches(it) }
}

/** Ordering options offered by the list screen. */
sealed interface SortOrder {
    val label: String
    fun sort(recipes: List<Recipe>): List<Recipe>

    data object Alphabetical : SortOrder {
        override val label = "A–Z"
        override fun sort(recipes: List<Recipe>) = recipes.sortedBy { it.title.lowercase() }
    }

    data object Quickest : SortOrder {
        override val label = "Quickest"
        override fun sort(recipes: List<Recipe>) = recipes.sortedWith(compareBy<Recipe> { it.totalTime }.thenBy { it.title })
    }

    data class ByDifficulty(val descending: Boolean = false) : SortOrder {
        override val label = if (descending) "Hardest first" else "Easiest first"
        override fun sort(recipes: List<Recipe>): List<Recipe> {
            val sorted = recipes.sortedBy { it.difficulty.weight }
            return if (descending) sorted.reversed() else sorted
        }
    }
}

fun queryFilter(query: String): RecipeFilter {
    val terms = query.lowercase().split(' ').filter { it.isNotBlank() }
    return RecipeFilter { recipe ->
        terms.all { term ->
            recipe.title.lowercase().contains(term) ||
                recipe.tags.any { it.contains(term) } ||
                recipe.ingredients.any { it.name.lowercase().contains(term) }
        }
    }
}

fun maxDifficulty(limit: Difficulty): RecipeFilter = RecipeFilter { !it.difficulty.isHarderThan(limit) }

interface GetRecipesUseCase {
    operator fun invoke(query: String = "", sortOrder: SortOrder = SortOrder.Alphabetical): Flow<RecipeResult<List<Recipe>>>
}

class GetRecipesUseCaseImpl(private val repository: RecipeRepository) : GetRecipesUseCase {
    override fun invoke(query: String, sortOrder: SortOrder): Flow<RecipeResult<List<Recipe>>> {
        val filter = queryFilter(query)
        return repository.observeRecipes().map { result ->
            when (result) {
                is RecipeResult.Success -> RecipeResult.Success(sortOrder.sort(result.value.filter(filter::matches)))
                is RecipeResult.Failure -> result
                RecipeResult.Loading -> RecipeResult.Loading
            }
        }
    }
}

class ToggleFavoriteUseCase(private val repository: RecipeRepository) {
    suspend operator fun invoke(id: RecipeId): RecipeResult<Recipe> = repository.toggleFavorite(id)
}

class ScaleRecipeUseCase {
    operator fun invoke(recipe: Recipe, servings: Int): Recipe =
        if (servings == recipe.servings) recipe else recipe.scaledTo(servings)
}

class DeleteRecipeUseCase(private val repository: RecipeRepository) {
    suspend operator fun invoke(id: RecipeId): Boolean = repository.remove(id)
}
