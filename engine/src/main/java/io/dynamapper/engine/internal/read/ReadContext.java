package io.dynamapper.engine.internal.read;

import io.dynamapper.engine.internal.retry.RetryBudget;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a read needs from its session.
 *
 * @param client the DynamoDB client
 * @param loader hands read items to the session's identity map
 * @param consistentReads whether the session asks for strongly consistent reads
 * @param budget the retry budget of the unit of work running on the calling thread, shared by every
 *     retry of a read (transient failures, unprocessed batch keys)
 * @param checkOpen called before each request; throws if the session was closed
 */
public record ReadContext(DynamoDbClient client, EntityLoader loader, boolean consistentReads,
                          Supplier<RetryBudget> budget, Runnable checkOpen) {
    /** Validates the components. */
    public ReadContext {
        Objects.requireNonNull(client, "client == null");
        Objects.requireNonNull(loader, "loader == null");
        Objects.requireNonNull(budget, "budget == null");
        Objects.requireNonNull(checkOpen, "checkOpen == null");
    }
}
