plugins {
    alias(libs.plugins.kotlinMultiplatform) apply false
    alias(libs.plugins.androidLibrary) apply false
}

allprojects {
    group = "dev.kmpdata"
    version = "0.4.0"
}
