package io.dynamapper.engine.internal.read;

import io.dynamapper.DynamapperException;
import io.dynamapper.Key;
import io.dynamapper.Query;
import io.dynamapper.ReadEvent;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.Scan;
import io.dynamapper.engine.internal.cache.SecondLevelCache;
import io.dynamapper.engine.internal.mapping.EntityModel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The read side of a session: queries, scans and batch gets. Every item read is handed to the
 * session through {@link ReadContext#loader()} on the calling thread (the session returns its
 * managed instance, or null for a pending delete, which the read skips), and
 * {@link ReadContext#checkOpen()} runs before each request. {@link ReadContext#consistentReads()}
 * is the default of {@code ConsistentRead} (global secondary indexes are always read eventually
 * consistent). SDK failures become {@link DynamapperException}s naming the table and entity, with
 * the SDK exception as the cause.
 */
public final class Reads {
    private Reads() {
    }

    /** A new query of the model's table (or one of its indexes); sends nothing until a terminal call. */
    public static <T> Query<T> query(ReadContext ctx, EntityModel<T> model) {
        return new DefaultQuery<>(Objects.requireNonNull(ctx, "ctx == null"), Objects.requireNonNull(model, "model == null"));
    }

    /** A new scan of the model's table; sends nothing until a terminal call. */
    public static <T> Scan<T> scan(ReadContext ctx, EntityModel<T> model) {
        return new DefaultScan<>(Objects.requireNonNull(ctx, "ctx == null"), Objects.requireNonNull(model, "model == null"));
    }

    /**
     * The entities of the keys, in the order of the keys; missing keys are skipped, a key given twice
     * yields its entity once (at its first position), and entities come through {@code ctx.loader()}.
     * Reads with {@code BatchGetItem} in chunks of 100 keys, retrying unprocessed keys with backoff
     * within the unit of work's retry budget.
     *
     * @throws NullPointerException if the keys or one of them is null
     * @throws IllegalArgumentException if a key does not fit the model's key fields (before any
     *     request is sent)
     * @throws DynamapperException if a request fails
     * @throws RetriesExhaustedException if keys are still unprocessed when the retry budget is spent
     */
    public static <T> List<T> getAll(ReadContext ctx, EntityModel<T> model, Collection<Key> keys) {
        return BatchGet.getAll(Objects.requireNonNull(ctx, "ctx == null"), Objects.requireNonNull(model, "model == null"),
                keys);
    }

    /**
     * The item with this key, read with the session's consistency and retried when transient.
     *
     * @return the item, or empty if there is none
     */
    public static Optional<Map<String, AttributeValue>> getItem(ReadContext ctx, EntityModel<?> model,
                                                                Map<String, AttributeValue> key) {
        return getItem(ctx, model, key, ctx.consistentReads());
    }

    /**
     * The item with this key, read strongly consistent or not, and retried when transient. An
     * eventually consistent read of a cached class answers from the second-level cache when it holds
     * the key; a request's result refreshes the cache; listeners are told either way.
     *
     * @return the item, or empty if there is none
     */
    public static Optional<Map<String, AttributeValue>> getItem(ReadContext ctx, EntityModel<?> model,
                                                                Map<String, AttributeValue> key, boolean consistent) {
        long start = System.nanoTime();
        SecondLevelCache cache = ctx.cache();
        ReadEvent.Cache use = ReadEvent.Cache.NONE;
        if (!consistent && cache.caches(model)) {
            Map<String, AttributeValue> cached = cache.lookup(model, key);
            if (cached != null) {
                boolean found = cached != SecondLevelCache.ABSENT;
                ctx.listeners().read(ReadEvent.Operation.GET, model, found ? 1 : 0, ReadEvent.Cache.HIT, start);
                return found ? Optional.of(cached) : Optional.empty();
            }
            use = ReadEvent.Cache.MISS;
        }
        GetItemRequest request = GetItemRequest.builder().tableName(model.tableName()).key(key)
                .consistentRead(consistent).build();
        GetItemResponse response = ReadFailures.send(ctx.checkOpen(), ctx.budget().get(), ctx.listeners(), "GetItem",
                model, null, () -> ctx.client().getItem(request));
        boolean found = response.hasItem() && !response.item().isEmpty();
        if (found) {
            cache.read(model, response.item());
        } else {
            cache.notFound(model, key);
        }
        ctx.listeners().read(ReadEvent.Operation.GET, model, found ? 1 : 0, use, start);
        return found ? Optional.of(response.item()) : Optional.empty();
    }

    /**
     * After a request returned whole items of the model's table: refreshes their cache entries and
     * tells the listeners.
     */
    static void received(ReadContext ctx, ReadEvent.Operation operation, EntityModel<?> model,
                         List<Map<String, AttributeValue>> items, boolean whole, ReadEvent.Cache use, long start) {
        if (whole && !items.isEmpty() && ctx.cache().caches(model)) {
            for (Map<String, AttributeValue> item : items) {
                ctx.cache().read(model, item);
            }
        }
        ctx.listeners().read(operation, model, items.size(), use, start);
    }
}
