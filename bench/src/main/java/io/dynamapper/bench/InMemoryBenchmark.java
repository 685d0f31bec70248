package io.dynamapper.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * P4: the in-memory DynamoDB in process and over HTTP (same client code), with raw SDK calls: PutItem,
 * GetItem, a conditional UpdateItem, a Query returning 100 items and a TransactWriteItems of 10 —
 * each alone, and all five in one {@link #mixed} operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InMemoryBenchmark {
    private static final String TABLE = "mixed";

    @Param({"memory", "http"})
    String backend;

    private Backend db;
    private DynamoDbClient client;
    private long counter;

    @Setup(Level.Trial)
    public void setUp() {
        db = Backend.start(backend);
        client = db.client();
        client.createTable(CreateTableRequest.builder()
                .tableName(TABLE)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build());
        for (int i = 0; i < 100; i++) {
            client.putItem(PutItemRequest.builder().tableName(TABLE).item(item("q", i)).build());
        }
        client.putItem(PutItemRequest.builder().tableName(TABLE).item(item("u", 0)).build());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    private static Map<String, AttributeValue> item(String pk, long sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Long.toString(sk)),
                "name", AttributeValue.fromS("name of " + pk + sk), "count", AttributeValue.fromN("1"),
                "payload", AttributeValue.fromS("x".repeat(200)));
    }

    @Benchmark
    public Object putItem() {
        return client.putItem(PutItemRequest.builder().tableName(TABLE).item(item("p", counter++ % 1000)).build());
    }

    @Benchmark
    public Object getItem() {
        return client.getItem(GetItemRequest.builder().tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS("q"), "sk", AttributeValue.fromN("42"))).build());
    }

    @Benchmark
    public Object conditionalUpdate() {
        return client.updateItem(UpdateItemRequest.builder().tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS("u"), "sk", AttributeValue.fromN("0")))
                .updateExpression("SET #c = #c + :one")
                .conditionExpression("attribute_exists(#c)")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .build());
    }

    @Benchmark
    public Object query100() {
        return client.query(QueryRequest.builder().tableName(TABLE)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("q")))
                .build());
    }

    @Benchmark
    public Object transactWrite10() {
        List<TransactWriteItem> writes = new ArrayList<>(10);
        long base = (counter++ % 100) * 10;
        for (int i = 0; i < 10; i++) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(TABLE).item(item("t", base + i)).build()).build());
        }
        return client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes)
                .clientRequestToken(UUID.randomUUID().toString()).build());
    }

    /** One of each. */
    @Benchmark
    public Object mixed() {
        putItem();
        getItem();
        conditionalUpdate();
        query100();
        return transactWrite10();
    }
}
