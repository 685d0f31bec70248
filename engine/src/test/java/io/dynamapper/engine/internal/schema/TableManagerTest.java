package io.dynamapper.engine.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Attribute;
import io.dynamapper.DynamapperException;
import io.dynamapper.HashKey;
import io.dynamapper.IndexHashKey;
import io.dynamapper.IndexRangeKey;
import io.dynamapper.MappingException;
import io.dynamapper.RangeKey;
import io.dynamapper.Table;
import io.dynamapper.Throughput;
import io.dynamapper.Ttl;
import io.dynamapper.Version;
import io.dynamapper.engine.testing.TestDynamoDb;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/** Table management against the in-memory DynamoDB: each created table is checked with DescribeTable. */
class TableManagerTest {
    private final DynamoDbClient ddb = TestDynamoDb.client();
    private final TableManager tables = manager();

    /** A manager over the shared in-memory DynamoDB that polls every 50 ms. */
    static TableManager manager() {
        return new TableManager(TestDynamoDb.client(), Duration.ofMillis(50), Duration.ofSeconds(30));
    }

    @BeforeEach
    @AfterEach
    void clean() {
        TestDynamoDb.deleteAllTables();
    }

    @Table("doom_map")
    static class DoomMap {
        @HashKey long episode;
        @RangeKey int map;
        String name;
        @Version Long version;
    }

    @Table("users")
    static class User {
        @HashKey UUID id;
        @IndexHashKey("by_email") String email;
        @IndexHashKey("by_team") @Attribute("team_name") String team;
        @IndexRangeKey("by_team") long joined;
        byte[] avatar;
    }

    @Table("messages")
    record Message(@HashKey String room,
                   @RangeKey long sent,
                   @IndexRangeKey("by_author") String author,
                   @IndexHashKey("by_sender") @IndexRangeKey("by_sent_by") String sender,
                   @IndexHashKey("by_sent_by") byte[] channel,
                   String text) {
    }

    @Table("sessions")
    static class LoginSession {
        @HashKey String token;
        @Ttl Instant expires;
    }

    @Table("counters")
    record Counter(@HashKey String name, @Ttl long expiresAt, long value) {
    }

    private static Map<String, ScalarAttributeType> definitions(TableDescription table) {
        return table.attributeDefinitions().stream().collect(Collectors.toMap(AttributeDefinition::attributeName,
                AttributeDefinition::attributeType));
    }

    private static List<String> keys(List<KeySchemaElement> schema) {
        return schema.stream().map(k -> k.attributeName() + ":" + k.keyType()).toList();
    }

    @Test
    void createsProvisionedTableWithHashAndRangeKey() {
        tables.createTable(DoomMap.class, Throughput.provisioned(10, 5));
        TableDescription t = ddb.describeTable(b -> b.tableName("doom_map")).table();
        assertEquals(TableStatus.ACTIVE, t.tableStatus());
        assertEquals(List.of("episode:HASH", "map:RANGE"), keys(t.keySchema()));
        assertEquals(Map.of("episode", ScalarAttributeType.N, "map", ScalarAttributeType.N), definitions(t));
        assertEquals(10L, t.provisionedThroughput().readCapacityUnits());
        assertEquals(5L, t.provisionedThroughput().writeCapacityUnits());
        assertTrue(t.globalSecondaryIndexes().isEmpty());
        assertTrue(t.localSecondaryIndexes().isEmpty());
        assertEquals(TimeToLiveStatus.DISABLED, ttl("doom_map").timeToLiveStatus());
    }

    @Test
    void createsOnDemandTable() {
        tables.createTable(DoomMap.class, Throughput.onDemand());
        TableDescription t = tables.describe(DoomMap.class);
        assertEquals(BillingMode.PAY_PER_REQUEST, t.billingModeSummary().billingMode());
        assertEquals(0L, t.provisionedThroughput().readCapacityUnits());
    }

    @Test
    void createsGlobalIndexesWithAndWithoutRangeKey() {
        tables.createTable(User.class, Throughput.provisioned(4, 3).withIndex("by_team", 2, 1));
        TableDescription t = tables.describe(User.class);
        assertEquals(List.of("id:HASH"), keys(t.keySchema()));
        // only key attributes are defined: not avatar
        assertEquals(Map.of("id", ScalarAttributeType.S, "email", ScalarAttributeType.S,
                "team_name", ScalarAttributeType.S, "joined", ScalarAttributeType.N), definitions(t));
        Map<String, GlobalSecondaryIndexDescription> globals = t.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
        assertEquals(List.of("email:HASH"), keys(globals.get("by_email").keySchema()));
        assertEquals(List.of("team_name:HASH", "joined:RANGE"), keys(globals.get("by_team").keySchema()));
        for (GlobalSecondaryIndexDescription g : globals.values()) {
            assertEquals(ProjectionType.ALL, g.projection().projectionType());
            assertEquals("ACTIVE", g.indexStatusAsString());
        }
        assertEquals(4L, globals.get("by_email").provisionedThroughput().readCapacityUnits(), "the table's");
        assertEquals(3L, globals.get("by_email").provisionedThroughput().writeCapacityUnits());
        assertEquals(2L, globals.get("by_team").provisionedThroughput().readCapacityUnits(), "its own");
        assertEquals(1L, globals.get("by_team").provisionedThroughput().writeCapacityUnits());
        assertTrue(t.localSecondaryIndexes().isEmpty());
    }

