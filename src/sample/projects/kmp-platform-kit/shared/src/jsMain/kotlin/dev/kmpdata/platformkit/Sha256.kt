package dev.kmpdata.platformkit

import kotlin.math.cbrt
import kotlin.math.floor
import kotlin.math.sqrt

/**
 * Synchronous SHA-256 for JavaScript, where WebCrypto only offers an async digest.
 * Round constants are derived from the fractional parts of prime roots, as the standard defines them.
 */
internal object Sha256 {
    private val roundConstants: IntArray by lazy { firstPrimes(64).map { fractionBits(cbrt(it.toDouble())) }.toIntArray() }
    private val initialHash: IntArray by lazy { firstPrimes(8).map { fractionBits(sqrt(it.toDouble())) }.toIntArray() }

    private fun fractionBits(x: Double): Int = ((x - floor(x)) * 4294967296.0).toLong().toInt()

    private fun firstPrimes(count: Int): List<Int> {
        val primes = ArrayList<Int>(count)
        var candidate = 2
        while (primes.size < count) {
            if (primes.none { candidate % it == 0 }) primes += candidate
            candidate++
        }
        return primes
    }

    fun digest(message: ByteArray): ByteArray {
        val bitLength = message.size.toLong() * 8
        val paddedSize = ((message.size + 8) / 64 + 1) * 64
        val padded = message.copyOf(paddedSize)
        padded[message.size] = 0x80.toByte()
        for (i in 0 until 8) padded[paddedSize - 1 - i] = (bitLength ushr (8 * i)).toByte()

        val h = initialHash.copyOf()
        val k = roundConstants
        val w = IntArray(64)
        for (chunk in 0 until paddedSize step 64) {
            for (t in 0 until 16) {
                val o = chunk + t * 4
                w[t] = (padded[o].toInt() and 0xff shl 24) or (padded[o + 1].toInt() and 0xff shl 16) or
                    (padded[o + 2].toInt() and 0xff shl 8) or (padded[o + 3].toInt() and 0xff)
            }
            for (t in 16 until 64) {
                val s0 = w[t - 15].rotateRight(7) xor w[t - 15].rotateRight(18) xor (w[t - 15] ushr 3)
                val s1 = w[t - 2].rotateRight(17) xor w[t - 2].rotateRight(19) xor (w[t - 2] ushr 10)
                w[t] = w[t - 16] + s0 + w[t - 7] + s1
            }
            var a = h[0]; var b = h[1]; var c = h[2]; var d = h[3]
            var e = h[4]; var f = h[5]; var g = h[6]; var hh = h[7]
            for (t in 0 until 64) {
                val bigSigma1 = e.rotateRight(6) xor e.rotateRight(11) xor e.rotateRight(25)
                val choose = (e and f) xor (e.inv() and g)
                val temp1 = hh + bigSigma1 + choose + k[t] + w[t]
                val bigSigma0 = a.rotateRight(2) xor a.rotateRight(13) xor a.rotateRight(22)
                val majority = (a and b) xor (a and c) xor (b and c)
                val temp2 = bigSigma0 + majority
                hh = g; g = f; f = e; e = d + temp1
                d = c; c = b; b = a; a = temp1 + temp2
            }
            h[0] += a; h[1] += b; h[2] += c; h[3] += d
            h[4] += e; h[5] += f; h[6] += g; h[7] += hh
        }

        val out = ByteArray(SHA256_SIZE_BYTES)
        for (i in h.indices) {
            out[i * 4] = (h[i] ushr 24).toByte()
            out[i * 4 + 1] = (h[i] ushr 16).toByte()
            out[i * 4 + 2] = (h[i] ushr 8).toByte()
            out[i * 4 + 3] = h[i].toByte()
        }
        return out
    }
}
