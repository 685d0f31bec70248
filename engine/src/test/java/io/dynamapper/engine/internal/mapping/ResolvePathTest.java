package io.dynamapper.engine.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Attribute;
import io.dynamapper.HashKey;
import io.dynamapper.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ResolvePathTest {
    static class Address {
        @Attribute("town") String city;
        int zip;
        Address previous;
    }

    record Stats(Map<String, Integer> kills, Optional<LocalDate> since) {
    }

    @Table("customers")
    static class Customer {
        @HashKey String id;
        @Attribute("addr") Address address;
        Optional<Address> billing;
        Map<String, Address> sites;
        Map<String, Map<String, Long>> nested;
        List<Address> history;
        Set<String> tags;
        Stats stats;
        Optional<Integer> rank;
    }

    private final EntityModel<Customer> model = EntityModel.of(Customer.class);

    @Test
    void topLevelField() {
        AttributePath path = model.resolvePath("tags");
        assertEquals(List.of("tags"), path.attributeNames());
        assertTrue(path.isTopLevel());
        assertEquals(model.property("tags").orElseThrow(), path.leafProperty().orElseThrow());
        assertEquals("Customer.tags (Set<String>)", path.describe());
        assertEquals(AttributeValue.fromSs(List.of("a")), path.encode(Set.of("a")));
    }

    @Test
    void nestedFieldsUseAttributeNames() {
        AttributePath path = model.resolvePath("address.city");
        assertEquals(List.of("addr", "town"), path.attributeNames());
        assertEquals("city", path.leafProperty().orElseThrow().fieldName());
        assertEquals("Customer.address.city (String)", path.describe());
        assertEquals(AttributeValue.fromS("Lyon"), path.encode("Lyon"));
        assertEquals(List.of("addr", "previous", "previous", "zip"),
                model.resolvePath("address.previous.previous.zip").attributeNames());
        assertEquals(AttributeValue.fromN("69001"), model.resolvePath("address.previous.zip").encode(69001L),
                "numbers convert to the field's type");
    }

    @Test
    void optionalsAreLookedThrough() {
        AttributePath billing = model.resolvePath("billing.city");
        assertEquals(List.of("billing", "town"), billing.attributeNames());
        AttributePath rank = model.resolvePath("rank");
        assertEquals(AttributeValue.fromN("3"), rank.encode(3));
        assertEquals("Customer.rank (Integer)", rank.describe());
        assertEquals(AttributeValue.fromS("2024-01-02"), model.resolvePath("stats.since").encode(LocalDate.of(2024, 1, 2)));
    }

    @Test
    void mapKeysAreSteps() {
        AttributePath site = model.resolvePath("sites.paris.zip");
        assertEquals(List.of("sites", "paris", "zip"), site.attributeNames());
        assertEquals("Customer.sites.paris.zip (int)", site.describe());
        AttributePath value = model.resolvePath("nested.a.b");
        assertEquals(List.of("nested", "a", "b"), value.attributeNames());
        assertTrue(value.leafProperty().isEmpty(), "a map value is no field");
        assertEquals("Customer.nested.a.b (Long)", value.describe());
        assertEquals(AttributeValue.fromN("5"), value.encode(5));
        assertEquals(List.of("stats", "kills", "imp"), model.resolvePath("stats.kills.imp").attributeNames());
        assertEquals(List.of("sites", "with.dot", "town"),
                model.resolvePath(List.of("sites", "with.dot", "city")).attributeNames());
    }

    @Test
    void unknownFieldsListWhatThereIs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.resolvePath("address.town"));
        assertTrue(e.getMessage().contains("Address has no persisted field 'town'")
                && e.getMessage().contains("[city, zip, previous]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.resolvePath("nope"));
        assertTrue(e.getMessage().contains("Customer has no persisted field 'nope'"), e.getMessage());
    }

    @Test
    void pathsCannotGoIntoScalarsSetsOrLists() {
        for (String bad : List.of("id.x", "tags.a", "history.city", "address.zip.x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.resolvePath(bad), bad);
            assertTrue(e.getMessage().contains("no named parts"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> model.resolvePath(""));
        assertThrows(IllegalArgumentException.class, () -> model.resolvePath("address..city"));
        assertThrows(IllegalArgumentException.class, () -> model.resolvePath((String) null));
    }

    @Test
    void encodeRejectsValuesOfTheWrongType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.resolvePath("address.zip").encode("12"));
        assertTrue(e.getMessage().contains("Customer.address.zip (int)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.resolvePath("address.zip").encode(1.5));
        assertThrows(IllegalArgumentException.class, () -> model.resolvePath("address.city").encode(null));
        assertThrows(IllegalArgumentException.class, () -> model.resolvePath("tags").encode(Set.of()));
    }

    @Test
    void convertValueOfAnOptionalFieldTakesAPlainValue() {
        // fixed: convert used to unwrap and then fail in encode with a ClassCastException
        PropertyModel rank = model.property("rank").orElseThrow();
        assertEquals(AttributeValue.fromN("2"), model.convertValue(rank, 2L));
        assertEquals(AttributeValue.fromN("2"), model.convertValue(rank, Optional.of(2)));
    }
}
