package io.dynamapper.inmemory.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The storage of one partition against a {@link TreeMap} model: random inserts, replacements and
 * removals in one partition large enough for a B+tree of three levels, then every position, key
 * search and range bound compared with the model.
 */
class StoreTest {
    private final ItemCodec codec = new ItemCodec(new NameDictionary());
    private final Store store = new Store(codec.names().idOf("pk"), codec.names().idOf("sk"));

    private byte[] item(int sk, int version) {
        return codec.encode(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromN(Integer.toString(sk)),
                "v", AttributeValue.fromN(Integer.toString(version))), "pk", "sk");
    }

    private byte[] probe(int sk) {
        return codec.encode(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromN(Integer.toString(sk))),
                "pk", "sk");
    }

    private static int sk(Map<String, AttributeValue> item) {
        return Integer.parseInt(item.get("sk").n());
    }

    private void assertMatches(NavigableMap<Integer, byte[]> model) {
        assertEquals(model.size(), store.itemCount());
        Store.Partition p = store.partition(probe(0));
        assertNotNull(p);
        assertEquals(model.size(), p.size());
        List<Integer> keys = new ArrayList<>(model.keySet());
        for (int i = 0; i < keys.size(); i++) {
            assertSame(model.get(keys.get(i)), p.get(i), "item at position " + i);
        }
        for (int i = keys.size() - 1; i >= 0; i -= 7) {
            assertSame(model.get(keys.get(i)), p.get(i), "item at position " + i + ", read backwards");
        }
        for (int sk = -1; sk <= 2 * keys.size() + 1; sk += 3) {
            int at = Collections.binarySearch(keys, sk);
            int below = at >= 0 ? at : -at - 1;
            int atOrBelow = at >= 0 ? at + 1 : below;
            int found = store.search(p, probe(sk));
            assertEquals(model.containsKey(sk) ? below : -below - 1, found, "search for " + sk);
            assertEquals(below, store.lowerBound(p, probe(sk), true), "lower bound of " + sk);
            assertEquals(atOrBelow, store.lowerBound(p, probe(sk), false), "upper bound of " + sk);
            assertSame(model.get(sk), store.get(probe(sk)), "get " + sk);
        }
    }

    @Test
    void aLargePartitionInRandomOrderKeepsOrderPositionsAndBounds() {
        Random random = new Random(16);
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            keys.add(2 * i);
        }
        Collections.shuffle(keys, random);
        NavigableMap<Integer, byte[]> model = new TreeMap<>();
        for (int k : keys) {
            byte[] it = item(k, 1);
            assertNull(store.put(it));
            model.put(k, it);
        }
        Store.Partition p = store.partition(probe(0));
        assertTrue(p.height() >= 3, "20 000 items make a tree of at least three levels, not " + p.height());
        assertMatches(model);

        for (int i = 0; i < 2_000; i++) {
            int k = keys.get(random.nextInt(keys.size()));
            byte[] it = item(k, 2);
            assertSame(model.put(k, it), store.put(it), "replacing " + k);
        }
        Collections.shuffle(keys, random);
        for (int k : keys.subList(0, 15_000)) {
            assertSame(model.remove(k), store.remove(probe(k)), "removing " + k);
            assertNull(store.remove(probe(k)), "removing " + k + " twice");
        }
        assertNull(store.remove(probe(1)), "a key never stored");
        assertMatches(model);
    }

    @Test
    void ascendingInsertsFillTheLeavesAndRemovalsBackToSmallFlattenTheTree() {
        NavigableMap<Integer, byte[]> model = new TreeMap<>();
        for (int k = 0; k < 10_000; k++) {
            byte[] it = item(k, 1);
            store.put(it);
            model.put(k, it);
        }
        assertEquals(3, store.partition(probe(0)).height(), "full leaves of 128 under nodes of 64: three levels");
        assertMatches(model);
        for (int k = 0; k < 9_990; k++) {
            assertSame(model.remove(k), store.remove(probe(k)));
        }
        assertEquals(0, store.partition(probe(0)).height(), "a small partition is a flat array again");
        assertMatches(model);
        for (int k = 9_990; k < 9_999; k++) {
            store.remove(probe(k));
        }
        assertEquals(1, store.itemCount());
        assertArrayEquals(model.get(9_999), store.get(probe(9_999)));
        assertEquals(9_999, sk(codec.decode(store.partition(probe(0)).get(0))));
    }
}
