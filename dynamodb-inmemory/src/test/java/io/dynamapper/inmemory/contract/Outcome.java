package io.dynamapper.inmemory.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The normalised result of a contract case on one backend: either what the case returned
 * ({@link Success}) or the error it raised ({@link Failure}). Two backends agree on a case when
 * their outcomes render to the same text.
 */
sealed interface Outcome {

    /** The canonical text two backends must agree on. */
    String render();

    static Outcome success(Object value) {
        return new Success(Normalizer.render(value));
    }

    /** Normalises an error: exception class, error code, status and (for transactions) reasons. */
    static Failure failure(Throwable error) {
        return failure(error, false);
    }

    /**
     * Normalises an error; with {@code messages}, also the error message and the cancellation reasons'
     * messages (for cases that assert DynamoDB's wording, where it is stable).
     */
    static Failure failure(Throwable error, boolean messages) {
        if (error instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
            List<Object> reasons = null;
            if (error instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()) {
                reasons = new ArrayList<>();
                for (CancellationReason reason : cancelled.cancellationReasons()) {
                    Map<String, Object> r = new TreeMap<>();
                    r.put("code", reason.code());
                    if (messages && reason.message() != null) {
                        r.put("message", reason.message());
                    }
                    if (reason.hasItem()) {
                        r.put("item", reason.item());
                    }
                    reasons.add(r);
                }
            }
            Object item = error instanceof ConditionalCheckFailedException failed && failed.hasItem()
                    ? failed.item() : null;
            String message = messages && aws.awsErrorDetails() != null ? aws.awsErrorDetails().errorMessage() : null;
            return new Failure(error.getClass().getSimpleName(), code, aws.statusCode(),
                    reasons == null ? null : Normalizer.render(reasons),
                    item == null ? null : Normalizer.render(item), message, error);
        }
        return new Failure(error.getClass().getSimpleName(), null, 0, null, null, messages ? error.getMessage() : null,
                error);
    }

    /** A case that completed; {@code value} is the rendered, normalised value it returned. */
    record Success(String value) implements Outcome {
        @Override
        public String render() {
            return value;
        }
    }

    /**
     * A case whose operation under test failed.
     *
     * @param exception simple name of the exception class
     * @param errorCode {@code awsErrorDetails().errorCode()}, null for a non-AWS exception
     * @param status    HTTP status code, 0 for a non-AWS exception
     * @param reasons   rendered cancellation reasons of a {@code TransactionCanceledException}
     * @param item      rendered item of a {@code ConditionalCheckFailedException}
     * @param message   the error message, only for cases that assert it (else null)
     * @param cause     the exception itself, for reports only (never compared)
     */
    record Failure(String exception, String errorCode, int status, String reasons, String item, String message,
                   Throwable cause) implements Outcome {

        /** A failure whose message is not compared. */
        Failure(String exception, String errorCode, int status, String reasons, String item, Throwable cause) {
            this(exception, errorCode, status, reasons, item, null, cause);
        }

        @Override
        public String render() {
            StringBuilder text = new StringBuilder("error ").append(exception)
                    .append(" code=").append(errorCode).append(" status=").append(status);
            if (reasons != null) {
                text.append(" reasons=").append(reasons);
            }
            if (item != null) {
                text.append(" item=").append(item);
            }
            if (message != null) {
                text.append(" message=").append(Normalizer.render(message));
            }
            return text.toString();
        }
    }
}
