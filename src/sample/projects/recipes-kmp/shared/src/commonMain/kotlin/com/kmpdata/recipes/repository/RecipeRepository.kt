package com.kmpdata.recipes.repository

import com.kmpdata.recipes.model.Recipe
import com.kmpdata.recipes.model.RecipeId
import com.kmpdata.recipes.model.RecipeResult
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.catch
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.onStart
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

interface RecipeRepository {
    fun observeRecipes(): Flow<RecipeResult<List<Recipe>>>
    suspend fun getRecipe(id: RecipeId): RecipeResult<Recipe>
    suspend fun save(recipe: Recipe): RecipeResult<Unit>
    suspend fun toggleFavorite(id: RecipeId): RecipeResult<Recipe>
    suspend fun remove(id: RecipeId): Boolean
}

class DefaultRecipeRepository(
    private val dataSource: RecipeDataSource,
    private val mapper: RecipeMapper = RecipeMapper,
) : RecipeRepository {

    private val writeLock = Mutex()

    override fun observeRecipes(): Flow<RecipeResult<List<Recipe>>> =
        dataSource.observeAll()
            .map<List<RecipeDto>, RecipeResult<List<Recipe>>> { dtos -> RecipeResult.Success(dtos.map(mapper::toDomain)) }
            .onStart { emit(RecipeResult.Loading) }
            .catch { error -> emit(RecipeResult.Failure(error.message ?: "Unable to load recipes", error)) }

    override suspend fun getRecipe(id: RecipeId): RecipeResult<Recipe> = try {
        val dto = dataSource.findById(id.raw)
        if (dto == null) RecipeResult.Failure("Recipe $id not found") else RecipeResult.Success(mapper.toDomain(dto))
    } catch (e: Exception) {
        RecipeResult.Failure("Failed to read recipe $id", e)
    }

    override suspend fun save(recipe: Recipe): RecipeResult<Unit> = writeLock.withLock {
        if (recipe.title.isBlank()) return@withLock RecipeResult.Failure("Title is required")
        try {
            dataSource.upsert(mapper.toDto(recipe))
            RecipeResult.Success(Unit)
        } catch (e: Exception) {
            RecipeResult.Failure("Could not save ${recipe.title}", e)
        }
    }

    override suspend fun toggleFavorite(id: RecipeId): RecipeResult<Recipe> = writeLock.withLock {
        val current = dataSource.findById(id.raw)
            ?: return@withLock RecipeResult.Failure("Recipe $id not found")
        val updated = current.copy(favorite = !current.favorite)
        dataSource.upsert(updated)
        RecipeResult.Success(mapper.toDomain(updated))
    }

    override suspend fun remove(id: RecipeId): Boolean = writeLock.withLock {
        dataSource.delete(id.raw)
    }

    /** Exports a recipe as a printable document; kept as a placeholder until the design is agreed on. */
    fun exportAsPdf(recipe: Recipe): ByteArray = TODO("PDF export for ${recipe.title} is not implemented yet")
}
