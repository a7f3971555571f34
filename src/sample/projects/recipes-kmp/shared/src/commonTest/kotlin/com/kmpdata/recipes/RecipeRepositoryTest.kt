package com.kmpdata.recipes

import com.kmpdata.recipes.repository.DefaultRecipeRepository
import com.kmpdata.recipes.repository.InMemoryRecipeDataSource
import com.kmpdata.recipes.repository.RecipeMapper
import com.kmpdata.recipes.domain.GetRecipesUseCaseImpl
import com.kmpdata.recipes.domain.SortOrder
import com.kmpdata.recipes.model.RecipeId
import com.kmpdata.recipes.model.RecipeResult
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.filterIsInstance
import kotlinx.coroutines.test.runTest
import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertIs
import kotlin.test.assertTrue

class RecipeRepositoryTest {

    private val dataSource = InMemoryRecipeDataSource()
    private val repository = DefaultRecipeRepository(dataSource)

    @Test
    fun toggleFavoriteFlipsTheFlag() = runTest {
        val id = RecipeId("shakshuka")
        val first = repository.toggleFavorite(id)
        val second = repository.toggleFavorite(id)

        assertIs<RecipeResult.Success<*>>(first)
        assertTrue(first.getOrNull()?.isFavorite == true)
        assertEquals(false, second.getOrNull()?.isFavorite)
    }

    @Test
    fun searchMatchesIngredientNames() = runTest {
        val getRecipes = GetRecipesUseCaseImpl(repository)

        val result = getRecipes("lentils", SortOrder.Quickest)
            .filterIsInstance<RecipeResult.Success<*>>()
            .first()

        val titles = (result.value as List<*>).map { (it as com.kmpdata.recipes.model.Recipe).title }
        assertEquals(listOf("Red lentil soup"), titles)
    }

    @Test
    fun mapperRoundTripKeepsSteps() = runTest {
        val dto = dataSource.findById("lentil-soup")!!
        val domain = RecipeMapper.toDomain(dto)

        assertEquals(28, domain.totalTime)
        assertEquals(dto.steps, RecipeMapper.toDto(domain).steps)
        assertEquals(8, domain.scaledTo(8).servings)
    }
}
