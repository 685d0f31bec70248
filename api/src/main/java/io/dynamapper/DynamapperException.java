package io.dynamapper;

/**
 * The root of every exception Dynamapper throws. Unchecked: a failed commit or a mapping mistake is
 * not something a caller can usually recover from at the call site.
 *
 * <p>Messages name what failed (entity class, key, attribute, version) and, where there is one,
 * what to do about it. When the cause is an AWS SDK exception it is attached as the cause.
 */
public class DynamapperException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what failed and what to do about it
     */
    public DynamapperException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the exception that caused it.
     *
     * @param message what failed and what to do about it
     * @param cause the failure behind it, typically an AWS SDK exception
     */
    public DynamapperException(String message, Throwable cause) {
        super(message, cause);
    }
}
