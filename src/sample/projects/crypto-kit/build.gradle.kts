plugins {
    alias(libs.plugins.kotlinMultiplatform) apply false
}

allprojects {
    group = "dev.kmpdata"
    version = "0.3.0"
}
