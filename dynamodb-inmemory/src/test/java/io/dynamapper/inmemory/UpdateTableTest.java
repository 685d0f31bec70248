package io.dynamapper.inmemory;

import static io.dynamapper.inmemory.Fixtures.assertValidation;
import static io.dynamapper.inmemory.Fixtures.def;
import static io.dynamapper.inmemory.Fixtures.item;
import static io.dynamapper.inmemory.Fixtures.key;
import static io.dynamapper.inmemory.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/** UpdateTable and tagging answer with DynamoDB's messages; backfill skips what DynamoDB skips. */
class UpdateTableTest {
    private InMemoryDynamoDb ddb;

    @BeforeEach
    void provisionedTable() {
        ddb = InMemoryDynamoDb.create();
        ddb.createTable(b -> b.tableName("items").provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L))
                .keySchema(key("pk", KeyType.HASH)).attributeDefinitions(def("pk", "S")));
    }

    private static GlobalSecondaryIndexUpdate create(String name, String attribute) {
        return GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName(name)
                .keySchema(key(attribute, KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL))
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))).build();
    }

    private void settle() {
        ddb.describeTable(b -> b.tableName("items"));
        ddb.describeTable(b -> b.tableName("items"));
    }

    @Test
    void noChangeNamesCurrentAndRequestedUnits() {
        assertValidation("The provisioned throughput for the table will not change. The requested value equals the "
                + "current value. Current ReadCapacityUnits provisioned for the table: 5. Requested ReadCapacityUnits: 5.",
                () -> ddb.updateTable(b -> b.tableName("items").provisionedThroughput(p -> p.readCapacityUnits(5L)
                        .writeCapacityUnits(5L))));
    }

    @Test
    void emptyUpdateListsWhatIsRequired() {
        assertValidation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                + "GlobalSecondaryIndexUpdates", () -> ddb.updateTable(b -> b.tableName("items")));
    }

    @Test
    void throughputOnOnDemandIsRejected() {
        assertValidation("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
                + "PAY_PER_REQUEST", () -> ddb.updateTable(b -> b.tableName("items")
                .billingMode(BillingMode.PAY_PER_REQUEST).provisionedThroughput(p -> p.readCapacityUnits(1L)
                        .writeCapacityUnits(1L))));
    }

    @Test
    void indexErrorsNameTheProblem() {
        ddb.updateTable(b -> b.tableName("items").attributeDefinitions(def("x", "S"))
                .globalSecondaryIndexUpdates(create("by_x", "x")));
        settle();
        assertValidation("Attempting to create an index which already exists", () -> ddb.updateTable(b -> b
                .tableName("items").attributeDefinitions(def("x", "S")).globalSecondaryIndexUpdates(create("by_x", "x"))));
        assertValidation("Invalid KeySchema: Some index key attribute have no definition", () -> ddb.updateTable(b -> b
                .tableName("items").attributeDefinitions(def("y", "S")).globalSecondaryIndexUpdates(create("by_z", "z"))));
        assertValidation("AttributeDefinitions is not specified for index: by_z", () -> ddb.updateTable(b -> b
                .tableName("items").globalSecondaryIndexUpdates(create("by_z", "z"))));
        assertValidation("Attributes cannot be redefined", () -> ddb.updateTable(b -> b.tableName("items")
                .attributeDefinitions(def("x", "N")).globalSecondaryIndexUpdates(create("by_xn", "x"))));
        LimitExceededException limit = assertThrows(LimitExceededException.class, () -> ddb.updateTable(b -> b
                .tableName("items").attributeDefinitions(def("y", "S"), def("z", "S"))
                .globalSecondaryIndexUpdates(create("by_y", "y"), create("by_z", "z"))));
        assertTrue(limit.getMessage().contains("Only 1 online index can be created or deleted simultaneously"));
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () -> ddb.updateTable(b -> b
                .tableName("items").globalSecondaryIndexUpdates(u -> u.delete(d -> d.indexName("nope")))));
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
    }

    @Test
    void backfillSkipsKeysDynamoDbCannotIndex() {
        ddb.putItem(b -> b.tableName("items").item(item("pk", s("ok"), "x", s("a".repeat(2048)))));
        ddb.putItem(b -> b.tableName("items").item(item("pk", s("long"), "x", s("a".repeat(2049)))));
        ddb.putItem(b -> b.tableName("items").item(item("pk", s("empty"), "x", s(""))));
        ddb.updateTable(b -> b.tableName("items").attributeDefinitions(def("x", "S"))
                .globalSecondaryIndexUpdates(create("by_x", "x")));
        settle();
        assertEquals(List.of("ok"), ddb.scan(b -> b.tableName("items").indexName("by_x")).items().stream()
                .map(i -> i.get("pk").s()).toList());
        assertEquals(1L, ddb.describeTable(b -> b.tableName("items")).table().globalSecondaryIndexes().get(0).itemCount());
    }

    @Test
    void streamErrorsNameTheTable() {
        ddb.updateTable(b -> b.tableName("items").streamSpecification(sp -> sp.streamEnabled(true)
                .streamViewType(StreamViewType.KEYS_ONLY)));
        settle();
        assertValidation("Table already has an enabled stream: TableName: items", () -> ddb.updateTable(b -> b
                .tableName("items").streamSpecification(sp -> sp.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))));
        ddb.updateTable(b -> b.tableName("items").streamSpecification(sp -> sp.streamEnabled(false)));
        settle();
        assertValidation("Table has no stream to disable: TableName: items", () -> ddb.updateTable(b -> b
                .tableName("items").streamSpecification(sp -> sp.streamEnabled(false))));
    }

    @Test
    void theWaiterSeesAnUpdatedTableActiveWithoutPausing() {
        ddb.updateTable(b -> b.tableName("items").provisionedThroughput(p -> p.readCapacityUnits(6L).writeCapacityUnits(6L)));
        var outcome = ddb.waiter().waitUntilTableExists(b -> b.tableName("items"));
        assertEquals(2, outcome.attemptsExecuted());
        assertEquals("ACTIVE", outcome.matched().response().orElseThrow().table().tableStatusAsString());
    }

    @Test
    void unsupportedParametersAreNamed() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> ddb.updateTable(b -> b
                .tableName("items").sseSpecification(sse -> sse.enabled(true))));
        assertTrue(e.getMessage().contains("SSESpecification"), e.getMessage());
    }

    @Test
    void taggingMessages() {
        String arn = ddb.describeTable(b -> b.tableName("items")).table().tableArn();
        assertValidation("Tag Key cannot be prefixed with aws:, Key: aws:x", () -> ddb.tagResource(b -> b
                .resourceArn(arn).tags(Tag.builder().key("aws:x").value("v").build())));
        assertValidation("ARNs must start with 'arn:': items", () -> ddb.listTagsOfResource(b -> b.resourceArn("items")));
        assertValidation("Number of Tags exceed the current limit for the provided ResourceArn", () -> ddb.tagResource(b -> b
                .resourceArn(arn).tags(java.util.stream.IntStream.range(0, 51)
                        .mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList())));
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> ddb.listTagsOfResource(b -> b.resourceArn(arn + "x")));
        assertTrue(e.getMessage().contains(arn + "x"), e.getMessage());
    }
}
