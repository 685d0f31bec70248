package io.dynamapper.engine.internal.read;

import io.dynamapper.DynamapperException;
import io.dynamapper.Key;
import io.dynamapper.ReadEvent;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.RetryEvent;
import io.dynamapper.engine.internal.cache.SecondLevelCache;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import io.dynamapper.engine.internal.retry.RetryBudget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads many items by key with {@code BatchGetItem}: every key is validated and converted first,
 * duplicates collapse to one, requests carry at most 100 keys, and {@code UnprocessedKeys} (or a
 * throttled request) are retried with exponential backoff and full jitter while the unit of work's
 * {@link RetryBudget} lasts: every retry of every chunk, of either kind, takes one from it, so a
 * chunk never costs more than the budget's requests again.
 */
final class BatchGet {
    /** DynamoDB's limit of keys per BatchGetItem request. */
    static final int MAX_KEYS = 100;

    private BatchGet() {
    }

    /**
     * The entities of the keys, in the order of the keys, each once; missing items and items the
     * session skips (pending deletes) are left out.
     *
     * @throws NullPointerException if the keys or one of them is null
     * @throws IllegalArgumentException if a key does not fit the model (before any request)
     * @throws DynamapperException if a request fails
     * @throws RetriesExhaustedException if keys stay unprocessed after every attempt
     */
    static <T> List<T> getAll(ReadContext ctx, EntityModel<T> model, Collection<Key> keys) {
        java.util.Objects.requireNonNull(keys, "keys == null");
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> distinct = new LinkedHashMap<>();
        int position = 0;
        for (Key key : keys) {
            if (key == null) {
                throw new NullPointerException("keys[" + position + "] == null (getAll(" + model.type().getSimpleName()
                        + "))");
            }
            Map<String, AttributeValue> converted;
            try {
                converted = model.keys().key(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("getAll(" + model.type().getSimpleName() + "): key #" + position + " "
                        + key + " is invalid: " + e.getMessage(), e);
            }
            distinct.putIfAbsent(identity(model, converted), converted);
            position++;
        }
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = fromCache(ctx, model, distinct);
        List<T> result = new ArrayList<>(found.size());
        for (Map<String, AttributeValue> id : distinct.keySet()) {
            Map<String, AttributeValue> item = found.get(id);
            if (item != null) {
                T entity = ctx.loader().load(model, item);
                if (entity != null) {
                    result.add(entity);
                }
            }
        }
        return result;
    }

    /**
     * The items of distinct keys (by {@link #identity}): for an eventually consistent read of a cached
     * class, those the second-level cache holds, then the others read from DynamoDB (a key read and
     * not found is recorded as such in the cache).
     */
    private static Map<Map<String, AttributeValue>, Map<String, AttributeValue>> fromCache(ReadContext ctx,
            EntityModel<?> model, Map<Map<String, AttributeValue>, Map<String, AttributeValue>> distinct) {
        if (ctx.consistentReads() || !ctx.cache().caches(model)) {
            return readItems(ctx, model, new ArrayList<>(distinct.values()), ReadEvent.Cache.NONE);
        }
        long start = System.nanoTime();
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new HashMap<>();
        List<Map<String, AttributeValue>> missed = new ArrayList<>();
        int hits = 0;
        int known = 0;
        for (Map.Entry<Map<String, AttributeValue>, Map<String, AttributeValue>> e : distinct.entrySet()) {
            Map<String, AttributeValue> cached = ctx.cache().lookup(model, e.getValue());
            if (cached == null) {
                missed.add(e.getValue());
            } else {
                known++;
                if (cached != SecondLevelCache.ABSENT) {
                    found.put(e.getKey(), cached);
                    hits++;
                }
            }
        }
        if (known > 0) {
            ctx.listeners().read(ReadEvent.Operation.BATCH_GET, model, hits, ReadEvent.Cache.HIT, start);
        }
        if (!missed.isEmpty()) {
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> read =
                    readItems(ctx, model, missed, ReadEvent.Cache.MISS);
            for (Map<String, AttributeValue> key : missed) {
                if (!read.containsKey(identity(model, key))) {
                    ctx.cache().notFound(model, key);
                }
            }
            found.putAll(read);
        }
        return found;
    }

    /**
     * The items of distinct table keys, by {@link #identity}; missing items are absent. Nothing is
     * handed to the session; the items refresh the second-level cache.
     */
    static Map<Map<String, AttributeValue>, Map<String, AttributeValue>> readItems(
            ReadContext ctx, EntityModel<?> model, List<Map<String, AttributeValue>> keys) {
        return readItems(ctx, model, keys, ReadEvent.Cache.NONE);
    }

    private static Map<Map<String, AttributeValue>, Map<String, AttributeValue>> readItems(
            ReadContext ctx, EntityModel<?> model, List<Map<String, AttributeValue>> keys, ReadEvent.Cache use) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            readChunk(ctx, model, keys.subList(from, Math.min(keys.size(), from + MAX_KEYS)), found, use);
        }
        return found;
    }

    private static <T> void readChunk(ReadContext ctx, EntityModel<T> model, List<Map<String, AttributeValue>> chunk,
                                      Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found,
                                      ReadEvent.Cache use) {
        RetryBudget budget = ctx.budget().get();
        String table = model.tableName();
        List<Map<String, AttributeValue>> pending = chunk;
        List<Throwable> failures = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            BatchGetItemRequest request = BatchGetItemRequest.builder()
                    .requestItems(Map.of(table, KeysAndAttributes.builder()
                            .keys(pending).consistentRead(ctx.consistentReads()).build()))
                    .build();
            long start = System.nanoTime();
            BatchGetItemResponse response = ReadFailures.send(ctx.checkOpen(), budget, ctx.listeners(), "BatchGetItem",
                    model, null, () -> ctx.client().batchGetItem(request));
            List<Map<String, AttributeValue>> items = response.responses().getOrDefault(table, List.of());
            Reads.received(ctx, ReadEvent.Operation.BATCH_GET, model, items, true, use, start);
            for (Map<String, AttributeValue> item : items) {
                found.put(identity(model, item), item);
            }
            KeysAndAttributes unprocessed = response.hasUnprocessedKeys() ? response.unprocessedKeys().get(table) : null;
            if (unprocessed == null || !unprocessed.hasKeys() || unprocessed.keys().isEmpty()) {
                return;
            }
            pending = unprocessed.keys();
            DynamapperException failure = new DynamapperException(pending.size() + " of " + chunk.size()
                    + " keys were left unprocessed by BatchGetItem on table '" + table + "'");
            boolean retry;
            try {
                retry = budget.awaitRetry();
            } catch (InterruptedException e) {
                DynamapperException interrupted = new DynamapperException("getAll(" + model.type().getSimpleName()
                        + ") was interrupted while waiting to retry unprocessed keys", e);
                failures.forEach(interrupted::addSuppressed);
                throw interrupted;
            }
            if (!retry) {
                RetriesExhaustedException exhausted = new RetriesExhaustedException("getAll("
                        + model.type().getSimpleName() + "): " + pending.size() + " of " + chunk.size() + " keys of table '"
                        + table + "' were still unprocessed after " + attempt + " BatchGetItem request(s), and the unit "
                        + "of work's retry budget (" + budget.policy().maxAttempts() + " attempts) is spent; DynamoDB is "
                        + "throttling reads: raise the table's read capacity, or retry later", attempt, failure);
                failures.forEach(exhausted::addSuppressed);
                throw exhausted;
            }
            failures.add(failure);
            ctx.listeners().retry(RetryEvent.Operation.READ, RetryEvent.Reason.UNPROCESSED_KEYS, attempt, table);
        }
    }

    /**
     * The key attributes of an item (or key) with numbers in canonical form, so that a key given as
     * {@code 1.0} matches the item DynamoDB returns as {@code 1}, and such keys count as duplicates.
     */
    static Map<String, AttributeValue> identity(EntityModel<?> model, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> id = new HashMap<>(4);
        put(id, model.hashKey(), item);
        model.rangeKey().ifPresent(range -> put(id, range, item));
        return id;
    }

    private static void put(Map<String, AttributeValue> id, PropertyModel key, Map<String, AttributeValue> item) {
        AttributeValue value = item.get(key.attributeName());
        if (value != null && value.n() != null) {
            value = AttributeValue.fromN(new BigDecimal(value.n()).stripTrailingZeros().toPlainString());
        }
        id.put(key.attributeName(), value);
    }
}
