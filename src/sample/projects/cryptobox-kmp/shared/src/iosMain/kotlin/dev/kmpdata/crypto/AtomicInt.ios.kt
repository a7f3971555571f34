package dev.kmpdata.crypto

import kotlin.concurrent.AtomicInt as NativeAtomicInt

/**
 * Native implementation backed by `kotlin.concurrent.AtomicInt`, which is safe
 * to share between threads under the new memory model.
 */
@Suppress("EXPECT_ACTUAL_CLASSIFIERS_ARE_IN_BETA_WARNING")
actual class AtomicInt actual constructor(initialValue: Int) {
    private val delegate = NativeAtomicInt(initialValue)

    actual fun get(): Int = delegate.value

    actual fun set(newValue: Int) {
        delegate.value = newValue
    }

    actual fun incrementAndGet(): Int = delegate.incrementAndGet()

    actual fun addAndGet(delta: Int): Int = delegate.addAndGet(delta)

    actual fun compareAndSet(expectedValue: Int, newValue: Int): Boolean =
        delegate.compareAndSet(expectedValue, newValue)

    override fun toString(): String = "AtomicInt(${delegate.value})"
}
