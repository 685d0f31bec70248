package io.dynamapper.inmemory;

import io.dynamapper.inmemory.internal.Errors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * A failure {@link Faults} can inject (into an {@link InMemoryDynamoDb}, or any client with
 * {@link Faults#decorate}), and the exception a real client would see for it.
 */
public enum Fault {
    /** {@code ProvisionedThroughputExceededException} (400); nothing is applied. */
    PROVISIONED_THROUGHPUT_EXCEEDED,
    /** {@code ThrottlingException} (400, error code "ThrottlingException"); nothing is applied. */
    THROTTLING,
    /**
     * A transaction conflict; nothing is applied. On TransactWriteItems and TransactGetItems: a
     * {@code TransactionCanceledException} whose first reason is {@code TransactionConflict} and the
     * others {@code None}; on other operations: a {@code TransactionConflictException}.
     */
    TRANSACTION_CONFLICT,
    /** {@code TransactionInProgressException} (400); nothing is applied. */
    TRANSACTION_IN_PROGRESS,
    /** {@code InternalServerErrorException} (500); nothing is applied. */
    INTERNAL_SERVER_ERROR,
    /** An {@code SdkClientException} caused by an {@link IOException} before the request is sent; nothing applied. */
    IO_ERROR_BEFORE_SEND,
    /**
     * The operation is applied, then an {@code SdkClientException} caused by an {@link IOException} is
     * thrown: the caller cannot know the outcome. (If the operation itself fails, that failure is thrown.)
     */
    IO_ERROR_AFTER_APPLY;

    /** The exception for this fault; {@code actions} is the transaction's action count (0 otherwise). */
    RuntimeException exception(int actions) {
        switch (this) {
            case PROVISIONED_THROUGHPUT_EXCEEDED:
                return Errors.provisionedThroughputExceeded();
            case THROTTLING:
                return Errors.throttling();
            case TRANSACTION_CONFLICT:
                if (actions > 0) {
                    List<CancellationReason> reasons = new ArrayList<>(actions);
                    reasons.add(CancellationReason.builder().code("TransactionConflict")
                            .message("Transaction is ongoing for the item").build());
                    for (int i = 1; i < actions; i++) {
                        reasons.add(CancellationReason.builder().code("None").build());
                    }
                    return Errors.transactionCanceled(reasons);
                }
                return TransactionConflictException.builder()
                        .message("Transaction is ongoing for the item (injected fault)").statusCode(400).build();
            case TRANSACTION_IN_PROGRESS:
                return Errors.transactionInProgress();
            case INTERNAL_SERVER_ERROR:
                return Errors.internalServerError();
            case IO_ERROR_BEFORE_SEND:
                return SdkClientException.builder().message("Unable to execute HTTP request: injected I/O error "
                        + "before sending").cause(new IOException("injected I/O error before sending")).build();
            default:
                return SdkClientException.builder().message("Unable to execute HTTP request: injected I/O error "
                        + "after the write was applied").cause(new IOException("injected connection reset")).build();
        }
    }
}
