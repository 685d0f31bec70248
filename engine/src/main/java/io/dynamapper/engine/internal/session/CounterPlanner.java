package io.dynamapper.engine.internal.session;

import io.dynamapper.CounterLimitException;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.engine.internal.commit.ItemSize;
import io.dynamapper.engine.internal.commit.Write;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.EntityModel.CounterModel;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Plans the update of a managed entity with {@code @Counter} fields: each changed counter is an
 * {@code ADD #c :delta} (delta = value now - value read), with a condition per bound that keeps the
 * stored value within it. If counters are the only change, the update carries no version condition
 * and does not bump the version (only {@code attribute_exists} of the key, so that it cannot
 * recreate a deleted item); with other changes, the usual versioned update gains the ADDs.
 *
 * <p>A counter write is not idempotent ({@link Write#idempotent()}): the executor sends it in a
 * transaction with a request token even alone, so that a retry after a lost response cannot add
 * the delta twice.
 */
final class CounterPlanner {
    private static final String HASH = "#ch";

    private CounterPlanner() {
    }

    /** A counter whose value changed, and by how much. */
    record Delta(CounterModel counter, BigDecimal read, BigDecimal delta) {
        /** The bound the delta moves towards, if the counter has one there. */
        BigDecimal bound() {
            if (delta.signum() < 0) {
                return counter.hasMin() ? BigDecimal.valueOf(counter.min()) : null;
            }
            return counter.hasMax() ? BigDecimal.valueOf(counter.max()) : null;
        }
    }

    /** The changed counters of an entry whose value now is not null, in declaration order. */
    static List<Delta> deltas(Entry e, List<PropertyModel> changed) {
        List<Delta> deltas = null;
        for (CounterModel c : e.model.counters()) {
            PropertyModel p = c.property();
            if (!changed.contains(p)) {
                continue;
            }
            AttributeValue now = p.encode(p.read(e.instance));
            if (now == null) {
                continue; // cleared: written as a REMOVE, on the version
            }
            AttributeValue read = e.model.dirty().snapshotValue(e.snapshot, p);
            BigDecimal before = read == null ? BigDecimal.ZERO : new BigDecimal(read.n());
            BigDecimal delta = new BigDecimal(now.n()).subtract(before);
            if (deltas == null) {
                deltas = new ArrayList<>(2);
            }
            deltas.add(new Delta(c, before, delta));
        }
        return deltas == null ? List.of() : deltas;
    }

    /** The write of a changed managed entity that has counters. */
    static Write update(Entry e, List<PropertyModel> changed) {
        List<Delta> deltas = deltas(e, changed);
        if (deltas.isEmpty()) {
            return WritePlanner.update(e, changed);
        }
        List<PropertyModel> others = new ArrayList<>(changed);
        for (Delta d : deltas) {
            others.remove(d.counter().property());
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder add = new StringBuilder("ADD ");
        StringBuilder bounds = new StringBuilder();
        long addBytes = 0;
        for (int i = 0; i < deltas.size(); i++) {
            Delta d = deltas.get(i);
            String name = "#c" + i;
            String value = ":c" + i;
            names.put(name, d.counter().property().attributeName());
            AttributeValue delta = AttributeValue.fromN(d.delta().toPlainString());
            values.put(value, delta);
            addBytes += ItemSize.utf8Length(d.counter().property().attributeName()) + ItemSize.valueSize(delta);
            if (i > 0) {
                add.append(", ");
            }
            add.append(name).append(' ').append(value);
            BigDecimal bound = d.bound();
            if (bound != null) {
                // stored + delta >= min  <=>  stored >= min - delta (and <= for max); a missing counter is 0
                String limit = ":cl" + i;
                BigDecimal threshold = bound.subtract(d.delta());
                values.put(limit, AttributeValue.fromN(threshold.toPlainString()));
                String op = d.delta().signum() < 0 ? " >= " : " <= ";
                boolean zeroFits = d.delta().signum() < 0 ? BigDecimal.ZERO.compareTo(threshold) >= 0
                        : BigDecimal.ZERO.compareTo(threshold) <= 0;
                if (bounds.length() > 0) {
                    bounds.append(" AND ");
                }
                bounds.append(zeroFits ? "(attribute_not_exists(" + name + ") OR " + name + op + limit + ")"
                        : name + op + limit);
            }
        }
        if (others.isEmpty()) {
            names.put(HASH, e.model.hashKey().attributeName());
            String condition = "attribute_exists(" + HASH + ")" + (bounds.length() == 0 ? "" : " AND " + bounds);
            long size = (e.storedSize < 0 ? ItemSize.of(e.model.toItem(e.instance)) : e.storedSize) + addBytes;
            return new Write.Update(e.model.type(), e.model.keys().keyValue(e.id.key()), e.model.tableName(),
                    e.id.key(), add.toString(), condition, names, values, Map.of(), List.of(), null, null,
                    "counter update of an existing item" + (bounds.length() == 0 ? "" : " within bounds"), Map.of(),
                    size);
        }
        Write.Update base = WritePlanner.update(e, others);
        names.putAll(base.names());
        values.putAll(base.values());
        String condition = base.conditionExpression();
        if (bounds.length() > 0) {
            condition = condition == null ? bounds.toString() : "(" + condition + ") AND " + bounds;
        }
        String expression = base.updateExpression().isEmpty() ? add.toString() : base.updateExpression() + " " + add;
        return new Write.Update(base.entityType(), base.key(), base.tableName(), base.keyAttributes(),
                expression, condition, names, values, base.written(), base.removed(), base.versionAttribute(),
                base.expectedVersion(), base.reason() + (bounds.length() == 0 ? "" : " and counters within bounds"),
                base.expectedOld(), base.size() + addBytes);
    }

    /**
     * Turns a failed commit's conflict into a {@link CounterLimitException} when a counter write's
     * condition failed on an existing item whose counter, plus the delta, would cross a bound;
     * otherwise returns the conflict as it is.
     */
    static RuntimeException limitOrConflict(OptimisticLockException conflict, List<Write> writes, List<Entry> owners) {
        Throwable cause = conflict.getCause();
        for (int i = 0; i < writes.size(); i++) {
            Entry e = owners.get(i);
            if (e.model.counters().isEmpty() || !(writes.get(i) instanceof Write.Update)) {
                continue;
            }
            Map<String, AttributeValue> stored = storedItem(cause, i, writes.size());
            if (stored == null) {
                continue;
            }
            for (Delta d : deltas(e, e.model.dirty().changed(e.snapshot, e.instance))) {
                BigDecimal bound = d.bound();
                if (bound == null) {
                    continue;
                }
                AttributeValue value = stored.get(d.counter().property().attributeName());
                BigDecimal after = (value == null || value.n() == null ? BigDecimal.ZERO : new BigDecimal(value.n()))
                        .add(d.delta());
                if (d.delta().signum() < 0 ? after.compareTo(bound) < 0 : after.compareTo(bound) > 0) {
                    CounterLimitException limit = new CounterLimitException(e.model.type(),
                            e.model.keys().keyValue(e.id.key()), d.counter().property().fieldName(), d.delta(), bound);
                    limit.initCause(conflict);
                    return limit;
                }
            }
        }
        return conflict;
    }

    private static Map<String, AttributeValue> storedItem(Throwable cause, int index, int count) {
        if (cause instanceof TransactionCanceledException canceled && canceled.hasCancellationReasons()
                && index < canceled.cancellationReasons().size()) {
            CancellationReason reason = canceled.cancellationReasons().get(index);
            return "ConditionalCheckFailed".equals(reason.code()) && reason.hasItem() && !reason.item().isEmpty()
                    ? reason.item() : null;
        }
        if (cause instanceof ConditionalCheckFailedException failed && count == 1) {
            return failed.hasItem() && !failed.item().isEmpty() ? failed.item() : null;
        }
        return null;
    }

    /** Whether a write is a counter-only update, which leaves the version as it is. */
    static boolean keepsVersion(EntityModel<?> model, Write write) {
        return write instanceof Write.Update && model.version().isPresent() && write.versionAttribute() == null;
    }
}
