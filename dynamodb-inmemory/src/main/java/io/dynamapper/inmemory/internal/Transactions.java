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

    private final Database engine;
    private final IdempotencyTokens tokens = new IdempotencyTokens();

    /** What an action leaves at its key: an item and its size, or nothing (a delete). */
    private record NewItem(Map<String, AttributeValue> item, long size) {
        static final NewItem NONE = new NewItem(null, 0);
    }

    private record Action(Database.PreparedWrite write, String kind, ReturnValuesOnConditionCheckFailure onFailure) {
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
        List<Action> actions = new ArrayList<>(items.size());
        Set<List<Object>> seen = new HashSet<>();
        for (TransactWriteItem it : items) {
            Action a = prepare(it);
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
            for (Action a : actions) {
                Database.PreparedWrite w = a.write();
                Map<String, AttributeValue> old = a.kind().equals("Update") ? w.table().get(w.key())
                        : w.currentIfConditional();
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
            for (int i = 0; i < actions.size(); i++) {
                Action a = actions.get(i);
                Database.PreparedWrite w = a.write();
                if (!a.kind().equals("ConditionCheck")) {
                    w.table().write(w.key(), news.get(i).item(), news.get(i).size());
                }
            }
            if (token != null) {
                tokens.remember(token, request, now);
            }
            return TransactWriteItemsResponse.builder().build();
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

    private Action prepare(TransactWriteItem it) {
        int set = (it.put() != null ? 1 : 0) + (it.update() != null ? 1 : 0) + (it.delete() != null ? 1 : 0)
                + (it.conditionCheck() != null ? 1 : 0);
        if (set != 1) {
            throw Errors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        if (it.put() != null) {
            Put p = it.put();
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
            return new Action(engine.prepareKeyed(u.tableName(), u.key(), u.updateExpression(),
                    u.conditionExpression(), u.expressionAttributeNames(), u.expressionAttributeValues()), "Update",
                    u.returnValuesOnConditionCheckFailure());
        }
        if (it.delete() != null) {
            Delete d = it.delete();
            return new Action(engine.prepareKeyed(d.tableName(), d.key(), null, d.conditionExpression(),
                    d.expressionAttributeNames(), d.expressionAttributeValues()), "Delete",
                    d.returnValuesOnConditionCheckFailure());
        }
        ConditionCheck c = it.conditionCheck();
        if (c.conditionExpression() == null) {
            throw Errors.validation("1 validation error detected: Value null at 'transactItems.conditionCheck."
                    + "conditionExpression' failed to satisfy constraint: Member must not be null");
        }
        return new Action(engine.prepareKeyed(c.tableName(), c.key(), null, c.conditionExpression(),
                c.expressionAttributeNames(), c.expressionAttributeValues()), "ConditionCheck",
                c.returnValuesOnConditionCheckFailure());
    }

    TransactGetItemsResponse get(TransactGetItemsRequest r) {
        List<TransactGetItem> items = r.hasTransactItems() ? r.transactItems() : List.of();
        checkCount(items.size());
        record Read(StoredTable table, Map<String, AttributeValue> key, List<List<Object>> projection) {
        }
        List<Read> reads = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (TransactGetItem it : items) {
            Get g = it.get();
            if (g == null) {
                throw Errors.validation("TransactItems can only contain Get");
            }
            StoredTable t = engine.table(g.tableName());
            Map<String, AttributeValue> key = Validation.key(t, g.key());
            if (!seen.add(List.of(t.name, key))) {
                throw Errors.validation("Transaction request cannot include multiple operations on one item");
            }
            reads.add(new Read(t, key, Database.projection(g.projectionExpression(), g.expressionAttributeNames(), null)));
        }
        List<ItemResponse> out = new ArrayList<>(reads.size());
        engine.lock.readLock().lock();
        try {
            for (Read read : reads) {
                Map<String, AttributeValue> item = read.table().get(read.key());
                ItemResponse.Builder b = ItemResponse.builder();
                if (item != null) {
                    b.item(read.projection() == null ? item : Projector.project(item, read.projection()));
                }
                out.add(b.build());
            }
        } finally {
            engine.lock.readLock().unlock();
        }
        return TransactGetItemsResponse.builder().responses(out).build();
    }
}
