package io.dynamapper.inmemory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.*;

/**
 * TransactWriteItems and TransactGetItems: validate every action first, then, under the write lock,
 * check every condition; any failure cancels the whole transaction with one reason per action in request
 * order. {@code ClientRequestToken}s are remembered for 10 minutes of the fake's clock
 * ({@link IdempotencyTokens}).
 */
final class Transactions {
    private static final int MAX_ACTIONS = 100;
    /** The aggregate size of the items in a transaction may not exceed 4 MB. */
    private static final long MAX_REQUEST_BYTES = 4L * 1024 * 1024;

    private final Database engine;
    private final IdempotencyTokens tokens = new IdempotencyTokens();

    /** What an action leaves at its key: an item and its size, or nothing (a delete). */
    private record NewItem(Map<String, AttributeValue> item, long size) {
        static final NewItem NONE = new NewItem(null, 0);
    }

    /**
     * One validated action; {@code invalid} is the ValidationError reason of an action whose key does not
     * match its table's key schema (DynamoDB cancels the transaction with it, in the action's position).
     */
    private record Action(Database.PreparedWrite write, String kind, ReturnValuesOnConditionCheckFailure onFailure,
            String invalid) {
        Action(Database.PreparedWrite write, String kind, ReturnValuesOnConditionCheckFailure onFailure) {
            this(write, kind, onFailure, null);
        }
    }

    Transactions(Database engine) {
        this.engine = engine;
    }

    void forgetTokens() {
        tokens.clear();
    }

    TransactWriteItemsResponse write(TransactWriteItemsRequest r) {
        List<TransactWriteItem> items = r.hasTransactItems() ? r.transactItems() : List.of();
        checkCount(items.size());
        String token = r.clientRequestToken();
        if (token != null && (token.isEmpty() || token.length() > 36)) {
            throw Errors.validation("1 validation error detected: Value '" + token + "' at 'clientRequestToken' "
                    + "failed to satisfy constraint: Member must have length less than or equal to 36");
        }
        ReturnConsumedCapacity rcc = Capacity.mode(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString());
        boolean metrics = Capacity.metrics(r.returnItemCollectionMetrics(), r.returnItemCollectionMetricsAsString());
        List<Action> actions = new ArrayList<>(items.size());
        Set<List<Object>> seen = new HashSet<>();
        long requestBytes = 0;
        for (TransactWriteItem it : items) {
            checkWithoutTable(it);
        }
        for (TransactWriteItem it : items) {
            Action a = prepare(it);
            requestBytes += a.write() == null || a.write().item() == null ? 0 : a.write().itemSize();
            if (requestBytes > MAX_REQUEST_BYTES) {
                throw Errors.validation("Transaction size has exceeded the maximum allowed size of 4 MB");
            }
            if (a.invalid() != null) {
                actions.add(a);
                continue;
            }
            if (!seen.add(List.of(a.write().table().name, a.write().key()))) {
                throw Errors.validation("Transaction request cannot include multiple operations on one item");
            }
            actions.add(a);
        }
        Fingerprint request = token == null ? null : Fingerprint.of(items);
        engine.lock.writeLock().lock();
        try {
            Instant now = engine.clock().instant();
            if (token != null && tokens.isRetry(token, request, now)) {
                return TransactWriteItemsResponse.builder().build();
            }
            List<NewItem> news = new ArrayList<>(actions.size());
            List<CancellationReason> reasons = new ArrayList<>(actions.size());
            boolean failed = false;
            List<Map<String, AttributeValue>> olds = new ArrayList<>(actions.size());
            for (Action a : actions) {
                Database.PreparedWrite w = a.write();
                if (a.invalid() != null) {
                    reasons.add(CancellationReason.builder().code("ValidationError").message(a.invalid()).build());
                    news.add(NewItem.NONE);
                    olds.add(null);
                    failed = true;
                    continue;
                }
                Map<String, AttributeValue> old = a.kind().equals("Update") || rcc != ReturnConsumedCapacity.NONE
                        ? w.table().get(w.key()) : w.currentIfConditional();
                olds.add(old);
                CancellationReason reason = CancellationReason.builder().code("None").build();
                NewItem next = NewItem.NONE;
                if (!Database.conditionHolds(w, old)) {
                    CancellationReason.Builder b = CancellationReason.builder().code("ConditionalCheckFailed")
                            .message("The conditional request failed");
                    if (a.onFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD && old != null) {
                        b.item(old);
                    }
                    reason = b.build();
                    failed = true;
                } else {
                    try {
                        if (a.kind().equals("Put")) {
                            next = new NewItem(w.item(), w.itemSize());
                        } else if (a.kind().equals("Update")) {
                            Database.Updated updated = Database.applyUpdate(w, old);
                            next = new NewItem(updated.item(), updated.size());
                        }
                    } catch (DynamoDbException e) {
                        reason = CancellationReason.builder().code("ValidationError")
                                .message(e.awsErrorDetails().errorMessage()).build();
                        failed = true;
                    }
                }
                reasons.add(reason);
                news.add(next);
            }
            if (failed) {
                throw Errors.transactionCanceled(reasons);
            }
            Capacity.Meters meters = new Capacity.Meters();
            for (int i = 0; i < actions.size(); i++) {
                Action a = actions.get(i);
                Database.PreparedWrite w = a.write();
                Capacity.Meter m = meters.of(w.table().name);
                if (!a.kind().equals("ConditionCheck")) {
                    if (rcc != ReturnConsumedCapacity.NONE) {
                        Capacity.chargeWrite(m, w.table(), olds.get(i), news.get(i).item(), 2);
                    }
                    w.table().write(w.key(), news.get(i).item(), news.get(i).size());
                } else if (rcc != ReturnConsumedCapacity.NONE) {
                    Map<String, AttributeValue> checked = olds.get(i);
                    m.table(2 * Capacity.write(checked == null ? 0 : ItemSizer.of(checked)));
                }
            }
            if (token != null) {
                tokens.remember(token, request, now);
            }
            TransactWriteItemsResponse.Builder b = TransactWriteItemsResponse.builder()
                    .consumedCapacity(meters.build(rcc));
            if (metrics) {
                Map<String, List<ItemCollectionMetrics>> collections = new java.util.LinkedHashMap<>();
                for (Action a : actions) {
                    Database.PreparedWrite w = a.write();
                    ItemCollectionMetrics c = a.kind().equals("ConditionCheck") ? null
                            : Capacity.collection(w.table(), w.key());
                    if (c != null) {
                        collections.computeIfAbsent(w.table().name, k -> new ArrayList<>()).add(c);
                    }
                }
                b.itemCollectionMetrics(collections);
            }
            return b.build();
        } finally {
            engine.lock.writeLock().unlock();
        }
    }

