package com.kmpdata.recipes.repository

import com.kmpdata.recipes.model.Difficulty
import com.kmpdata.recipes.model.Ingredient
import com.kmpdata.recipes.model.MeasureUnit
import com.kmpdata.recipes.model.Recipe
import com.kmpdata.recipes.model.RecipeId
import com.kmpdata.recipes.model.Step

/** Converts between the storage representation ([RecipeDto]) and the domain model ([Recipe]). */
object RecipeMapper {

    fun toDomain(dto: RecipeDto): Recipe = Recipe(
        id = RecipeId(dto.id),
        title = dto.title.trim(),
        summary = dto.summary,
        difficulty = Difficulty.fromLabel(dto.difficulty),
        servings = dto.servings.coerceAtLeast(1),
        ingredients = dto.ingredients.map { it.toDomain() },
        steps = dto.steps.mapIndexed { index, text ->
            Step(index = index + 1, instruction = text, duration = dto.stepMinutes.getOrElse(index) { 0 })
        },
        tags = dto.tags.map { it.lowercase() }.toSet(),
        isFavorite = dto.favorite,
    )

    fun toDto(recipe: Recipe): RecipeDto = RecipeDto(
        id = recipe.id.raw,
        title = recipe.title,
        summary = recipe.summary,
        difficulty = recipe.difficulty.label,
        servings = recipe.servings,
        ingredients = recipe.ingredients.map { IngredientDto(it.name, it.quantity, it.unit.symbol, it.optional) },
        steps = recipe.steps.sortedBy { it.index }.map { it.instruction },
        stepMinutes = recipe.steps.sortedBy { it.index }.map { it.duration },
        tags = recipe.tags.sorted(),
        favorite = recipe.isFavorite,
    )

    private fun IngredientDto.toDomain(): Ingredient = Ingredient(
        name = name,
        quantity = amount,
        unit = parseUnit(unit),
        optional = optional,
    )

    private fun parseUnit(symbol: String): MeasureUnit {
        for (candidate in MeasureUnit.entries) {
            if (candidate.symbol.equals(symbol, ignoreCase = true)) return candidate
        }
        return when (symbol.lowercase()) {
            "gram", "grams" -> MeasureUnit.GRAM
            "l", "ml", "milliliter" -> MeasureUnit.MILLILITER
            "tablespoon" -> MeasureUnit.TABLESPOON
            "teaspoon" -> MeasureUnit.TEASPOON
            else -> MeasureUnit.PIECE
        }
    }
}

fun List<RecipeDto>.toDomain(): List<Recipe> = map(RecipeMapper::toDomain)
