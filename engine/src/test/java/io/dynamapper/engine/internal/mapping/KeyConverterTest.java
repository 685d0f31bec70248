package io.dynamapper.engine.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.HashKey;
import io.dynamapper.IndexHashKey;
import io.dynamapper.Key;
import io.dynamapper.KeyTemplate;
import io.dynamapper.MappingException;
import io.dynamapper.RangeKey;
import io.dynamapper.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Key conversion: entities, items and caller's values to key attributes, with DynamoDB's checks. */
class KeyConverterTest {
    @Table("levels")
    static class Level {
        @HashKey long episode;
        @RangeKey String name;
        @IndexHashKey("by_boss") String boss;
        String music;
    }

    @Table("tags")
    static class Tag {
        @HashKey String id;
    }

    @Table("shop")
    @KeyTemplate(hash = "C#{customer}", range = "O#{order}")
    record Order(String customer, int order, String note) {
    }

    private final KeyConverter<Level> levels = EntityModel.of(Level.class).keys();

    private static Level level(long episode, String name) {
        Level l = new Level();
        l.episode = episode;
        l.name = name;
        return l;
    }

    @Test
    void keyValuesOfAnyFittingNumberTypeBecomeTheKeyAttributes() {
        Map<String, AttributeValue> expected = Map.of("episode", AttributeValue.fromN("3"), "name", AttributeValue.fromS("E3M1"));
        assertEquals(expected, levels.key(3, "E3M1"));
        assertEquals(expected, levels.key((short) 3, "E3M1"));
        assertEquals(expected, levels.key(Key.of(3L, "E3M1")));
        assertEquals(List.of("episode", "name"), List.copyOf(levels.key(3L, "E3M1").keySet()), "hash key first");
        assertEquals(expected, levels.keyOf(level(3, "E3M1")));
    }

    @Test
    void missingExtraNullEmptyOrMistypedKeysAreRejectedNamingTheField() {
        IllegalArgumentException noRange = assertThrows(IllegalArgumentException.class, () -> levels.key(3, null));
        assertTrue(noRange.getMessage().contains("range key name"), noRange.getMessage());
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
                () -> EntityModel.of(Tag.class).keys().key("a", "b"));
        assertTrue(extra.getMessage().contains("has no range key"), extra.getMessage());
        NullPointerException nullHash = assertThrows(NullPointerException.class, () -> levels.key(null, "E3M1"));
        assertTrue(nullHash.getMessage().contains("Level.episode"), nullHash.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> levels.key(3, ""));
        assertTrue(empty.getMessage().contains("Level.name is an empty string"), empty.getMessage());
        IllegalArgumentException mistyped = assertThrows(IllegalArgumentException.class, () -> levels.key("three", "E3M1"));
        assertTrue(mistyped.getMessage().contains("Level.episode"), mistyped.getMessage());
        IllegalArgumentException nullField = assertThrows(IllegalArgumentException.class, () -> levels.keyOf(level(3, null)));
        assertTrue(nullField.getMessage().contains("Level.name is null") && nullField.getMessage().contains("episode=3"),
                nullField.getMessage());
    }

    @Test
    void keysAsJavaValuesShowWhatIsMissingOrUnreadable() {
        assertEquals(Key.of(3L, "E3M1"), levels.keyValue(level(3, "E3M1")));
        assertEquals(Key.of(3L, "<null>"), levels.keyValue(level(3, null)));
        assertEquals(Key.of(3L, "<missing>"), levels.keyValue(Map.of("episode", AttributeValue.fromN("3"))));
        assertEquals(Key.of(3L, "E3M1"), levels.keyValue(Map.of("episode", AttributeValue.fromN("3"),
                "name", AttributeValue.fromS("E3M1"), "music", AttributeValue.fromS("Dark Halls"))));
    }

    @Test
    void keyAttributesOfAnItemAreTheTableKeysOnly() {
        Map<String, AttributeValue> item = Map.of("episode", AttributeValue.fromN("3"), "name", AttributeValue.fromS("E3M1"),
                "boss", AttributeValue.fromS("Cyberdemon"), "music", AttributeValue.fromS("Dark Halls"));
        assertEquals(Map.of("episode", AttributeValue.fromN("3"), "name", AttributeValue.fromS("E3M1")),
                levels.keyAttributes(item));
    }

    @Test
    void anEmptyIndexKeyIsAMappingErrorAndARemovedOneLeavesTheItemOutOfTheIndex() {
        PropertyModel boss = EntityModel.of(Level.class).property("boss").orElseThrow();
        PropertyModel music = EntityModel.of(Level.class).property("music").orElseThrow();
        MappingException e = assertThrows(MappingException.class,
                () -> levels.checkIndexKey(boss, AttributeValue.fromS(""), level(3, "E3M1")));
        assertTrue(e.getMessage().contains("Level.boss is an empty string") && e.getMessage().contains("episode=3"),
                e.getMessage());
        levels.checkIndexKey(boss, null, level(3, "E3M1"));
        levels.checkIndexKey(music, AttributeValue.fromS(""), level(3, "E3M1")); // not an index key: DynamoDB takes it
    }

    @Test
    void templateKeysAreComposedFromTheFieldValuesInOrder() {
        KeyConverter<Order> orders = EntityModel.of(Order.class).keys();
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("C#alice"),
                "sk", AttributeValue.fromS("O#0000000007")); // numbers are padded to sort as text
        assertEquals(key, orders.key("alice", 7L));
        assertEquals(key, orders.keyOf(new Order("alice", 7, "note")));
        assertEquals(key, orders.keyAttributes(orders.templateKeyItem(List.of("alice", 7))));
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> orders.templateKeyItem(List.of("alice")));
        assertTrue(count.getMessage().contains("[customer, order]"), count.getMessage());
        IllegalArgumentException nullField = assertThrows(IllegalArgumentException.class,
                () -> orders.keyOf(new Order(null, 7, "note")));
        assertTrue(nullField.getMessage().contains("Order.customer is null"), nullField.getMessage());
        assertThrows(IllegalStateException.class, () -> levels.templateKeyItem(List.of(3, "E3M1")));
    }
}
