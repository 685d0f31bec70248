package io.dynamapper.inmemory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/**
 * One table: its schema, its items (a {@link Store} of encoded items) and its secondary indexes, kept
 * consistent by {@link #write}. Guarded by the fake's lock.
 */
final class StoredTable {
    final String name;
    final String hashKey;
    final String rangeKey;
    /** Replaced (never mutated) by UpdateTable when an index adds attribute definitions. */
    Map<String, String> attributeTypes;
    List<AttributeDefinition> attributeDefinitions;
    final List<KeySchemaElement> keySchema;
    /** Changed by UpdateTable ({@link TableUpdates}). */
    BillingMode billingMode;
    ProvisionedThroughput throughput;
    final Instant created;
    final List<Index> indexes;
    final ItemCodec codec = new ItemCodec(new NameDictionary());
    final Store store;
    final int hashId;
    final int rangeId;
    long sizeBytes;
    String ttlAttribute;
    /** UpdateTable, tagging and streams state of this table ({@link TableUpdates}, {@link Tagging}). */
    final TableExtras extras = new TableExtras();

    /** A secondary index: its key, projection and a store of references to the table's encoded items. */
    static final class Index {
        final String name;
        final boolean global;
        final String hashKey;
        final String rangeKey;
        final List<KeySchemaElement> keySchema;
        final Projection projection;
        /** Changed by UpdateTable's GSI Update action and billing mode changes. */
        ProvisionedThroughput throughput;
        final Set<String> projected;
        final Store store;
        final int hashId;
        final int rangeId;

        Index(StoredTable t, String name, boolean global, List<KeySchemaElement> keySchema, Projection projection,
                ProvisionedThroughput throughput) {
            this.name = name;
            this.global = global;
            this.keySchema = List.copyOf(keySchema);
            this.hashKey = keyName(keySchema, KeyType.HASH);
            this.rangeKey = keyName(keySchema, KeyType.RANGE);
            this.projection = projection;
            this.throughput = throughput;
            Set<String> p = new LinkedHashSet<>();
            p.add(t.hashKey);
            if (t.rangeKey != null) {
                p.add(t.rangeKey);
            }
            p.add(hashKey);
            if (rangeKey != null) {
                p.add(rangeKey);
            }
            if (projection.projectionType() == ProjectionType.INCLUDE && projection.nonKeyAttributes() != null) {
                p.addAll(projection.nonKeyAttributes());
            }
            this.projected = Set.copyOf(p);
            NameDictionary names = t.codec.names();
            this.hashId = names.idOf(hashKey);
            this.rangeId = rangeKey == null ? -1 : names.idOf(rangeKey);
            List<Integer> ties = new ArrayList<>();
            for (String k : new String[] {t.hashKey, t.rangeKey}) {
                if (k != null && !k.equals(hashKey) && !k.equals(rangeKey)) {
                    ties.add(names.idOf(k));
                }
            }
            this.store = new Store(hashId, rangeId, ties.stream().mapToInt(Integer::intValue).toArray());
        }

        boolean projectsAll() {
            return projection.projectionType() == ProjectionType.ALL;
        }

        /** Whether the encoded item appears in this index (it has the index key attributes). */
        boolean contains(byte[] item) {
            return ItemCodec.find(item, hashId) >= 0 && (rangeId < 0 || ItemCodec.find(item, rangeId) >= 0);
        }

        /** Keeps the projected attributes of a decoded item. */
        Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
            if (projectsAll()) {
                return item;
            }
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            for (String a : projected) {
                AttributeValue v = item.get(a);
                if (v != null) {
                    out.put(a, v);
                }
            }
            return out;
        }
    }

    StoredTable(String name, List<KeySchemaElement> keySchema, List<AttributeDefinition> definitions,
            BillingMode billingMode, ProvisionedThroughput throughput, Instant created) {
        this.name = name;
        this.keySchema = List.copyOf(keySchema);
        this.attributeDefinitions = List.copyOf(definitions);
        this.hashKey = keyName(keySchema, KeyType.HASH);
        this.rangeKey = keyName(keySchema, KeyType.RANGE);
        Map<String, String> types = new LinkedHashMap<>();
        for (AttributeDefinition d : definitions) {
            types.put(d.attributeName(), d.attributeTypeAsString());
        }
        this.attributeTypes = Map.copyOf(types);
        this.billingMode = billingMode;
        this.throughput = throughput;
        this.created = created;
        this.indexes = new ArrayList<>();
        this.hashId = codec.names().idOf(hashKey);
        this.rangeId = rangeKey == null ? -1 : codec.names().idOf(rangeKey);
        this.store = new Store(hashId, rangeId);
    }

    static String keyName(List<KeySchemaElement> schema, KeyType type) {
        for (KeySchemaElement e : schema) {
            if (e.keyType() == type) {
                return e.attributeName();
            }
        }
        return null;
    }

    Index index(String indexName) {
        for (Index i : indexes) {
            if (i.name.equals(indexName)) {
                return i;
            }
        }
        return null;
    }

    Set<String> keyNames() {
        return rangeKey == null ? Set.of(hashKey) : Set.of(hashKey, rangeKey);
    }

    /** Encodes a (validated) key or item with the key attributes first. */
    byte[] encode(Map<String, AttributeValue> item) {
        return codec.encode(item, hashKey, rangeKey);
    }

    byte[] getEncoded(Map<String, AttributeValue> key) {
        return store.get(encode(key));
    }

    Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        byte[] b = getEncoded(key);
        return b == null ? null : codec.decode(b);
    }

    /**
     * Replaces the item at {@code key}, if any, by {@code newItem} (null deletes it), maintaining indexes,
     * size and count. {@code newSize} is the new item's DynamoDB size.
     */
    void write(Map<String, AttributeValue> key, Map<String, AttributeValue> newItem, long newSize) {
        write(key, newItem, newSize, false);
    }

    /**
     * As {@link #write(Map, Map, long)}; {@code byService} marks a deletion DynamoDB itself made (time to
     * live) in the table's stream record.
     */
    void write(Map<String, AttributeValue> key, Map<String, AttributeValue> newItem, long newSize, boolean byService) {
        byte[] old;
        if (newItem == null) {
            old = store.remove(encode(key));
        } else {
            byte[] encoded = encode(newItem);
            old = store.put(encoded);
            for (Index i : indexes) {
                if (old != null && i.contains(old)) {
                    i.store.remove(old);
                }
                if (i.contains(encoded)) {
                    i.store.put(encoded);
                }
            }
            sizeBytes += newSize;
        }
        if (old != null) {
            if (newItem == null) {
                for (Index i : indexes) {
                    if (i.contains(old)) {
                        i.store.remove(old);
                    }
                }
            }
            sizeBytes -= codec.size(old);
        }
        if (extras.stream != null) {
            TableStreams.record(this, key, old == null ? null : codec.decode(old), newItem, byService);
        }
    }

    long itemCount() {
        return store.itemCount();
    }
}
