package io.dynamapper.inmemory;

import static io.dynamapper.inmemory.Fixtures.assertValidation;
import static io.dynamapper.inmemory.Fixtures.item;
import static io.dynamapper.inmemory.Fixtures.n;
import static io.dynamapper.inmemory.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

class TablesTest {
    private final InMemoryDynamoDb ddb = Fixtures.withTable();

    private long sizeBytes() {
        return ddb.describeTable(b -> b.tableName("things")).table().tableSizeBytes();
    }

    /** Item sizes: pk + "a" = 3, sk + 1 = 2 + 2, v + "xyz" = 1 + 3. */
    @Test
    void tableSizeFollowsEveryKindOfWrite() {
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"), "v", s("xyz"))));
        assertEquals(11, sizeBytes());
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("b"), "sk", n("1"))));
        assertEquals(18, sizeBytes());
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1.0"))));
        assertEquals(14, sizeBytes());
        ddb.updateItem(b -> b.tableName("things").key(item("pk", s("b"), "sk", n("1")))
                .updateExpression("SET v = :v").expressionAttributeValues(java.util.Map.of(":v", s("hello"))));
        assertEquals(20, sizeBytes());
        ddb.transactWriteItems(b -> b.transactItems(
                t -> t.put(p -> p.tableName("things").item(item("pk", s("c"), "sk", n("1")))),
                t -> t.delete(d -> d.tableName("things").key(item("pk", s("a"), "sk", n("1"))))));
        assertEquals(20, sizeBytes());
        ddb.batchWriteItem(b -> b.requestItems(java.util.Map.of("things", List.of(
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                        .deleteRequest(d -> d.key(item("pk", s("b"), "sk", n("1")))).build(),
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
                        .putRequest(p -> p.item(item("pk", s("d"), "sk", n("2"), "v", s("q")))).build()))));
        assertEquals(16, sizeBytes());
        ddb.deleteItem(b -> b.tableName("things").key(item("pk", s("c"), "sk", n("1"))));
        ddb.deleteItem(b -> b.tableName("things").key(item("pk", s("nothing"), "sk", n("1"))));
        assertEquals(9, sizeBytes());
    }

    @Test
    void describeIsFaithful() {
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"), "g", s("g"), "gs", n("1"))));
        TableDescription d = ddb.describeTable(b -> b.tableName("things")).table();
        assertEquals(TableStatus.ACTIVE, d.tableStatus());
        assertEquals(1L, d.itemCount());
        assertEquals(BillingMode.PAY_PER_REQUEST, d.billingModeSummary().billingMode());
        assertEquals(IndexStatus.ACTIVE, d.globalSecondaryIndexes().get(0).indexStatus());
        assertEquals(1L, d.globalSecondaryIndexes().get(0).itemCount());
        assertEquals(0L, d.localSecondaryIndexes().get(0).itemCount());
        assertEquals(5, d.attributeDefinitions().size());
        assertTrue(d.tableSizeBytes() > 0);
    }

    @Test
    void createDuplicateAndValidation() {
        assertThrows(ResourceInUseException.class, () -> ddb.createTable(b -> b.tableName("things")
                .billingMode(BillingMode.PAY_PER_REQUEST).keySchema(Fixtures.key("pk", KeyType.HASH))
                .attributeDefinitions(Fixtures.def("pk", "S"))));
        assertValidation("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED", () -> ddb.createTable(b -> b
                .tableName("other").keySchema(Fixtures.key("pk", KeyType.HASH)).attributeDefinitions(Fixtures.def("pk", "S"))));
        assertValidation("Number of attributes in KeySchema does not exactly match", () -> ddb.createTable(b -> b
                .tableName("other").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(Fixtures.key("pk", KeyType.HASH))
                .attributeDefinitions(Fixtures.def("pk", "S"), Fixtures.def("zz", "S"))));
    }

    @Test
    void waiterListPaginationAndDelete() {
        ddb.createTable(b -> b.tableName("second").provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                .keySchema(Fixtures.key("pk", KeyType.HASH)).attributeDefinitions(Fixtures.def("pk", "S")));
        try (DynamoDbWaiter w = DynamoDbWaiter.builder().client(ddb).build()) {
            assertTrue(w.waitUntilTableExists(b -> b.tableName("second")).matched().response().isPresent());
        }
        var page = ddb.listTables(b -> b.limit(1));
        assertEquals(List.of("second"), page.tableNames());
        assertEquals(List.of("things"), ddb.listTables(b -> b.exclusiveStartTableName(page.lastEvaluatedTableName())).tableNames());
        ddb.deleteTable(b -> b.tableName("second"));
        assertThrows(ResourceNotFoundException.class, () -> ddb.describeTable(b -> b.tableName("second")));
        ddb.reset();
        assertEquals(List.of(), ddb.listTables().tableNames());
    }

    @Test
    void timeToLiveIsRecorded() {
        assertEquals(TimeToLiveStatus.DISABLED, ddb.describeTimeToLive(b -> b.tableName("things"))
                .timeToLiveDescription().timeToLiveStatus());
        ddb.updateTimeToLive(b -> b.tableName("things").timeToLiveSpecification(t -> t.attributeName("exp").enabled(true)));
        assertEquals("exp", ddb.describeTimeToLive(b -> b.tableName("things")).timeToLiveDescription().attributeName());
    }

    @Test
    void unsupportedOperationsNameThemselves() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> ddb.createBackup(b -> b.tableName("things").backupName("b1")));
        assertTrue(e.getMessage().contains("CreateBackup"));
        assertEquals("dynamodb", ddb.serviceName());
    }
}
