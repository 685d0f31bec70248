package io.dynamapper.engine.internal.read;

import io.dynamapper.DynamapperException;
import io.dynamapper.Key;
import io.dynamapper.RetriesExhaustedException;
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
     * @throws DynamapperException if a key is null or invalid (before any request), or a request fails
     * @throws RetriesExhaustedException if keys stay unprocessed after every attempt
     */
    static <T> List<T> getAll(ReadContext ctx, EntityModel<T> model, Collection<Key> keys) {
        if (keys == null) {
            throw new DynamapperException("getAll(" + model.type().getSimpleName() + ", null): keys must not be null");
        }
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> distinct = new LinkedHashMap<>();
        int position = 0;
        for (Key key : keys) {
            Map<String, AttributeValue> converted;
            try {
                converted = model.key(key);
            } catch (DynamapperException e) {
                throw new DynamapperException("getAll(" + model.type().getSimpleName() + "): key #" + position + " "
                        + key + " is invalid: " + e.getMessage(), e);
            }
            distinct.putIfAbsent(identity(model, converted), converted);
            position++;
        }
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found =
                readItems(ctx, model, new ArrayList<>(distinct.values()));
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
     * The items of distinct table keys, by {@link #identity}; missing items are absent. Nothing is
     * handed to the session.
     */
    static Map<Map<String, AttributeValue>, Map<String, AttributeValue>> readItems(
            ReadContext ctx, EntityModel<?> model, List<Map<String, AttributeValue>> keys) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            readChunk(ctx, model, keys.subList(from, Math.min(keys.size(), from + MAX_KEYS)), found);
        }
        return found;
    }

    private static <T> void readChunk(ReadContext ctx, EntityModel<T> model, List<Map<String, AttributeValue>> chunk,
                                      Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found) {
        RetryBudget budget = ctx.budget().get();
        String table = model.tableName();
        List<Map<String, AttributeValue>> pending = chunk;
        List<Throwable> failures = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            BatchGetItemRequest request = BatchGetItemRequest.builder()
                    .requestItems(Map.of(table, KeysAndAttributes.builder()
                            .keys(pending).consistentRead(ctx.consistentReads()).build()))
                    .build();
            BatchGetItemResponse response = ReadFailures.send(ctx.checkOpen(), budget, "BatchGetItem", model, null,
                    () -> ctx.client().batchGetItem(request));
            List<Map<String, AttributeValue>> items = response.responses().getOrDefault(table, List.of());
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
