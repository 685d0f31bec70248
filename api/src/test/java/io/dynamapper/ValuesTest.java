package io.dynamapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The API's immutable values validate their input and behave as values. */
class ValuesTest {
    @Test
    void aCursorRoundTripsThroughAUrlSafeString() {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put("episode", AttributeValue.fromN("1"));
        key.put("map", AttributeValue.fromS("E1M1 / é?&"));
        key.put("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 42})));
        Cursor cursor = Cursor.of(key);
        String text = cursor.toString();
        assertTrue(text.matches("[A-Za-z0-9_-]+"), text);
        assertEquals(cursor, Cursor.parse(text));
        assertEquals(key, Cursor.parse(text).lastEvaluatedKey());
    }

    @Test
    void malformedCursorsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Cursor.parse("not a cursor!"));
        assertThrows(IllegalArgumentException.class, () -> Cursor.parse("AQ"));
        String valid = Cursor.of(Map.of("id", AttributeValue.fromS("a"))).toString();
        assertThrows(IllegalArgumentException.class, () -> Cursor.parse(valid + "AAAA"));
        assertThrows(IllegalArgumentException.class, () -> Cursor.of(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Cursor.of(Map.of("m", AttributeValue.fromBool(true))));
    }

    @Test
    void throughputValidatesUnitsAndGivesIndexesTheTablesUnlessTold() {
        Throughput t = Throughput.provisioned(10, 5).withIndex("by_name", 3, 2);
        assertEquals(Throughput.provisioned(3, 2), t.forIndex("by_name"));
        assertEquals(Throughput.provisioned(10, 5), t.forIndex("other"));
        assertTrue(Throughput.onDemand().payPerRequest());
        assertEquals(Throughput.onDemand(), Throughput.onDemand().forIndex("any"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Throughput.provisioned(0, 1)).getMessage()
                .contains("read=0"));
        assertThrows(IllegalStateException.class, () -> Throughput.onDemand().withIndex("x", 1, 1));
    }

    @Test
    void keysAndKeyConditionsCheckTheirShape() {
        assertEquals(Optional.empty(), Key.of("a").rangeKey());
        assertEquals(Key.of(1, 2), Key.of(1, 2));
        assertEquals("(1, 'x')", Key.of(1, "x").toString());
        assertThrows(NullPointerException.class, () -> Key.of(null));
        assertThrows(NullPointerException.class, () -> Key.of(1, null));
        assertEquals(List.of(1, 5), KeyCondition.between(1, 5).values());
        assertThrows(IllegalArgumentException.class, () -> new KeyCondition(KeyCondition.Operator.BETWEEN, List.of(1)));
    }

    @Test
    void filtersAreValues() {
        Filter f = Filter.and(Filter.eq("name", "Hangar"), Filter.not(Filter.exists("secret")));
        assertEquals(f, Filter.and(Filter.eq("name", "Hangar"), Filter.not(Filter.exists("secret"))));
        assertThrows(IllegalArgumentException.class, () -> Filter.in("map"));
        assertThrows(NullPointerException.class, () -> Filter.eq("name", null));
        assertFalse(Filter.or(Filter.gt("map", 5)).equals(Filter.and(Filter.gt("map", 5))), "one filter works too");
    }
}