    @Test
    void createsLocalAndGlobalIndexesOfARecord() {
        tables.createTable(Message.class, Throughput.onDemand());
        TableDescription t = tables.describe(Message.class);
        assertEquals(Map.of("room", ScalarAttributeType.S, "sent", ScalarAttributeType.N,
                "author", ScalarAttributeType.S, "sender", ScalarAttributeType.S, "channel", ScalarAttributeType.B),
                definitions(t));
        assertEquals(1, t.localSecondaryIndexes().size());
        LocalSecondaryIndexDescription local = t.localSecondaryIndexes().get(0);
        assertEquals("by_author", local.indexName());
        assertEquals(List.of("room:HASH", "author:RANGE"), keys(local.keySchema()));
        assertEquals(ProjectionType.ALL, local.projection().projectionType());
        Map<String, GlobalSecondaryIndexDescription> globals = t.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
        assertEquals(List.of("sender:HASH"), keys(globals.get("by_sender").keySchema()));
        assertEquals(List.of("channel:HASH", "sender:RANGE"), keys(globals.get("by_sent_by").keySchema()));
    }

    @Test
    void enablesTimeToLiveOnTheTtlAttribute() {
        tables.createTable(LoginSession.class, Throughput.onDemand());
        TimeToLiveDescription ttl = ttl("sessions");
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals("expires", ttl.attributeName());
        tables.createTable(Counter.class, Throughput.provisioned(1, 1));
        assertEquals("expiresAt", ttl("counters").attributeName());
    }

    @Test
    void sendsCreateThenWaitsThenEnablesTimeToLive() {
        InMemoryDynamoDb recording = TestDynamoDb.memory();
        recording.clearRequests();
        new TableManager(ddb, Duration.ofMillis(50), Duration.ofSeconds(30))
                .createTable(LoginSession.class, Throughput.onDemand());
        List<String> sent = recording.requests().stream().map(r -> r.getClass().getSimpleName()).toList();
        assertEquals("CreateTableRequest", sent.get(0));
        assertTrue(sent.subList(1, sent.size() - 1).stream().allMatch("DescribeTableRequest"::equals), sent.toString());
        assertTrue(sent.size() >= 3, sent.toString());
        assertEquals("UpdateTimeToLiveRequest", sent.get(sent.size() - 1));
        UpdateTimeToLiveRequest update = recording.requests(UpdateTimeToLiveRequest.class).get(0);
        assertTrue(update.timeToLiveSpecification().enabled());
        // no TTL, no UpdateTimeToLive
        recording.clearRequests();
        new TableManager(ddb).createTable(DoomMap.class, Throughput.onDemand());
        assertTrue(recording.requests(UpdateTimeToLiveRequest.class).isEmpty());
    }

    @Test
    void aTableActiveAtOnceIsNotWaitedFor() {
        InMemoryDynamoDb recording = TestDynamoDb.memory();
        recording.clearRequests();
        tables.createTable(DoomMap.class, Throughput.onDemand());
        assertEquals(List.of("CreateTableRequest", "DescribeTableRequest"), sentTypes(recording));
        recording.clearRequests();
        assertFalse(tables.createTableIfNotExists(DoomMap.class, Throughput.onDemand()));
        assertEquals(List.of("DescribeTableRequest"), sentTypes(recording), "an ACTIVE table: one DescribeTable");
    }

    @Test
    void aTableNotActiveYetIsWaitedForUntilItIs() {
        DynamoDbClient creating = new CreatingAtFirst(ddb, 3);
        new TableManager(creating, Duration.ofMillis(1), Duration.ofSeconds(30)).createTable(DoomMap.class,
                Throughput.onDemand());
        assertEquals(4, ((CreatingAtFirst) creating).describes, "described until ACTIVE: 3 times CREATING, then ACTIVE");
        assertEquals(TableStatus.ACTIVE, ddb.describeTable(b -> b.tableName("doom_map")).table().tableStatus());
    }

    private static List<String> sentTypes(InMemoryDynamoDb recording) {
        return recording.requests().stream().map(r -> r.getClass().getSimpleName()).toList();
    }

    /** A DynamoDB whose tables stay CREATING for the first DescribeTable calls, as real DynamoDB's do for a while. */
    private static final class CreatingAtFirst implements DynamoDbClient {
        private final DynamoDbClient delegate;
        private int creating;
        int describes;

        CreatingAtFirst(DynamoDbClient delegate, int creating) {
            this.delegate = delegate;
            this.creating = creating;
        }

        @Override
        public CreateTableResponse createTable(CreateTableRequest request) {
            return delegate.createTable(request);
        }

