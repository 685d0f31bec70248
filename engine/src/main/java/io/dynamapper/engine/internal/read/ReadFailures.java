package io.dynamapper.engine.internal.read;

import io.dynamapper.DynamapperException;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.RetryEvent;
import io.dynamapper.engine.internal.commit.Failures;
import java.util.ArrayList;
import java.util.List;
import io.dynamapper.engine.internal.listener.Listeners;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.retry.RetryBudget;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Sends a read request and turns an SDK failure into a {@link DynamapperException} naming what was read. */
final class ReadFailures {
    private ReadFailures() {
    }

    /**
     * Runs one read request after {@code checkOpen} (the session's check that it is still open),
     * retrying what is transient — throttling, 5xx, I/O errors and timeouts: a read changes nothing,
     * so it is always safe to send again — while the unit of work's {@code budget} lasts.
     *
     * @param listeners told of each retry
     * @param operation "GetItem", "Query", "Scan", "BatchGetItem", for messages
     * @param index the index read, or null for the table
     * @throws RetriesExhaustedException if the budget ran out, earlier failures suppressed
     * @throws DynamapperException if DynamoDB rejected the request, or the thread was interrupted
     *     while waiting to retry
     */
    static <R> R send(Runnable checkOpen, RetryBudget budget, Listeners listeners, String operation,
                      EntityModel<?> model, String index, Supplier<R> request) {
        List<SdkException> failures = new ArrayList<>(0);
        for (int attempt = 1; ; attempt++) {
            checkOpen.run();
            try {
                return request.get();
            } catch (SdkException e) {
                Failures.Kind kind = Failures.classify(e);
                if (kind != Failures.Kind.TRANSIENT && kind != Failures.Kind.UNKNOWN_OUTCOME) {
                    throw suppressing(wrap(operation, model, index, e), failures);
                }
                boolean retry;
                try {
                    retry = budget.awaitRetry();
                } catch (InterruptedException interrupted) {
                    throw suppressing(new DynamapperException(describe(operation, model, index)
                            + " was interrupted while waiting to retry: " + e.getMessage(), e), failures);
                }
                if (!retry) {
                    throw suppressing(new RetriesExhaustedException(describe(operation, model, index) + " failed on "
                            + attempt + " attempt(s), and the unit of work's retry budget ("
                            + budget.policy().maxAttempts() + " attempts) is spent: " + e.getMessage(), attempt, e),
                            failures);
                }
                failures.add(e);
                listeners.retry(RetryEvent.Operation.READ, e, attempt, model.tableName());
            }
        }
    }

    private static <E extends RuntimeException> E suppressing(E e, List<SdkException> earlier) {
        earlier.forEach(e::addSuppressed);
        return e;
    }

    private static String describe(String operation, EntityModel<?> model, String index) {
        return operation + " on table '" + model.tableName() + "'" + (index == null ? "" : " index '" + index + "'")
                + " (" + model.type().getSimpleName() + ")";
    }

    /** Whether DynamoDB refused {@code Select.ALL_ATTRIBUTES} on a global index that does not project ALL. */
    static boolean isProjectionError(Throwable e) {
        return e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && "ValidationException".equals(service.awsErrorDetails().errorCode())
                && String.valueOf(service.getMessage()).contains("ALL_ATTRIBUTES");
    }

    static DynamapperException wrap(String operation, EntityModel<?> model, String index, SdkException e) {
        String what = describe(operation, model, index);
        if (e instanceof ResourceNotFoundException) {
            return new DynamapperException(what + " failed: the table" + (index == null ? "" : " or index")
                    + " does not exist or is not active; create it with SchemaManager.createTable("
                    + model.type().getSimpleName() + ".class, ...)", e);
        }
        if (index != null && isProjectionError(e)) {
            return new DynamapperException(what + " failed: index '" + index + "' does not project all attributes, "
                    + "so it cannot return whole " + model.type().getSimpleName() + " entities; create the index "
                    + "with projection ALL (SchemaManager does)", e);
        }
        return new DynamapperException(what + " failed: " + e.getMessage(), e);
    }
}
