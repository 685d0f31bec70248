package io.dynamapper.engine.internal.read;

import io.dynamapper.engine.internal.cache.SecondLevelCache;
import io.dynamapper.engine.internal.listener.Listeners;
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
 * @param cache the factory's second-level cache
 * @param listeners the factory's listeners, told of every read and retry
 */
public record ReadContext(DynamoDbClient client, EntityLoader loader, boolean consistentReads,
                          Supplier<RetryBudget> budget, Runnable checkOpen, SecondLevelCache cache,
                          Listeners listeners) {
    /** Validates the components. */
    public ReadContext {
        Objects.requireNonNull(client, "client == null");
        Objects.requireNonNull(loader, "loader == null");
        Objects.requireNonNull(budget, "budget == null");
        Objects.requireNonNull(checkOpen, "checkOpen == null");
        Objects.requireNonNull(cache, "cache == null");
        Objects.requireNonNull(listeners, "listeners == null");
    }

    /** A context without second-level cache and listeners. */
    public ReadContext(DynamoDbClient client, EntityLoader loader, boolean consistentReads,
                       Supplier<RetryBudget> budget, Runnable checkOpen) {
        this(client, loader, consistentReads, budget, checkOpen, SecondLevelCache.disabled(), Listeners.none());
    }
}
