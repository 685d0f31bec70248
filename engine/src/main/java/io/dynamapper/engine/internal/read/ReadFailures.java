package io.dynamapper.engine.internal.read;

import io.dynamapper.DynamapperException;
import io.dynamapper.engine.internal.mapping.EntityModel;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Sends a read request and turns an SDK failure into a {@link DynamapperException} naming what was read. */
final class ReadFailures {
    private ReadFailures() {
    }

    /**
     * Runs one request after {@code checkOpen} (the session's check that it is still open).
     *
     * @param operation "Query", "Scan", "BatchGetItem", for messages
     * @param index the index read, or null for the table
     */
    static <R> R send(Runnable checkOpen, String operation, EntityModel<?> model, String index, Supplier<R> request) {
        checkOpen.run();
        try {
            return request.get();
        } catch (SdkException e) {
            throw wrap(operation, model, index, e);
        }
    }

    /** Whether DynamoDB refused {@code Select.ALL_ATTRIBUTES} on a global index that does not project ALL. */
    static boolean isProjectionError(Throwable e) {
        return e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && "ValidationException".equals(service.awsErrorDetails().errorCode())
                && String.valueOf(service.getMessage()).contains("ALL_ATTRIBUTES");
    }

    static DynamapperException wrap(String operation, EntityModel<?> model, String index, SdkException e) {
        String what = operation + " on table '" + model.tableName() + "'" + (index == null ? "" : " index '" + index + "'")
                + " (" + model.type().getSimpleName() + ")";
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
