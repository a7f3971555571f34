plugins {
    id("com.android.application")
    kotlin("android")
    alias(libs.plugins.composeCompiler)
}

android {
    namespace = "dev.kmpdata.weather.android"
    compileSdk = 35

    defaultConfig {
        applicationId = "dev.kmpdata.weather"
        minSdk = 24
        targetSdk = 35
        versionCode = 1
        versionName = "1.0"
    }

    buildFeatures {
        compose = true
    }

    buildTypes {
        getByName("release") {
            isMinifyEnabled = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"))
        }
    }
}

dependencies {
    implementation(project(":shared"))
    implementation(libs.androidx.activity.compose)
    implementation(platform(libs.androidx.compose.bom))
    implementation(libs.androidx.compose.material3)
    implementation(libs.koin.android)
}
