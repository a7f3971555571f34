package com.stridelog.android

import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.padding
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.List
import androidx.compose.material.icons.filled.Add
import androidx.compose.material.icons.filled.Home
import androidx.compose.material3.Icon
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.navigation.NavGraph.Companion.findStartDestination
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import androidx.navigation.compose.currentBackStackEntryAsState
import androidx.navigation.compose.rememberNavController
import com.stridelog.android.ui.dashboard.DashboardRoute
import com.stridelog.android.ui.history.HistoryRoute
import com.stridelog.android.ui.log.LogWorkoutRoute
import com.stridelog.android.ui.theme.StrideTheme
import com.stridelog.shared.platform.HealthPlatform

class MainActivity : ComponentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        enableEdgeToEdge()
        setContent {
            StrideTheme {
                RequestHealthPermissions()
                StrideApp()
            }
        }
    }
}

/** Top level destinations shown in the bottom bar. */
enum class Destination(val route: String, val label: String, val icon: ImageVector) {
    DASHBOARD("dashboard", "Today", Icons.Filled.Home),
    LOG("log", "Log", Icons.Filled.Add),
    HISTORY("history", "History", Icons.AutoMirrored.Filled.List),
}

/**
 * App scaffold with bottom navigation between the three top level screens.
 */
@Composable
fun StrideApp() {
    val navController = rememberNavController()
    val backStackEntry by navController.currentBackStackEntryAsState()
    val currentRoute = backStackEntry?.destination?.route

    fun navigate(destination: Destination) {
        navController.navigate(destination.route) {
            popUpTo(navController.graph.findStartDestination().id) { saveState = true }
            launchSingleTop = true
            restoreState = true
        }
    }

    Scaffold(
        bottomBar = {
            NavigationBar {
                Destination.entries.forEach { destination ->
                    NavigationBarItem(
                        selected = currentRoute == destination.route,
                        onClick = { navigate(destination) },
                        icon = { Icon(destination.icon, contentDescription = null) },
                        label = { Text(destination.label) },
                    )
                }
            }
        },
    ) { padding ->
        NavHost(
            navController = navController,
            startDestination = Destination.DASHBOARD.route,
            modifier = Modifier.padding(padding),
        ) {
            composable(Destination.DASHBOARD.route) {
                DashboardRoute(onLogWorkout = { navigate(Destination.LOG) })
            }
            composable(Destination.LOG.route) {
                LogWorkoutRoute(onDone = { navController.popBackStack() })
            }
            composable(Destination.HISTORY.route) {
                HistoryRoute()
            }
        }
    }
}

/**
 * Asks for the runtime permissions the step counter needs, once per launch.
 */
@Composable
private fun RequestHealthPermissions() {
    val launcher = rememberLauncherForActivityResult(ActivityResultContracts.RequestMultiplePermissions()) { results ->
        val denied = results.filterValues { granted -> !granted }.keys
        if (denied.isNotEmpty()) {
            android.util.Log.i("Stridelog", "Permissions denied: $denied; step goals will stay at zero")
        }
    }
    LaunchedEffect(Unit) {
        val permissions = HealthPlatform.requiredPermissions()
        if (permissions.isNotEmpty()) launcher.launch(permissions.toTypedArray())
    }
}
