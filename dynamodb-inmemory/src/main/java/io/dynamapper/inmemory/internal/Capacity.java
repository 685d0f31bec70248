package io.dynamapper.inmemory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;

/**
 * The capacity DynamoDB charges, as the developer guide states it: reads in 4 KB units (half a unit per
 * 4 KB for an eventually consistent read), writes in 1 KB units, at least one unit per item, transactional
 * operations doubled. A write also charges each secondary index whose stored entry it changes: one write
 * to put, update or delete the entry, two when the index key changes (delete the old entry, put the new
 * one), nothing when the entry stays the same or the item is in the index neither before nor after.
 * Query and Scan are charged for the total size of the items read, before any filter or projection,
 * rounded up once. Also the item collection metrics DynamoDB returns for tables with a local secondary
 * index.
 */
final class Capacity {
    private static final double READ_UNIT = 4096;
    private static final double WRITE_UNIT = 1024;
    private static final double GB = 1024.0 * 1024 * 1024;

    private Capacity() {
    }

    /** The ReturnConsumedCapacity of a request, checked against DynamoDB's enum; NONE when absent. */
    static ReturnConsumedCapacity mode(ReturnConsumedCapacity value, String raw) {
        if (raw == null) {
            return ReturnConsumedCapacity.NONE;
        }
        Enums.check(value, raw, "returnConsumedCapacity", "[INDEXES, TOTAL, NONE]");
        return value;
    }

    /** Whether ReturnItemCollectionMetrics asks for SIZE, checked against DynamoDB's enum. */
    static boolean metrics(ReturnItemCollectionMetrics value, String raw) {
        if (raw == null) {
            return false;
        }
        Enums.check(value, raw, "returnItemCollectionMetrics", "[SIZE, NONE]");
        return value == ReturnItemCollectionMetrics.SIZE;
    }

