package io.dynamapper;

/**
 * Told about commits, reads and retries, for metrics and tracing; register one with
 * {@code Dynamapper.builder().listener(...)}. Every method has an empty default.
 *
 * <p>Methods are called synchronously on the thread that did the work (reads of a parallel scan's
 * segments come from pool threads, so several calls may run at once): they must be quick,
 * thread-safe, and must not use the session. A listener that throws a {@link RuntimeException} is
 * logged (logger {@code io.dynamapper.DynamapperListener}, WARN) and ignored: it never breaks a
 * commit or a read.
 */
public interface DynamapperListener {
    /**
     * A commit ended, successfully or not. Not called for a commit with nothing to write.
     *
     * @param event what was committed and how it ended
     */
    default void onCommit(CommitEvent event) {
    }

    /**
     * A read was answered: by one request to DynamoDB, or by the second-level cache.
     *
     * @param event what was read
     */
    default void onRead(ReadEvent event) {
    }

    /**
     * A request is about to be sent again, or a unit of work re-run, after a failure that may pass.
     *
     * @param event what is retried and why
     */
    default void onRetry(RetryEvent event) {
    }
}
