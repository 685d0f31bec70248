package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The identity-map key: equal exactly when table and key attributes are, with a hash computed once. */
class EntryKeyTest {
    private static Map<String, AttributeValue> key(String hash, AttributeValue h, String range, AttributeValue r) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(hash, h);
        key.put(range, r);
        return key;
    }

    @Test
    void equalKeysAreEqualWhateverTheMapOrder() {
        EntryKey a = new EntryKey("doom_map", key("episode", AttributeValue.fromN("1"), "map", AttributeValue.fromN("2")));
        EntryKey b = new EntryKey("doom_map", key("map", AttributeValue.fromN("2"), "episode", AttributeValue.fromN("1")));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        EntryKey bytes1 = new EntryKey("t", Map.of("k", AttributeValue.fromB(SdkBytes.fromUtf8String("x"))));
        EntryKey bytes2 = new EntryKey("t", Map.of("k", AttributeValue.fromB(SdkBytes.fromUtf8String("x"))));
        assertEquals(bytes1, bytes2);
        assertEquals(bytes1.hashCode(), bytes2.hashCode());
    }

    @Test
    void differentTablesTypesOrValuesAreDifferent() {
        EntryKey a = new EntryKey("doom_map", Map.of("id", AttributeValue.fromS("1")));
        assertNotEquals(a, new EntryKey("other_map", Map.of("id", AttributeValue.fromS("1"))));
        assertNotEquals(a, new EntryKey("doom_map", Map.of("id", AttributeValue.fromN("1"))), "a string is no number");
        assertNotEquals(a, new EntryKey("doom_map", Map.of("id", AttributeValue.fromS("2"))));
        assertNotEquals(a, new EntryKey("doom_map", Map.of("key", AttributeValue.fromS("1"))));
        assertEquals("doom_map", a.table());
        assertEquals(Map.of("id", AttributeValue.fromS("1")), a.key());
    }
}
