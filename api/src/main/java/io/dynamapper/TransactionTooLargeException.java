package io.dynamapper;

/**
 * A commit needs more writes (more than 100) or more bytes (more than 4 MB) than one DynamoDB
 * transaction allows. Thrown before anything is sent; the session keeps its pending changes, so the
 * caller can split the work across several commits.
 */
public class TransactionTooLargeException extends DynamapperException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message a message that names the counts
     */
    public TransactionTooLargeException(String message) {
        super(message);
    }
}
