package com.kmpdata.recipes.repository

import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.update
import kotlinx.serialization.Serializable

@Serializable
data class IngredientDto(val name: String, val amount: Double, val unit: String, val optional: Boolean = false)

@Serializable
data class RecipeDto(
    val id: String,
    val title: String,
    val summary: String,
    val difficulty: String,
    val servings: Int,
    val ingredients: List<IngredientDto>,
    val steps: List<String>,
    val stepMinutes: List<Int> = emptyList(),
    val tags: List<String> = emptyList(),
    val favorite: Boolean = false,
)

/** Low-level access to stored recipes; the repository decides how they are combined and mapped. */
interface RecipeDataSource {
    fun observeAll(): Flow<List<RecipeDto>>
    suspend fun findById(id: String): RecipeDto?
    suspend fun upsert(recipe: RecipeDto)
    suspend fun delete(id: String): Boolean
}

class InMemoryRecipeDataSource(
    seed: List<RecipeDto> = SampleRecipes.all,
    private val latencyMillis: Long = 0L,
) : RecipeDataSource {

    private val store = MutableStateFlow(seed.associateBy { it.id })

    override fun observeAll(): Flow<List<RecipeDto>> =
        store.asStateFlow().map { byId -> byId.values.sortedBy { it.title.lowercase() } }

    override suspend fun findById(id: String): RecipeDto? {
        if (latencyMillis > 0) delay(latencyMillis)
        return store.value[id]
    }

    override suspend fun upsert(recipe: RecipeDto) {
        if (latencyMillis > 0) delay(latencyMillis)
        store.update { current -> current + (recipe.id to recipe) }
    }

    override suspend fun delete(id: String): Boolean {
        var removed = false
        store.update { current ->
            removed = id in current
            current - id
        }
        return removed
    }
}

internal object SampleRecipes {
    val all: List<RecipeDto> by lazy {
        listOf(
            RecipeDto(
                id = "shakshuka",
                title = "Shakshuka",
                summary = "Eggs poached in a spiced tomato and pepper sauce.",
                difficulty = "Easy",
                servings = 2,
                ingredients = listOf(
                    IngredientDto("Eggs", 4.0, "pc"),
                    IngredientDto("Crushed tomatoes", 400.0, "g"),
                    IngredientDto("Red pepper", 1.0, "pc"),
                    IngredientDto("Cumin", 1.0, "tsp"),
                    IngredientDto("Feta", 50.0, "g", optional = true),
                ),
                steps = listOf("Soften the pepper in oil.", "Add spices and tomatoes.", "Crack in the eggs and cover."),
                stepMinutes = listOf(6, 8, 7),
                tags = listOf("breakfast", "vegetarian"),
            ),
            RecipeDto(
                id = "lentil-soup",
                title = "Red lentil soup",
                summary = "A quick, creamy soup with lemon and paprika.",
                difficulty = "Easy",
                servings = 4,
                ingredients = listOf(
                    IngredientDto("Red lentils", 250.0, "g"),
                    IngredientDto("Vegetable stock", 1200.0, "ml"),
                    IngredientDto("Onion", 1.0, "pc"),
                    IngredientDto("Paprika", 2.0, "tsp"),
                ),
                steps = listOf("Sweat the onion.", "Simmer lentils in stock.", "Blend and season with lemon."),
                stepMinutes = listOf(5, 20, 3),
                tags = listOf("soup", "vegan"),
            ),
        )
    }
}
