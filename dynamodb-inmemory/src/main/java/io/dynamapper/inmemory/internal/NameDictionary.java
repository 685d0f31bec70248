package io.dynamapper.inmemory.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-table dictionary of top-level attribute names, so stored items carry a small id instead of the
 * name. Safe for concurrent use: lookups are lock-free, new names are assigned under a monitor.
 */
final class NameDictionary {
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private volatile String[] names = new String[16];
    private int size;

    /** The id of {@code name}, assigning the next one if new. */
    int idOf(String name) {
        Integer id = ids.get(name);
        return id != null ? id : assign(name);
    }

    private synchronized int assign(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        String[] n = names;
        if (size == n.length) {
            n = Arrays.copyOf(n, size * 2);
        }
        n[size] = name;
        names = n;
        ids.put(name, size);
        return size++;
    }

    /** The id of {@code name}, or -1 if no stored item ever had it. */
    int existingId(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    String name(int id) {
        return names[id];
    }

    /** The UTF-8 length of name {@code id}, as DynamoDB counts it in an item's size. */
    int utf8Length(int id) {
        return ItemSizer.utf8Length(names[id]);
    }
}