    private static void checkCount(int n) {
        if (n < 1 || n > MAX_ACTIONS) {
            throw Errors.validation("1 validation error detected: Value at 'transactItems' failed to satisfy "
                    + "constraint: Member must have length " + (n < 1 ? "greater than or equal to 1"
                    : "less than or equal to " + MAX_ACTIONS));
        }
    }

    /** DynamoDB validates the whole request before it looks any table up. */
    private static void checkWithoutTable(TransactWriteItem it) {
        if (it.put() != null) {
            Put p = it.put();
            // the item's values are checked when the action is prepared (no need to validate them twice)
            Database.check(p.tableName(), null, false, null, p.conditionExpression(), p.expressionAttributeNames(),
                    p.expressionAttributeValues());
        } else if (it.update() != null) {
            Update u = it.update();
            Database.check(u.tableName(), null, false, u.updateExpression(), u.conditionExpression(),
                    u.expressionAttributeNames(), u.expressionAttributeValues());
        } else if (it.delete() != null) {
            Delete d = it.delete();
            Database.check(d.tableName(), null, false, null, d.conditionExpression(), d.expressionAttributeNames(),
                    d.expressionAttributeValues());
        } else if (it.conditionCheck() != null) {
            ConditionCheck c = it.conditionCheck();
            Database.check(c.tableName(), null, false, null, c.conditionExpression(), c.expressionAttributeNames(),
                    c.expressionAttributeValues());
        }
    }

