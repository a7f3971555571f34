package dev.kmpdata.crypto

import kotlin.test.Test
import kotlin.test.assertEquals
import kotlin.test.assertIs
import kotlin.test.assertNotEquals
import kotlin.test.assertNotNull

class TokenAndSettingsTest {
    private val secret = "test-secret".encodeToByteArray()

    @Test
    fun signedTokenRoundTrip() {
        val clock = FixedTimeSource(now = 1_000L)
        val generator = TokenGenerator(timeSource = clock)
        val token = generator.nextSigned(secret, ttlMillis = 500L)

        val parsed = assertNotNull(SignedToken.parse(token.serialize()))
        assertEquals(VerificationResult.Valid, generator.verify(parsed, secret))

        clock += 600L
        assertIs<VerificationResult.Expired>(generator.verify(parsed, secret))
    }

    @Test
    fun tamperedSignatureIsRejected() {
        val generator = TokenGenerator(timeSource = FixedTimeSource(0L))
        val token = generator.nextSigned(secret, ttlMillis = 10_000L)
        val tampered = token.copy(expiresAtMillis = token.expiresAtMillis + 1)
        assertIs<VerificationResult.Invalid>(generator.verify(tampered, secret))
    }

    @Test
    fun tokensAreUnique() {
        val tokens = TokenGenerator(TokenFormat.HEX, entropyBytes = 16).batch(50)
        assertEquals(50, tokens.toSet().size)
        tokens.forEach { assertEquals(32, it.length) }
    }

    @Test
    fun delegatedSettingsPersistValues() {
        val settings = InMemorySettings()
        val prefs = SessionPreferences(settings)
        prefs.lastUserId = "user-42"
        prefs.tokenFormat = TokenFormat.HEX
        prefs.recordLaunch()
        prefs.recordLaunch()

        val reloaded = SessionPreferences(settings)
        assertEquals("user-42", reloaded.lastUserId)
        assertEquals(2, reloaded.launchCount)
        assertEquals(TokenFormat.HEX, reloaded.tokenFormat)
    }

    @Test
    fun sequentialIdsIncrease() {
        val generator = SequentialIdGenerator("note")
        assertEquals("note-1", generator.next())
        assertEquals("note-2", generator.next())
        assertNotEquals(generator.next(), generator.next())
    }
}
