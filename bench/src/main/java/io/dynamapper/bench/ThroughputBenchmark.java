package io.dynamapper.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.annotations.Threads;
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
 * P4 throughput: 8 client threads share one in-memory DynamoDB, in process ({@code memory}) or over
 * its HTTP endpoint ({@code http}, one SDK client shared by the threads, as an application would).
 * Each {@link #mixedRound} is five requests: PutItem, GetItem, a conditional UpdateItem, a Query of 100
 * items and a TransactWriteItems of 10; requests per second = 5 × rounds per second. Every thread works
 * on its own keys, so the conditions never fail.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
public class ThroughputBenchmark {
    private static final String TABLE = "mixed";

    @Param({"memory", "http"})
    String backend;

    private Backend db;
    private DynamoDbClient client;

    /** One client thread's keys. */
    @State(Scope.Thread)
    public static class Client {
        private static final AtomicInteger THREADS = new AtomicInteger();
        final String me = "c" + THREADS.incrementAndGet();
        long counter;
    }

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

    /** The five requests of one round, by one client thread. */
    @Benchmark
    public Object mixedRound(Client c) {
        long n = c.counter++;
        client.putItem(PutItemRequest.builder().tableName(TABLE).item(item(c.me, n % 1000)).build());
        client.getItem(GetItemRequest.builder().tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS("q"), "sk", AttributeValue.fromN(Long.toString(n % 100)))).build());
        client.updateItem(UpdateItemRequest.builder().tableName(TABLE)
                .key(Map.of("pk", AttributeValue.fromS(c.me), "sk", AttributeValue.fromN(Long.toString(n % 1000))))
                .updateExpression("SET #c = #c + :one")
                .conditionExpression("attribute_exists(#c)")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .build());
        client.query(QueryRequest.builder().tableName(TABLE)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("q")))
                .build());
        List<TransactWriteItem> writes = new ArrayList<>(10);
        long base = (n % 100) * 10;
        for (int i = 0; i < 10; i++) {
            writes.add(TransactWriteItem.builder()
                    .put(Put.builder().tableName(TABLE).item(item(c.me + "t", base + i)).build()).build());
        }
        return client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(writes)
                .clientRequestToken(UUID.randomUUID().toString()).build());
    }
}
