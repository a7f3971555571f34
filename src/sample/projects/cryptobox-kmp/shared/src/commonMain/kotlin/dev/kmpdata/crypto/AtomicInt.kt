package dev.kmpdata.crypto

/**
 * A minimal atomic integer.
 *
 * On the JVM and Android this is a type alias for
 * `java.util.concurrent.atomic.AtomicInteger`; native targets wrap
 * `kotlin.concurrent.AtomicInt` and JavaScript, being single threaded, uses a
 * plain field.
 *
 * @param initialValue the starting value.
 */
expect class AtomicInt(initialValue: Int) {
    /** Returns the current value. */
    fun get(): Int

    /** Sets the current value to [newValue]. */
    fun set(newValue: Int)

    /** Atomically increments and returns the new value. */
    fun incrementAndGet(): Int

    /** Atomically adds [delta] and returns the new value. */
    fun addAndGet(delta: Int): Int

    /**
     * Sets the value to [newValue] if it currently equals [expectedValue].
     * @return `true` if the update happened.
     */
    fun compareAndSet(expectedValue: Int, newValue: Int): Boolean
}

/**
 * Atomically applies [transform] to the current value, retrying on contention.
 */
inline fun AtomicInt.update(transform: (Int) -> Int): Int {
    while (true) {
        val current = get()
        val next = transform(current)
        if (compareAndSet(current, next)) return next
    }
}