    /** Read units for {@code bytes} read at once (at least one unit). */
    static double read(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / READ_UNIT));
        return consistent ? units : units / 2;
    }

    /** Write units for an item of {@code bytes} (at least one unit). */
    static double write(long bytes) {
        return Math.max(1, Math.ceil(bytes / WRITE_UNIT));
    }

    /** The capacity consumed on one table and its indexes by one request. */
    static final class Meter {
        private final String table;
        private double tableUnits;
        private final Map<String, Double> global = new LinkedHashMap<>();
        private final Map<String, Double> local = new LinkedHashMap<>();

        Meter(String table) {
            this.table = table;
        }

        String table() {
            return table;
        }

        void table(double units) {
            tableUnits += units;
        }

        void index(StoredTable.Index index, double units) {
            (index.global ? global : local).merge(index.name, units, Double::sum);
        }

        /** Adds what an inner request reported with {@code INDEXES} (PartiQL runs its statements as requests). */
        void add(ConsumedCapacity c) {
            if (c == null) {
                return;
            }
            if (c.table() != null) {
                tableUnits += c.table().capacityUnits();
            }
            if (c.hasGlobalSecondaryIndexes()) {
                c.globalSecondaryIndexes().forEach((k, v) -> global.merge(k, v.capacityUnits(), Double::sum));
            }
            if (c.hasLocalSecondaryIndexes()) {
                c.localSecondaryIndexes().forEach((k, v) -> local.merge(k, v.capacityUnits(), Double::sum));
            }
        }

        double total() {
            double total = tableUnits;
            for (double d : global.values()) {
                total += d;
            }
            for (double d : local.values()) {
                total += d;
            }
            return total;
        }

        /** The ConsumedCapacity to return, or null for NONE. */
        ConsumedCapacity build(ReturnConsumedCapacity mode) {
            if (mode == null || mode == ReturnConsumedCapacity.NONE) {
                return null;
            }
            ConsumedCapacity.Builder b = ConsumedCapacity.builder().tableName(table).capacityUnits(total());
            if (mode == ReturnConsumedCapacity.INDEXES) {
                if (tableUnits > 0 || (global.isEmpty() && local.isEmpty())) {
                    b.table(c -> c.capacityUnits(tableUnits));
                }
                if (!global.isEmpty()) {
                    b.globalSecondaryIndexes(capacities(global));
                }
                if (!local.isEmpty()) {
                    b.localSecondaryIndexes(capacities(local));
                }
            }
            return b.build();
        }

        private static Map<String, software.amazon.awssdk.services.dynamodb.model.Capacity> capacities(
                Map<String, Double> units) {
            Map<String, software.amazon.awssdk.services.dynamodb.model.Capacity> out = new LinkedHashMap<>();
            units.forEach((k, v) -> out.put(k,
                    software.amazon.awssdk.services.dynamodb.model.Capacity.builder().capacityUnits(v).build()));
            return out;
        }
    }

    /** Meters of several tables (batches, transactions) in the order the request names them. */
    static final class Meters {
        private final Map<String, Meter> meters = new LinkedHashMap<>();

        Meter of(String table) {
            return meters.computeIfAbsent(table, Meter::new);
        }

        /** The list to return, or null for NONE. */
        List<ConsumedCapacity> build(ReturnConsumedCapacity mode) {
            if (mode == null || mode == ReturnConsumedCapacity.NONE) {
                return null;
            }
            List<ConsumedCapacity> out = new ArrayList<>();
            for (Meter m : meters.values()) {
                out.add(m.build(mode));
            }
            return out;
        }
    }

    /**
     * Charges a write that replaces {@code old} by {@code next} (either may be null: a new item, a delete)
     * to the table and its indexes, times {@code factor} (2 in a transaction).
     */
    static void chargeWrite(Meter m, StoredTable t, Map<String, AttributeValue> old, Map<String, AttributeValue> next,
            int factor) {
        long oldSize = old == null ? 0 : ItemSizer.of(old);
        long newSize = next == null ? 0 : ItemSizer.of(next);
        m.table(factor * write(Math.max(oldSize, newSize)));
        for (StoredTable.Index i : t.indexes) {
            Map<String, AttributeValue> before = entry(i, old);
            Map<String, AttributeValue> after = entry(i, next);
            double units;
            if (before == null && after == null) {
                continue;
            } else if (before == null) {
                units = write(ItemSizer.of(after));
            } else if (after == null) {
                units = write(ItemSizer.of(before));
            } else if (!Objects.equals(before.get(i.hashKey), after.get(i.hashKey))
                    || (i.rangeKey != null && !Objects.equals(before.get(i.rangeKey), after.get(i.rangeKey)))) {
                units = write(ItemSizer.of(before)) + write(ItemSizer.of(after));
            } else if (sameEntry(before, after)) {
                continue;
            } else {
                units = write(Math.max(ItemSizer.of(before), ItemSizer.of(after)));
            }
            m.index(i, factor * units);
        }
    }

    /** The entry an item has in an index (its projection), or null when the item is not in the index. */
    static Map<String, AttributeValue> entry(StoredTable.Index i, Map<String, AttributeValue> item) {
        if (item == null || item.get(i.hashKey) == null || (i.rangeKey != null && item.get(i.rangeKey) == null)) {
            return null;
        }
        return i.project(item);
    }

    private static boolean sameEntry(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
            AttributeValue o = b.get(e.getKey());
            if (o == null || !AttributeSemantics.equal(e.getValue(), o) || !sameType(e.getValue(), o)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameType(AttributeValue a, AttributeValue b) {
        return Objects.equals(AttributeSemantics.type(a), AttributeSemantics.type(b));
    }

    /**
     * The item collection metrics of a write to {@code key}'s partition: only for a table with a local
     * secondary index (else null). The estimate is the range of whole gigabytes the collection (the
     * partition's items and their local index entries) falls in, e.g. {@code [0.0, 1.0]}.
     */
    static ItemCollectionMetrics collection(StoredTable t, Map<String, AttributeValue> key) {
        boolean hasLocal = false;
        for (StoredTable.Index i : t.indexes) {
            hasLocal |= !i.global;
        }
        if (!hasLocal) {
            return null;
        }
        AttributeValue hash = key.get(t.hashKey);
        long bytes = 0;
        Store.Partition p = t.store.partition(t.codec.encode(Map.of(t.hashKey, hash), t.hashKey));
        if (p != null) {
            for (int n = 0; n < p.size(); n++) {
                Map<String, AttributeValue> item = t.codec.decode(p.get(n));
                bytes += ItemSizer.of(item);
                for (StoredTable.Index i : t.indexes) {
                    Map<String, AttributeValue> e = i.global ? null : entry(i, item);
                    if (e != null) {
                        bytes += ItemSizer.of(e);
                    }
                }
            }
        }
        double low = Math.floor(bytes / GB);
        return ItemCollectionMetrics.builder().itemCollectionKey(Map.of(t.hashKey, hash))
                .sizeEstimateRangeGB(low, low + 1).build();
    }
}
