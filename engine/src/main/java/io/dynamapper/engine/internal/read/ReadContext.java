package io.dynamapper.engine.internal.read;

import io.dynamapper.RetryPolicy;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a read needs from its session.
 *
 * @param client the DynamoDB client
 * @param loader hands read items to the session's identity map
 * @param consistentReads whether the session asks for strongly consistent reads
 * @param retryPolicy backoff for unprocessed keys of batch reads
 * @param checkOpen called before each request; throws if the session was closed
 */
public record ReadContext(DynamoDbClient client, EntityLoader loader, boolean consistentReads,
                          RetryPolicy retryPolicy, Runnable checkOpen) {
    /** Validates the components. */
    public ReadContext {
        Objects.requireNonNull(client, "client == null");
        Objects.requireNonNull(loader, "loader == null");
        Objects.requireNonNull(retryPolicy, "retryPolicy == null");
        Objects.requireNonNull(checkOpen, "checkOpen == null");
    }
}
