package dev.kmpdata.weather

import io.ktor.client.engine.HttpClientEngine
import io.ktor.client.engine.darwin.Darwin
import kotlinx.cinterop.ExperimentalForeignApi
import kotlinx.cinterop.useContents
import platform.CoreLocation.CLLocationManager
import platform.CoreLocation.kCLAuthorizationStatusAuthorizedAlways
import platform.CoreLocation.kCLAuthorizationStatusAuthorizedWhenInUse

actual fun httpEngine(): HttpClientEngine = Darwin.create {
    configureRequest {
        setAllowsCellularAccess(true)
        setTimeoutInterval(15.0)
    }
}

@OptIn(ExperimentalForeignApi::class)
actual class LocationProvider {
    private val manager = CLLocationManager()

    actual suspend fun current(): Coordinates? {
        val status = manager.authorizationStatus
        val authorized = status == kCLAuthorizationStatusAuthorizedWhenInUse ||
            status == kCLAuthorizationStatusAuthorizedAlways
        if (!authorized) return null
        val location = manager.location ?: return null
        return location.coordinate.useContents {
            Coordinates(latitude, longitude)
        }
    }
}
