package io.dynamapper;

/**
 * An entity class cannot be mapped (no {@link Table}, no {@link HashKey}, an unsupported field
 * type, ...) or a stored item cannot be read into it (an attribute of the wrong DynamoDB type).
 *
 * <p>The message names the class and the field, and for read errors the table, key, attribute and
 * both types.
 */
public class MappingException extends DynamapperException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message the class, field and problem
     */
    public MappingException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message the class, field and problem
     * @param cause the failure behind it
     */
    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
