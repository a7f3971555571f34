package com.kmpdata.recipes.app

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.graphics.Color
import com.kmpdata.recipes.app.ui.RecipeDetailScreen
import com.kmpdata.recipes.app.ui.RecipeListScreen
import com.kmpdata.recipes.repository.DefaultRecipeRepository
import com.kmpdata.recipes.repository.InMemoryRecipeDataSource
import com.kmpdata.recipes.repository.RecipeDataSource
import com.kmpdata.recipes.repository.RecipeRepository
import com.kmpdata.recipes.domain.DeleteRecipeUseCase
import com.kmpdata.recipes.domain.GetRecipesUseCase
import com.kmpdata.recipes.domain.GetRecipesUseCaseImpl
import com.kmpdata.recipes.domain.ScaleRecipeUseCase
import com.kmpdata.recipes.domain.ToggleFavoriteUseCase
import com.kmpdata.recipes.model.RecipeId
import org.koin.compose.KoinApplication
import org.koin.compose.viewmodel.koinViewModel
import org.koin.core.module.dsl.viewModel
import org.koin.core.parameter.parametersOf
import org.koin.dsl.module

val appModule = module {
    single<RecipeDataSource> { InMemoryRecipeDataSource(latencyMillis = 150) }
    single<RecipeRepository> { DefaultRecipeRepository(get()) }
    factory<GetRecipesUseCase> { GetRecipesUseCaseImpl(get()) }
    factory { ToggleFavoriteUseCase(get()) }
    factory { DeleteRecipeUseCase(get()) }
    factory { ScaleRecipeUseCase() }
    viewModel { RecipeListViewModel(get(), get()) }
    viewModel { params -> RecipeDetailViewModel(params.get(), get(), get(), get()) }
}

private val Saffron = Color(0xFFE0A526)
private val Basil = Color(0xFF3E7D4F)

/** Applies the recipe book colour scheme, following the system dark mode setting. */
@Composable
fun RecipesTheme(darkTheme: Boolean = isSystemInDarkTheme(), content: @Composable () -> Unit) {
    val colors = if (darkTheme) {
        darkColorScheme(primary = Saffron, secondary = Basil)
    } else {
        lightColorScheme(primary = Basil, secondary = Saffron)
    }
    MaterialTheme(colorScheme = colors, content = content)
}

/** Root of the shared UI: a two-destination navigation between the list and a recipe's details. */
@Composable
fun App() {
    KoinApplication(application = { modules(appModule) }) {
        RecipesTheme {
            var selected by remember { mutableStateOf<RecipeId?>(null) }
            val current = selected
            if (current == null) {
                RecipeListScreen(
                    viewModel = koinViewModel<RecipeListViewModel>(),
                    onRecipeClick = { selected = it },
                )
            } else {
                RecipeDetailScreen(
                    viewModel = koinViewModel<RecipeDetailViewModel>(key = current.raw) { parametersOf(current) },
                    onBack = { selected = null },
                )
            }
        }
    }
}
