package dev.kmpdata.crypto

/** A message authentication code. */
fun interface Mac {
    fun sign(message: ByteArray): ByteArray
}

/** HMAC-SHA256 as defined in RFC 2104. */
class Hmac(private val key: ByteArray) : Mac {

    private val innerPad: ByteArray
    private val outerPad: ByteArray

    init {
        val normalized = normalizeKey(key)
        innerPad = ByteArray(BLOCK_SIZE) { i -> (normalized[i].toInt() xor 0x36).toByte() }
        outerPad = ByteArray(BLOCK_SIZE) { i -> (normalized[i].toInt() xor 0x5c).toByte() }
    }

    override fun sign(message: ByteArray): ByteArray {
        val inner = Sha256.digest(innerPad + message)
        return Sha256.digest(outerPad + inner)
    }

    fun sign(message: String): ByteArray = sign(message.encodeToByteArray())

    fun verify(message: ByteArray, signature: ByteArray): Boolean =
        constantTimeEquals(sign(message), signature)

    private fun normalizeKey(raw: ByteArray): ByteArray {
        val shortened = if (raw.size > BLOCK_SIZE) Sha256.digest(raw) else raw
        return shortened.copyOf(BLOCK_SIZE)
    }

    companion object {
        const val BLOCK_SIZE = 64
    }
}