        @Override
        public DescribeTableResponse describeTable(DescribeTableRequest request) {
            describes++;
            DescribeTableResponse response = delegate.describeTable(request);
            if (creating > 0) {
                creating--;
                return response.toBuilder().table(response.table().toBuilder().tableStatus(TableStatus.CREATING).build())
                        .build();
            }
            return response;
        }

        @Override
        public String serviceName() {
            return delegate.serviceName();
        }

        @Override
        public void close() {
        }
    }

    private TimeToLiveDescription ttl(String table) {
        return ddb.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
    }

    @Test
    void creatingAnExistingTableSaysSo() {
        tables.createTable(DoomMap.class, Throughput.onDemand());
        DynamapperException e = assertThrows(DynamapperException.class,
                () -> tables.createTable(DoomMap.class, Throughput.onDemand()));
        assertTrue(e.getMessage().contains("'doom_map'") && e.getMessage().contains(DoomMap.class.getName())
                && e.getMessage().contains("already exists"), e.getMessage());
        assertInstanceOf(ResourceInUseException.class, e.getCause());
    }

    @Test
    void createTableIfNotExistsCreatesOnceThenReportsFalse() {
        assertTrue(tables.createTableIfNotExists(LoginSession.class, Throughput.onDemand()));
        assertEquals(TimeToLiveStatus.ENABLED, ttl("sessions").timeToLiveStatus());
        assertFalse(tables.createTableIfNotExists(LoginSession.class, Throughput.provisioned(1, 1)));
        // the existing table was not changed
        assertEquals(BillingMode.PAY_PER_REQUEST, tables.describe(LoginSession.class).billingModeSummary().billingMode());
    }

    @Test
    void deleteWaitsUntilTheTableIsGone() {
        tables.createTable(User.class, Throughput.onDemand());
        tables.deleteTable(User.class);
        assertThrows(ResourceNotFoundException.class, () -> ddb.describeTable(b -> b.tableName("users")));
        assertFalse(ddb.listTables().tableNames().contains("users"));
    }

    @Test
    void deletingOrDescribingAMissingTableSaysSo() {
        DynamapperException delete = assertThrows(DynamapperException.class, () -> tables.deleteTable(DoomMap.class));
        assertTrue(delete.getMessage().contains("'doom_map'") && delete.getMessage().contains(DoomMap.class.getName())
                && delete.getMessage().contains("does not exist"), delete.getMessage());
        assertInstanceOf(ResourceNotFoundException.class, delete.getCause());
        DynamapperException describe = assertThrows(DynamapperException.class, () -> tables.describe(DoomMap.class));
        assertTrue(describe.getMessage().contains("'doom_map'") && describe.getMessage().contains("does not exist"),
                describe.getMessage());
    }

    @Test
    void otherSdkFailuresAreWrappedNamingTableAndClass() {
        // a provisioned throughput DynamoDB rejects (beyond its limits) reaches DynamoDB and fails there
        DynamapperException e = assertThrows(DynamapperException.class,
                () -> tables.createTable(DoomMap.class, Throughput.provisioned(Long.MAX_VALUE, 1)));
        assertTrue(e.getMessage().contains("Cannot create Table 'doom_map' of " + DoomMap.class.getName()),
                e.getMessage());
        assertInstanceOf(software.amazon.awssdk.core.exception.SdkException.class, e.getCause());
    }

    @Test
    void throughputForAnIndexTheEntityLacksIsRejectedBeforeAnyRequest() {
        InMemoryDynamoDb recording = TestDynamoDb.memory();
        recording.clearRequests();
        TableManager manager = new TableManager(ddb);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> manager.createTable(User.class, Throughput.provisioned(1, 1).withIndex("by_name", 1, 1)));
        assertTrue(e.getMessage().contains("by_name") && e.getMessage().contains("[by_email, by_team]"), e.getMessage());
        IllegalArgumentException local = assertThrows(IllegalArgumentException.class,
                () -> manager.createTable(Message.class, Throughput.provisioned(1, 1).withIndex("by_author", 1, 1)));
        assertTrue(local.getMessage().contains("local index"), local.getMessage());
        assertTrue(recording.requests().isEmpty());
    }

    @Test
    void anInvalidEntityIsAMappingException() {
        assertThrows(MappingException.class, () -> tables.createTable(String.class, Throughput.onDemand()));
        assertThrows(MappingException.class, () -> tables.describe(Object.class));
    }

    @Test
    void createRequestDefinesOnlyKeyAttributes() {
        CreateTableRequest request = TableManager.createRequest(
                io.dynamapper.engine.internal.mapping.EntityModel.of(DoomMap.class), Throughput.provisioned(1, 2));
        assertEquals(2, request.attributeDefinitions().size());
        assertEquals(BillingMode.PROVISIONED, request.billingMode());
        assertNull(request.globalSecondaryIndexes().isEmpty() ? null : request.globalSecondaryIndexes());
        assertEquals(List.of("episode:HASH", "map:RANGE"), keys(request.keySchema()));
        assertEquals(KeyType.RANGE, request.keySchema().get(1).keyType());
    }
}
