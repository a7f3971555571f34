package com.kmpdata.recipes.model

import kotlin.jvm.JvmInline

const val MAX_SERVINGS = 24
const val DEFAULT_SERVINGS = 4

typealias Minutes = Int

/** Stable identifier of a recipe, kept as a value class to avoid mixing it up with other strings. */
@JvmInline
value class RecipeId(val raw: String) {
    init {
        require(raw.isNotBlank()) { "RecipeId must not be blank" }
    }

    override fun toString(): String = raw
}

enum class Difficulty(val label: String, val weight: Int) {
    EASY("Easy", 1),
    MEDIUM("Medium", 2),
    HARD("Hard", 3);

    fun isHarderThan(other: Difficulty): Boolean = weight > other.weight

    companion object {
        fun fromLabel(label: String): Difficulty =
            entries.firstOrNull { it.label.equals(label, ignoreCase = true) } ?: MEDIUM
    }
}

enum class MeasureUnit(val symbol: String) {
    GRAM("g"),
    MILLILITER("ml"),
    PIECE("pc"),
    TABLESPOON("tbsp"),
    TEASPOON("tsp");

    val isVolume: Boolean
        get() = this == MILLILITER || this == TABLESPOON || this == TEASPOON
}

data class Ingredient(
    val name: String,
    val quantity: Double,
    val unit: MeasureUnit,
    val optional: Boolean = false,
) {
    operator fun times(factor: Double): Ingredient = copy(quantity = quantity * factor)
}

data class Step(val index: Int, val instruction: String, val duration: Minutes = 0)

data class Recipe(
    val id: RecipeId,
    val title: String,
    val summary: String,
    val difficulty: Difficulty,
    val servings: Int,
    val ingredients: List<Ingredient>,
    val steps: List<Step>,
    val tags: Set<String> = emptySet(),
    val isFavorite: Boolean = false,
) {
    val totalTime: Minutes
        get() = steps.sumOf { it.duration }

    val isQuick: Boolean
        get() = totalTime in 1..20

    fun scaledTo(newServings: Int): Recipe {
        val target = newServings.coerceIn(1, MAX_SERVINGS)
        val factor = target.toDouble() / servings
        return copy(servings = target, ingredients = ingredients.map { it * factor })
    }
}

/** Result wrapper used between the repository and the presentation layer. */
sealed class RecipeResult<out T> {
    data class Success<T>(val value: T) : RecipeResult<T>()
    data class Failure(val message: String, val cause: Throwable? = null) : RecipeResult<Nothing>()
    data object Loading : RecipeResult<Nothing>()

    fun getOrNull(): T? = when (this) {
        is Success -> value
        is Failure, Loading -> null
    }
}