    private Action prepare(TransactWriteItem it) {
        int set = (it.put() != null ? 1 : 0) + (it.update() != null ? 1 : 0) + (it.delete() != null ? 1 : 0)
                + (it.conditionCheck() != null ? 1 : 0);
        if (set != 1) {
            throw Errors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        if (it.put() != null) {
            Put p = it.put();
            String invalid = p.item() == null ? null : Validation.itemKeyProblem(engine.table(p.tableName()), p.item());
            if (invalid != null) {
                return invalidAction(p.tableName(), invalid);
            }
            return new Action(engine.preparePut(p.tableName(), p.item(), p.conditionExpression(),
                    p.expressionAttributeNames(), p.expressionAttributeValues()), "Put",
                    p.returnValuesOnConditionCheckFailure());
        }
        if (it.update() != null) {
            Update u = it.update();
            if (u.updateExpression() == null) {
                throw Errors.validation("1 validation error detected: Value null at 'transactItems.update."
                        + "updateExpression' failed to satisfy constraint: Member must not be null");
            }
            String invalid = Validation.keyProblem(engine.table(u.tableName()), u.key());
            if (invalid != null) {
                return invalidAction(u.tableName(), invalid);
            }
            return new Action(engine.prepareKeyed(u.tableName(), u.key(), u.updateExpression(),
                    u.conditionExpression(), u.expressionAttributeNames(), u.expressionAttributeValues()), "Update",
                    u.returnValuesOnConditionCheckFailure());
        }
        if (it.delete() != null) {
            Delete d = it.delete();
            String invalid = Validation.keyProblem(engine.table(d.tableName()), d.key());
            if (invalid != null) {
                return invalidAction(d.tableName(), invalid);
            }
            return new Action(engine.prepareKeyed(d.tableName(), d.key(), null, d.conditionExpression(),
                    d.expressionAttributeNames(), d.expressionAttributeValues()), "Delete",
                    d.returnValuesOnConditionCheckFailure());
        }
        ConditionCheck c = it.conditionCheck();
        if (c.conditionExpression() == null) {
            throw Errors.validation("1 validation error detected: Value null at 'transactItems.conditionCheck."
                    + "conditionExpression' failed to satisfy constraint: Member must not be null");
        }
        String invalid = Validation.keyProblem(engine.table(c.tableName()), c.key());
        if (invalid != null) {
            return invalidAction(c.tableName(), invalid);
        }
        return new Action(engine.prepareKeyed(c.tableName(), c.key(), null, c.conditionExpression(),
                c.expressionAttributeNames(), c.expressionAttributeValues()), "ConditionCheck",
                c.returnValuesOnConditionCheckFailure());
    }

    /** An action whose key does not match the schema: cancelled with a ValidationError reason. */
    private Action invalidAction(String tableName, String reason) {
        StoredTable t = engine.table(tableName);
        return new Action(new Database.PreparedWrite(t, Map.of(), null, 0, null, null, null), "Invalid", null,
                reason);
    }

    TransactGetItemsResponse get(TransactGetItemsRequest r) {
        List<TransactGetItem> items = r.hasTransactItems() ? r.transactItems() : List.of();
        checkCount(items.size());
        ReturnConsumedCapacity rcc = Capacity.mode(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString());
        record Read(StoredTable table, Map<String, AttributeValue> key, List<List<Object>> projection) {
        }
        List<Read> reads = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        List<CancellationReason> invalid = new ArrayList<>();
        boolean anyInvalid = false;
        for (TransactGetItem it : items) {
            Get g = it.get();
            if (g == null) {
                throw Errors.validation("TransactItems can only contain Get");
            }
            StoredTable t = engine.table(g.tableName());
            String problem = Validation.keyProblem(t, g.key());
            if (problem != null) {
                invalid.add(CancellationReason.builder().code("ValidationError").message(problem).build());
                anyInvalid = true;
                continue;
            }
            invalid.add(CancellationReason.builder().code("None").build());
            Map<String, AttributeValue> key = Validation.key(t, g.key());
            if (!seen.add(List.of(t.name, key))) {
                throw Errors.validation("Transaction request cannot include multiple operations on one item");
            }
            reads.add(new Read(t, key, Database.projection(g.projectionExpression(), g.expressionAttributeNames(), null)));
        }
        if (anyInvalid) {
            throw Errors.transactionCanceled(invalid);
        }
        List<ItemResponse> out = new ArrayList<>(reads.size());
        Capacity.Meters meters = new Capacity.Meters();
        engine.lock.readLock().lock();
        try {
            for (Read read : reads) {
                Map<String, AttributeValue> item = read.table().get(read.key());
                meters.of(read.table().name).table(2 * Capacity.read(item == null ? 0 : ItemSizer.of(item), true));
                ItemResponse.Builder b = ItemResponse.builder();
                if (item != null) {
                    b.item(read.projection() == null ? item : Projector.project(item, read.projection()));
                }
                out.add(b.build());
            }
        } finally {
            engine.lock.readLock().unlock();
        }
        return TransactGetItemsResponse.builder().responses(out).consumedCapacity(meters.build(rcc)).build();
    }
}
