package dev.kmpdata.crypto

/**
 * Portable, allocation-light SHA-256 implementation (FIPS 180-4).
 *
 * Used by targets without a synchronous native digest (JavaScript, Wasm) and
 * by [sha256Of] for streaming input. Instances are not thread-safe.
 */
internal class PureSha256 {
    private val state = IntArray(8)
    private val buffer = ByteArray(BLOCK_SIZE)
    private val schedule = IntArray(64)
    private var bufferLength = 0
    private var totalLength = 0L

    init {
        reset()
    }

    fun reset() {
        INITIAL_STATE.copyInto(state)
        buffer.fill(0)
        bufferLength = 0
        totalLength = 0L
    }

    fun update(input: ByteArray, offset: Int = 0, length: Int = input.size - offset) {
        require(offset >= 0 && length >= 0 && offset + length <= input.size) {
            "Invalid range offset=$offset length=$length size=${input.size}"
        }
        var index = offset
        var remaining = length
        totalLength += length
        while (remaining > 0) {
            val toCopy = minOf(BLOCK_SIZE - bufferLength, remaining)
            input.copyInto(buffer, bufferLength, index, index + toCopy)
            bufferLength += toCopy
            index += toCopy
            remaining -= toCopy
            if (bufferLength == BLOCK_SIZE) {
                processBlock(buffer)
                bufferLength = 0
            }
        }
    }

    fun digest(): ByteArray {
        val bitLength = totalLength * 8
        val paddingLength = if (bufferLength < 56) 56 - bufferLength else 120 - bufferLength
        val padding = ByteArray(paddingLength)
        padding[0] = 0x80.toByte()
        update(padding)
        val lengthBytes = ByteArray(8) { i -> (bitLength ushr (56 - 8 * i)).toByte() }
        update(lengthBytes)
        check(bufferLength == 0) { "Padding left $bufferLength bytes in the buffer" }

        val out = ByteArray(SHA256_DIGEST_LENGTH)
        for (i in 0 until 8) {
            val word = state[i]
            out[i * 4] = (word ushr 24).toByte()
            out[i * 4 + 1] = (word ushr 16).toByte()
            out[i * 4 + 2] = (word ushr 8).toByte()
            out[i * 4 + 3] = word.toByte()
        }
        reset()
        return out
    }

    private fun processBlock(block: ByteArray) {
        val w = schedule
        for (t in 0 until 16) {
            val i = t * 4
            w[t] = ((block[i].toInt() and 0xff) shl 24) or
                ((block[i + 1].toInt() and 0xff) shl 16) or
                ((block[i + 2].toInt() and 0xff) shl 8) or
                (block[i + 3].toInt() and 0xff)
        }
        for (t in 16 until 64) {
            val s0 = w[t - 15].rotateRight(7) xor w[t - 15].rotateRight(18) xor (w[t - 15] ushr 3)
            val s1 = w[t - 2].rotateRight(17) xor w[t - 2].rotateRight(19) xor (w[t - 2] ushr 10)
            w[t] = w[t - 16] + s0 + w[t - 7] + s1
        }

        var a = state[0]
        var b = state[1]
        var c = state[2]
        var d = state[3]
        var e = state[4]
        var f = state[5]
        var g = state[6]
        var h = state[7]

        for (t in 0 until 64) {
            val sigma1 = e.rotateRight(6) xor e.rotateRight(11) xor e.rotateRight(25)
            val choose = (e and f) xor (e.inv() and g)
            val temp1 = h + sigma1 + choose + K[t] + w[t]
            val sigma0 = a.rotateRight(2) xor a.rotateRight(13) xor a.rotateRight(22)
            val majority = (a and b) xor (a and c) xor (b and c)
            val temp2 = sigma0 + majority
            h = g
            g = f
            f = e
            e = d + temp1
            d = c
            c = b
            b = a
            a = temp1 + temp2
        }

        state[0] += a
        state[1] += b
        state[2] += c
        state[3] += d
        state[4] += e
        state[5] += f
        state[6] += g
        state[7] += h
    }

    companion object {
        const val BLOCK_SIZE = 64

        private val INITIAL_STATE: IntArray = longArrayOf(
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
            0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
        ).toIntArray()

        private val K: IntArray = longArrayOf(
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        ).toIntArray()

        private fun LongArray.toIntArray(): IntArray = IntArray(size) { this[it].toInt() }

        /** One-shot convenience used by the JS and Wasm actuals. */
        fun hash(bytes: ByteArray): ByteArray {
            val hasher = PureSha256()
            hasher.update(bytes)
            return hasher.digest()
        }
    }
}
