package io.dynamapper.inmemory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemMapTest {
    private final ItemCodec codec = new ItemCodec(new NameDictionary());

    private static Map<String, AttributeValue> item(int attributes) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < attributes; i++) {
            item.put("a" + i, AttributeValue.fromN(Integer.toString(i)));
        }
        return item;
    }

    @Test
    void behavesLikeAnImmutableMapInEncodingOrder() {
        Map<String, AttributeValue> original = item(5);
        Map<String, AttributeValue> decoded = codec.decode(codec.encode(original, "a3"));
        assertInstanceOf(ItemMap.class, decoded);
        assertEquals(original, decoded);
        assertEquals(decoded, original);
        assertEquals(original.hashCode(), decoded.hashCode());
        assertEquals(new HashMap<>(original), new HashMap<>(decoded));
        assertEquals(AttributeValue.fromN("2"), decoded.get(new String("a2")));
        assertTrue(decoded.containsKey("a4"));
        assertFalse(decoded.containsKey("a5"));
        assertNull(decoded.get("zz"));
        assertNull(decoded.get(42));
        assertEquals(List.of("a3", "a0", "a1", "a2", "a4"), new ArrayList<>(decoded.keySet()));
        List<String> seen = new ArrayList<>();
        decoded.forEach((k, v) -> seen.add(k + "=" + v.n()));
        assertEquals(List.of("a3=3", "a0=0", "a1=1", "a2=2", "a4=4"), seen);
        assertThrows(UnsupportedOperationException.class, () -> decoded.put("x", AttributeValue.fromS("x")));
        assertThrows(UnsupportedOperationException.class, () -> decoded.remove("a1"));
    }

    @Test
    void largeItemsDecodeToAnEqualImmutableMap() {
        Map<String, AttributeValue> original = item(ItemMap.MAX_SIZE + 1);
        Map<String, AttributeValue> decoded = codec.decode(codec.encode(original));
        assertFalse(decoded instanceof ItemMap);
        assertEquals(original, decoded);
        assertEquals(new ArrayList<>(original.keySet()), new ArrayList<>(decoded.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> decoded.put("x", AttributeValue.fromS("x")));
    }
}
