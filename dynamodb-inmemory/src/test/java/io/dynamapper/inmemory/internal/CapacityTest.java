package io.dynamapper.inmemory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;

class CapacityTest {

    @Test
    void readUnitsAreWhole4KbUnitsHalvedWhenEventuallyConsistent() {
        assertEquals(1.0, Capacity.read(0, true));
        assertEquals(1.0, Capacity.read(4096, true));
        assertEquals(2.0, Capacity.read(4097, true));
        assertEquals(0.5, Capacity.read(4096, false));
        assertEquals(1.5, Capacity.read(3 * 4096, false));
    }

    @Test
    void writeUnitsAreWhole1KbUnitsAtLeastOne() {
        assertEquals(1.0, Capacity.write(0));
        assertEquals(1.0, Capacity.write(1024));
        assertEquals(2.0, Capacity.write(1025));
    }

    private static StoredTable tableWithIndex(ProjectionType projection) {
        StoredTable t = new StoredTable("t", List.of(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH)
                .build()), List.of(AttributeDefinition.builder().attributeName("pk").attributeType("S").build(),
                AttributeDefinition.builder().attributeName("g").attributeType("S").build()),
                BillingMode.PAY_PER_REQUEST, null, Instant.EPOCH);
        t.indexes.add(new StoredTable.Index(t, "gi", true, List.of(KeySchemaElement.builder().attributeName("g")
                .keyType(KeyType.HASH).build()), Projection.builder().projectionType(projection).build(), null));
        return t;
    }

    private static Map<String, AttributeValue> item(String g, String v) {
        return g == null ? Map.of("pk", AttributeValue.fromS("a"), "v", AttributeValue.fromS(v))
                : Map.of("pk", AttributeValue.fromS("a"), "g", AttributeValue.fromS(g), "v", AttributeValue.fromS(v));
    }

    private static ConsumedCapacity charge(StoredTable t, Map<String, AttributeValue> old,
            Map<String, AttributeValue> next, int factor) {
        Capacity.Meter m = new Capacity.Meter(t.name);
        Capacity.chargeWrite(m, t, old, next, factor);
        return m.build(ReturnConsumedCapacity.INDEXES);
    }

    private static Double index(ConsumedCapacity c) {
        return c.hasGlobalSecondaryIndexes() ? c.globalSecondaryIndexes().get("gi").capacityUnits() : null;
    }

    @Test
    void indexWritesFollowTheEntry() {
        StoredTable all = tableWithIndex(ProjectionType.ALL);
        assertEquals(1.0, index(charge(all, null, item("x", "1"), 1)), "entry put");
        assertEquals(1.0, index(charge(all, item("x", "1"), null, 1)), "entry deleted");
        assertEquals(2.0, index(charge(all, item("x", "1"), item("y", "1"), 1)), "index key changed");
        assertEquals(1.0, index(charge(all, item("x", "1"), item("x", "2"), 1)), "projected attribute changed");
        assertNull(index(charge(all, item("x", "1"), item("x", "1"), 1)), "same entry");
        assertNull(index(charge(all, item(null, "1"), item(null, "2"), 1)), "never in the index");
        assertEquals(3.0, charge(all, item("x", "1"), item("y", "1"), 1).capacityUnits(), "table 1 + index 2");
    }

    @Test
    void keysOnlyIndexIgnoresOtherAttributesAndTransactionsDouble() {
        StoredTable keys = tableWithIndex(ProjectionType.KEYS_ONLY);
        assertNull(index(charge(keys, item("x", "1"), item("x", "2"), 1)));
        ConsumedCapacity doubled = charge(keys, null, item("x", "1"), 2);
        assertEquals(2.0, doubled.table().capacityUnits());
        assertEquals(2.0, index(doubled));
        assertEquals(4.0, doubled.capacityUnits());
    }

    @Test
    void modesAreCheckedAgainstDynamoDbsEnums() {
        assertEquals(ReturnConsumedCapacity.NONE, Capacity.mode(null, null));
        assertEquals(ReturnConsumedCapacity.TOTAL, Capacity.mode(ReturnConsumedCapacity.TOTAL, "TOTAL"));
        assertThrows(DynamoDbException.class,
                () -> Capacity.mode(ReturnConsumedCapacity.fromValue("ALL"), "ALL"));
        assertThrows(DynamoDbException.class,
                () -> Capacity.metrics(ReturnItemCollectionMetrics.fromValue("ALL"), "ALL"));
        assertEquals(null, new Capacity.Meter("t").build(ReturnConsumedCapacity.NONE));
    }
}
