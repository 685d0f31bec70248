package io.dynamapper.inmemory.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Feeds a table's stream: one record per write that changed the item (none when the item stays equal as
 * DynamoDB compares values: numbers by value, sets in any order), called by {@link StoredTable#write}
 * under the fake's write lock, so records are in commit order.
 */
final class TableStreams {
    private TableStreams() {
    }

    static void record(StoredTable t, Map<String, AttributeValue> key, Map<String, AttributeValue> oldItem,
            Map<String, AttributeValue> newItem, boolean byService) {
        if (oldItem == null && newItem == null || oldItem != null && newItem != null && sameItem(oldItem, newItem)) {
            return;
        }
        Map<String, AttributeValue> source = newItem != null ? newItem : oldItem;
        Map<String, AttributeValue> keys = new LinkedHashMap<>(4);
        for (String k : t.keyNames()) {
            AttributeValue v = source.get(k);
            keys.put(k, v != null ? v : key.get(k));
        }
        StreamViewType view = t.extras.stream.viewType();
        long size = ItemSizer.of(keys);
        boolean withNew = view == StreamViewType.NEW_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean withOld = view == StreamViewType.OLD_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        if (withNew && newItem != null) {
            size += ItemSizer.of(newItem);
        }
        if (withOld && oldItem != null) {
            size += ItemSizer.of(oldItem);
        }
        t.extras.streams.append(t.extras.stream, keys, oldItem, newItem, size, byService);
    }

    static boolean sameItem(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
            AttributeValue other = b.get(e.getKey());
            if (other == null || !AttributeSemantics.equal(e.getValue(), other)) {
                return false;
            }
        }
        return true;
    }
}
