package io.dynamapper.testkit.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-table dictionary of top-level attribute names, so stored items carry a small id instead of the
 * name. Mutated only under the fake's write lock; read under its read lock.
 */
final class NameDictionary {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    /** The id of {@code name}, assigning the next one if new. */
    int idOf(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = names.size();
            names.add(name);
            ids.put(name, id);
        }
        return id;
    }

    /** The id of {@code name}, or -1 if no stored item ever had it. */
    int existingId(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    String name(int id) {
        return names.get(id);
    }
}
