package io.dynamapper;

/**
 * A commit (or a whole unit of work) failed on every attempt the {@link RetryPolicy} allowed.
 *
 * <p>The cause is the last failure; every earlier failure is attached with
 * {@link Throwable#addSuppressed(Throwable)}, oldest first.
 */
public class RetriesExhaustedException extends DynamapperException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    /** Creates the exception after {@code attempts} attempts that ended with {@code lastFailure}. */
    public RetriesExhaustedException(String message, int attempts, Throwable lastFailure) {
        super(message, lastFailure);
        this.attempts = attempts;
    }

    /** How many attempts were made. */
    public int attempts() {
        return attempts;
    }
}
