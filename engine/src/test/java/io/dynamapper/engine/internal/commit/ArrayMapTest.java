package io.dynamapper.engine.internal.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The placeholder map of a write behaves as the HashMap it replaces, in insertion order. */
class ArrayMapTest {
    @Test
    void behavesLikeAHashMapWithInsertionOrder() {
        ArrayMap<String> map = new ArrayMap<>(1); // grows past its capacity
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            assertNull(map.put("#a" + i, "name" + i));
            expected.put("#a" + i, "name" + i);
        }
        assertEquals("name3", map.put("#a3", "other"), "a key put again keeps its place, with the new value");
        expected.put("#a3", "other");
        assertEquals(expected, map);
        assertEquals(map, expected);
        assertEquals(new HashMap<>(expected).hashCode(), map.hashCode());
        assertEquals(10, map.size());
        assertEquals("other", map.get("#a3"));
        assertNull(map.get("#a10"));
        assertTrue(map.containsKey("#a9"));
        assertFalse(map.containsKey("#v"));
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(map.keySet()));
        List<String> seen = new ArrayList<>();
        map.forEach((k, v) -> seen.add(k + "=" + v));
        assertEquals(expected.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(), seen);
        assertEquals(expected, new LinkedHashMap<>(map), "copies as the SDK copies it");
    }

    @Test
    void rejectsNullsAndRemovals() {
        ArrayMap<String> map = new ArrayMap<>(2);
        map.put("#v", "version");
        assertThrows(NullPointerException.class, () -> map.put(null, "x"));
        assertThrows(NullPointerException.class, () -> map.put("#a", null));
        assertThrows(UnsupportedOperationException.class, () -> map.remove("#v"));
        assertThrows(UnsupportedOperationException.class, () -> map.entrySet().iterator().next().setValue("y"));
        assertThrows(IllegalArgumentException.class, () -> new ArrayMap<String>(-1));
    }
}
