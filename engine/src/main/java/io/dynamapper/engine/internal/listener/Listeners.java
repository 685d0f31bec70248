package io.dynamapper.engine.internal.listener;

import static java.util.Objects.requireNonNull;

import io.dynamapper.CommitEvent;
import io.dynamapper.DynamapperListener;
import io.dynamapper.ReadEvent;
import io.dynamapper.RetryEvent;
import io.dynamapper.engine.internal.mapping.EntityModel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * The listeners of a factory, called in registration order. With none, every method returns at once
 * and builds no event. A listener that throws is logged and skipped. Immutable and thread-safe.
 */
public final class Listeners {
    /** Holds the logger apart, so that SLF4J starts only when a listener fails, not with every factory. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(DynamapperListener.class);
    }
    private static final Listeners NONE = new Listeners(new DynamapperListener[0]);

    private final DynamapperListener[] listeners;

    private Listeners(DynamapperListener[] listeners) {
        this.listeners = listeners;
    }

    /** No listener. */
    public static Listeners none() {
        return NONE;
    }

    /**
     * These listeners, in this order.
     *
     * @throws NullPointerException if the list or one of its listeners is null
     */
    public static Listeners of(List<DynamapperListener> listeners) {
        DynamapperListener[] array = listeners.toArray(new DynamapperListener[0]);
        for (DynamapperListener l : array) {
            requireNonNull(l, "listener == null");
        }
        return array.length == 0 ? NONE : new Listeners(array);
    }

    /** Whether there is no listener (then building an event is wasted work). */
    public boolean isEmpty() {
        return listeners.length == 0;
    }

    /** Tells every listener about a commit. */
    public void commit(CommitEvent event) {
        for (DynamapperListener l : listeners) {
            try {
                l.onCommit(event);
            } catch (RuntimeException e) {
                Log.LOG.warn("Listener {} failed on {}; ignored", l, event, e);
            }
        }
    }

    /**
     * Tells every listener about a read that started at {@code startNanos} ({@link System#nanoTime()}).
     */
    public void read(ReadEvent.Operation operation, EntityModel<?> model, int items, ReadEvent.Cache cache,
                     long startNanos) {
        if (listeners.length == 0) {
            return;
        }
        ReadEvent event = new ReadEvent(operation, model.tableName(), model.type(), items, cache,
                Duration.ofNanos(System.nanoTime() - startNanos));
        for (DynamapperListener l : listeners) {
            try {
                l.onRead(event);
            } catch (RuntimeException e) {
                Log.LOG.warn("Listener {} failed on {}; ignored", l, event, e);
            }
        }
    }

    /** Tells every listener that a request is retried after {@code failure} ended attempt {@code attempt}. */
    public void retry(RetryEvent.Operation operation, Throwable failure, int attempt, String table) {
        retry(operation, reasonOf(failure), attempt, table);
    }

    /** Tells every listener that something is retried after attempt {@code attempt} failed. */
    public void retry(RetryEvent.Operation operation, RetryEvent.Reason reason, int attempt, String table) {
        if (listeners.length == 0) {
            return;
        }
        RetryEvent event = new RetryEvent(operation, reason, attempt, Optional.ofNullable(table));
        for (DynamapperListener l : listeners) {
            try {
                l.onRetry(event);
            } catch (RuntimeException e) {
                Log.LOG.warn("Listener {} failed on {}; ignored", l, event, e);
            }
        }
    }

    /** Why a transient failure of a request is retried. */
    static RetryEvent.Reason reasonOf(Throwable failure) {
        if (failure instanceof TransactionConflictException || failure instanceof TransactionInProgressException) {
            return RetryEvent.Reason.TRANSACTION_CONFLICT;
        }
        if (failure instanceof TransactionCanceledException canceled && canceled.hasCancellationReasons()) {
            boolean throttled = false;
            for (CancellationReason reason : canceled.cancellationReasons()) {
                if ("TransactionConflict".equals(reason.code())) {
                    return RetryEvent.Reason.TRANSACTION_CONFLICT;
                }
                throttled |= "ThrottlingError".equals(reason.code())
                        || "ProvisionedThroughputExceeded".equals(reason.code());
            }
            if (throttled) {
                return RetryEvent.Reason.THROTTLED;
            }
        }
        if (failure instanceof ProvisionedThroughputExceededException
                || failure instanceof RequestLimitExceededException
                || failure instanceof SdkServiceException service && service.isThrottlingException()
                || failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                        && String.valueOf(aws.awsErrorDetails().errorCode()).contains("Throttl")) {
            return RetryEvent.Reason.THROTTLED;
        }
        return RetryEvent.Reason.SERVER_OR_NETWORK;
    }
}
