package io.dynamapper.engine.internal.commit;

import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/** Sorts the failures of a write request into what the commit does next. */
public final class Failures {
    /** Cancellation reason codes of a transaction that are worth retrying as they are. */
    private static final Set<String> TRANSIENT_REASONS = Set.of("TransactionConflict", "ThrottlingError",
            "ProvisionedThroughputExceeded", "None");
    private static final Set<String> THROTTLING_CODES = Set.of("ThrottlingException", "Throttling",
            "RequestLimitExceeded", "ProvisionedThroughputExceededException", "TooManyRequestsException");

    private Failures() {
    }

    /** What a failure means for the commit. */
    public enum Kind {
        /** A condition did not hold: a conflict (or, after an unknown outcome, maybe our own write). */
        CONDITION_FAILED,
        /**
         * Nothing was applied; retrying the same request may succeed (throttling, a transaction
         * conflict, a connection that could not be made).
         */
        TRANSIENT,
        /**
         * The request may or may not have been applied (an I/O error after the connection was made,
         * a timeout, a 5xx); retrying may succeed.
         */
        UNKNOWN_OUTCOME,
        /** DynamoDB rejected the request (validation, missing table, access): retrying will not help. */
        FATAL
    }

    /** Classifies a failure of PutItem, UpdateItem, DeleteItem or TransactWriteItems. */
    public static Kind classify(Throwable failure) {
        if (failure instanceof ConditionalCheckFailedException) {
            return Kind.CONDITION_FAILED;
        }
        if (failure instanceof TransactionCanceledException canceled) {
            return classifyCancellation(canceled);
        }
        if (failure instanceof TransactionInProgressException
                || failure instanceof TransactionConflictException // a single write hit an item in a transaction
                || failure instanceof ProvisionedThroughputExceededException
                || failure instanceof RequestLimitExceededException) {
            return Kind.TRANSIENT;
        }
        if (failure instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
            if (code != null && THROTTLING_CODES.contains(code)) {
                return Kind.TRANSIENT;
            }
        }
        if (failure instanceof SdkServiceException service) {
            if (service.isThrottlingException()) {
                return Kind.TRANSIENT;
            }
            if (service.statusCode() >= 500) {
                return Kind.UNKNOWN_OUTCOME;
            }
            return Kind.FATAL;
        }
        if (failure instanceof SdkClientException) {
            // a connection never made: nothing was sent. Other I/O errors, ApiCallTimeoutException and
            // ApiCallAttemptTimeoutException may come after the request was written.
            return neverSent(failure) ? Kind.TRANSIENT : Kind.UNKNOWN_OUTCOME;
        }
        return Kind.FATAL;
    }

    /** Whether the cause shows the connection was never made, so the request cannot have been sent. */
    private static boolean neverSent(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure.getCause(); t != null && depth < 10; t = t.getCause(), depth++) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private static Kind classifyCancellation(TransactionCanceledException canceled) {
        if (!canceled.hasCancellationReasons() || canceled.cancellationReasons().isEmpty()) {
            return Kind.FATAL;
        }
        List<CancellationReason> reasons = canceled.cancellationReasons();
        boolean retryable = false;
        for (CancellationReason reason : reasons) {
            String code = reason.code();
            if ("ConditionalCheckFailed".equals(code)) {
                return Kind.CONDITION_FAILED;
            }
        }
        for (CancellationReason reason : reasons) {
            String code = reason.code();
            if (code == null || !TRANSIENT_REASONS.contains(code)) {
                return Kind.FATAL;
            }
            if (!"None".equals(code)) {
                retryable = true;
            }
        }
        return retryable ? Kind.TRANSIENT : Kind.FATAL;
    }
}
