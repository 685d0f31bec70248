package io.dynamapper.engine.internal.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Key;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Each kind of {@link Write} validates what it needs when built. */
class WriteTest {
    private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("a"));

    private static Write.Update update(String expression, Long expected, Map<String, AttributeValue> expectedOld) {
        return new Write.Update(Object.class, Key.of("a"), "things", KEY, expression, "#v = :e", Map.of(), Map.of(),
                Map.of(), List.of(), expected == null ? null : "version", expected, "r", expectedOld, 10);
    }

    @Test
    void aVersionedUpdateStatesItsExpectedVersionAsItsReason() {
        Write.Update versioned = new Write.Update(Object.class, Key.of("a"), "things", KEY, "SET #a = :a", "#v = :e",
                Map.of(), Map.of(), Map.of(), List.of(), "version", 3L, null, Map.of(), 10);
        assertEquals("expected version 3", versioned.reason());
        assertEquals("r", update("SET #a = :a", 3L, Map.of()).reason(), "a reason given is kept");
        NullPointerException e = assertThrows(NullPointerException.class, () -> new Write.Update(Object.class,
                Key.of("a"), "things", KEY, "SET #a = :a", null, Map.of(), Map.of(), Map.of(), List.of(), null, null,
                null, Map.of(), 10));
        assertTrue(e.getMessage().contains("reason == null"), e.getMessage());
    }

    @Test
    void aPutMustHoldItsKeyAttributes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Write.Put(Object.class,
                Key.of("a"), "things", KEY, Map.of("name", AttributeValue.fromS("x")), null, Map.of(), Map.of(), null,
                "r", 10));
        assertTrue(e.getMessage().contains("[id]"), e.getMessage());
        Write put = new Write.Put(Object.class, Key.of("a"), "things", KEY, KEY, null, Map.of(), Map.of(), null, "r", 10);
        assertEquals("put Object " + Key.of("a"), put.describe());
    }

    @Test
    void anUpdateNeedsAnExpressionAndIsGuardedByItsVersionOrByOldValuesNotBoth() {
        assertThrows(IllegalArgumentException.class, () -> update("", 1L, Map.of()));
        assertThrows(NullPointerException.class, () -> update(null, 1L, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> update("SET #a = :a", 1L, Map.of("a", AttributeValue.fromS("old"))));
        assertTrue(update("SET #a = :a", 1L, Map.of()).idempotent());
        assertFalse(update("ADD #c :d", null, Map.of()).idempotent());
    }

    @Test
    void aCheckNeedsAConditionAndADeleteExpectingAVersionNeedsOne() {
        assertThrows(NullPointerException.class, () -> new Write.Check(Object.class, Key.of("a"), "things", KEY, null,
                Map.of(), Map.of(), "version", 1L, "r", 10));
        assertThrows(IllegalArgumentException.class, () -> new Write.Delete(Object.class, Key.of("a"), "things", KEY,
                null, Map.of(), Map.of(), "version", 1L, "r", 10));
        assertThrows(IllegalArgumentException.class, () -> new Write.Delete(Object.class, Key.of("a"), "things",
                Map.of(), null, Map.of(), Map.of(), null, null, "r", 10));
    }

    @Test
    void onlyAVersionedUpdateOrDeleteCanProveItWasNotApplied() {
        Map<String, AttributeValue> next = Map.of("id", AttributeValue.fromS("a"), "version", AttributeValue.fromN("4"));
        Write.Delete delete = new Write.Delete(Object.class, Key.of("a"), "things", KEY, "#v = :e", Map.of(), Map.of(),
                "version", 3L, "r", 10);
        assertTrue(delete.provablyNotAppliedIn(next));
        assertFalse(delete.provablyNotAppliedIn(Map.of("version", AttributeValue.fromN("5"))));
        Write.Check check = new Write.Check(Object.class, Key.of("a"), "things", KEY, "#v = :e", Map.of(), Map.of(),
                "version", 3L, "r", 10);
        assertFalse(check.provablyNotAppliedIn(next));
    }
}
