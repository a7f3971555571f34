package com.kmpdata.recipes.app

import android.os.Bundle
import android.util.Log
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.compose.runtime.Composable
import androidx.compose.ui.tooling.preview.Preview
import com.kmpdata.recipes.app.ui.RecipeListContent
import com.kmpdata.recipes.domain.SortOrder
import com.kmpdata.recipes.platform.platformName

class MainActivity : ComponentActivity() {

    override fun onCreate(savedInstanceState: Bundle?) {
        enableEdgeToEdge()
        super.onCreate(savedInstanceState)
        Log.i(TAG, "Starting recipes on ${platformName()}")

        setContent {
            App()
        }
    }

    override fun onDestroy() {
        if (isFinishing) Log.d(TAG, "Recipe book closed by the user")
        super.onDestroy()
    }

    private companion object {
        const val TAG = "RecipesApp"
    }
}

@Preview
@Composable
private fun EmptyListPreview() {
    RecipesTheme(darkTheme = false) {
        RecipeListContent(
            state = RecipeUiState(query = "tofu", sortOrder = SortOrder.Quickest),
            onQueryChange = {},
            onSortSelected = {},
            onRecipeClick = {},
            onFavoriteClick = {},
            onRetry = {},
        )
    }
}
