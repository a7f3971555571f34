package dev.kmpdata.crypto

/** Alphabet used by [secureRandomString] when none is given. */
const val DEFAULT_TOKEN_ALPHABET: String =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

/**
 * Returns [size] bytes from the platform's cryptographically secure random
 * number generator.
 *
 * - Android / JVM: `java.security.SecureRandom`
 * - Apple: `SecRandomCopyBytes`
 * - JavaScript: `crypto.getRandomValues`
 *
 * @throws IllegalArgumentException if [size] is negative.
 */
expect fun secureRandomBytes(size: Int): ByteArray

/**
 * Returns a uniformly distributed random int in `[0, bound)`.
 *
 * Uses rejection sampling so that small bounds do not suffer from modulo bias.
 */
fun secureRandomInt(bound: Int): Int {
    require(bound > 0) { "bound must be positive, was $bound" }
    val limit = Int.MAX_VALUE - (Int.MAX_VALUE % bound)
    while (true) {
        val bytes = secureRandomBytes(4)
        val candidate = ((bytes[0].toInt() and 0x7f) shl 24) or
            ((bytes[1].toInt() and 0xff) shl 16) or
            ((bytes[2].toInt() and 0xff) shl 8) or
            (bytes[3].toInt() and 0xff)
        if (candidate < limit) return candidate % bound
    }
}

/**
 * Builds a random string of [length] characters drawn from [alphabet].
 */
fun secureRandomString(length: Int, alphabet: String = DEFAULT_TOKEN_ALPHABET): String {
    require(length >= 0) { "length must be non-negative" }
    require(alphabet.isNotEmpty()) { "alphabet must not be empty" }
    return buildString(length) {
        repeat(length) {
            append(alphabet[secureRandomInt(alphabet.length)])
        }
    }
}

/** Shuffles this list in place using the secure random source (Fisher-Yates). */
fun <T> MutableList<T>.secureShuffle() {
    for (i in lastIndex downTo 1) {
        val j = secureRandomInt(i + 1)
        val tmp = this[i]
        this[i] = this[j]
        this[j] = tmp
    }
}
