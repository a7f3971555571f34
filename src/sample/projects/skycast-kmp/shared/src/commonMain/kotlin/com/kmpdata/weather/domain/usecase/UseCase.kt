package com.kmpdata.weather.domain.usecase

/**
 * A single unit of business logic with one input and one output.
 */
interface UseCase<in P, out R> {
    suspend operator fun invoke(params: P): R
}

/**
 * Base class for use cases that need input validation before running.
 */
abstract class ValidatingUseCase<in P, out R> : UseCase<P, R> {

    /** Returns an error message if [params] are invalid, otherwise `null`. */
    protected abstract fun validate(params: P): String?

    /** Executes the use case with already validated [params]. */
    protected abstract suspend fun execute(params: P): R

    final override suspend fun invoke(params: P): R {
        val error = validate(params)
        require(error == null) { error.orEmpty() }
        return execute(params)
    }
}
