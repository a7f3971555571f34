package dev.kmpdata.crypto

private const val ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

/**
 * Text encodings available for generated tokens.
 */
enum class TokenFormat(val displayName: String, val urlSafe: Boolean) {
    HEX("hex", urlSafe = true) {
        override fun encode(bytes: ByteArray): String = bytes.toHex()
    },
    BASE64("base64", urlSafe = false) {
        override fun encode(bytes: ByteArray): String = bytes.toBase64()
    },
    BASE64_URL("base64url", urlSafe = true) {
        override fun encode(bytes: ByteArray): String = bytes.toBase64Url()
    },
    ALPHANUMERIC_62("alphanumeric", urlSafe = true) {
        override fun encode(bytes: ByteArray): String = buildString(bytes.size) {
            // 256 is not a multiple of 62, so map through 6 bits and skip the overflow.
            for (b in bytes) {
                val index = b.toInt() and 0x3f
                if (index < ALPHANUMERIC.length) append(ALPHANUMERIC[index])
            }
        }
    };

    /** Encodes raw random [bytes] into the textual form of this format. */
    abstract fun encode(bytes: ByteArray): String

    companion object {
        /** Looks up a format by its [displayName], ignoring case. */
        fun fromName(name: String): TokenFormat? =
            entries.firstOrNull { it.displayName.equals(name, ignoreCase = true) }
    }
}

/**
 * A token with an expiry timestamp and an HMAC signature over both.
 */
data class SignedToken(
    val value: String,
    val expiresAtMillis: Long,
    val signature: String,
) {
    /** Serializes as `value.expiresAt.signature`. */
    fun serialize(): String = "$value.$expiresAtMillis.$signature"

    companion object {
        /** Parses the output of [serialize], returning `null` for malformed input. */
        fun parse(raw: String): SignedToken? {
            val parts = raw.split('.')
            if (parts.size != 3) return null
            val expires = parts[1].toLongOrNull() ?: return null
            if (parts[0].isEmpty() || parts[2].isEmpty()) return null
            return SignedToken(parts[0], expires, parts[2])
        }
    }
}

/** Result of [TokenGenerator.verify]. */
sealed interface VerificationResult {
    data object Valid : VerificationResult

    data class Expired(val expiredAtMillis: Long) : VerificationResult

    data class Invalid(val reason: String) : VerificationResult
}

/**
 * Generates random opaque tokens and short-lived signed tokens.
 *
 * @property format encoding of generated tokens.
 * @property entropyBytes number of random bytes per token; at least 16.
 */
class TokenGenerator(
    val format: TokenFormat = TokenFormat.BASE64_URL,
    val entropyBytes: Int = 32,
    private val timeSource: TimeSource = SystemTimeSource,
) {
    init {
        require(entropyBytes >= 16) { "Tokens need at least 128 bits of entropy" }
    }

    /** Returns a new random token. */
    fun next(): String = format.encode(secureRandomBytes(entropyBytes))

    /** Returns [count] distinct tokens. */
    fun batch(count: Int): List<String> {
        val tokens = LinkedHashSet<String>(count)
        while (tokens.size < count) {
            tokens += next()
        }
        return tokens.toList()
    }

    /** Creates a token valid for [ttlMillis], signed with [secret]. */
    fun nextSigned(secret: ByteArray, ttlMillis: Long): SignedToken {
        require(ttlMillis > 0) { "ttlMillis must be positive" }
        val value = next()
        val expiresAt = timeSource.nowMillis() + ttlMillis
        val signature = Hmac.sha256(secret, "$value.$expiresAt".encodeToByteArray()).toBase64Url()
        return SignedToken(value, expiresAt, signature)
    }

    /** Checks the signature and expiry of [token]. */
    fun verify(token: SignedToken, secret: ByteArray): VerificationResult {
        val expected = Hmac.sha256(secret, "${token.value}.${token.expiresAtMillis}".encodeToByteArray())
        val provided = try {
            token.signature.decodeBase64Url()
        } catch (e: IllegalArgumentException) {
            return VerificationResult.Invalid("signature is not base64url: ${e.message}")
        }
        return when {
            !constantTimeEquals(expected, provided) -> VerificationResult.Invalid("signature mismatch")
            timeSource.nowMillis() >= token.expiresAtMillis -> VerificationResult.Expired(token.expiresAtMillis)
            else -> VerificationResult.Valid
        }
    }
}
