package io.dynamapper;

/**
 * A commit (or a whole unit of work) failed on every attempt the {@link RetryPolicy} allowed.
 *
 * <p>The cause is the last failure; every earlier failure is attached with
 * {@link Throwable#addSuppressed(Throwable)}, oldest first.
 */
public class RetriesExhaustedException extends DynamapperException {
    private static final long serialVersionUID = 1L;

    /** How many attempts were made. */
    private final int attempts;

    /**
     * Creates the exception after {@code attempts} attempts that ended with {@code lastFailure}.
     *
     * @param message what was tried
     * @param attempts how many attempts were made
     * @param lastFailure the failure of the last attempt
     */
    public RetriesExhaustedException(String message, int attempts, Throwable lastFailure) {
        super(message, lastFailure);
        this.attempts = attempts;
    }

    /**
     * How many attempts were made.
     *
     * @return the number of attempts, at least 1
     */
    public int attempts() {
        return attempts;
    }
}
