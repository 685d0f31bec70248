package io.dynamapper.bench;

import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * P1, the fake's side: the same TransactWriteItems of 10 versioned updates (what a unit of work commits:
 * keys at random among 500 items of 11 attributes, one attribute changed, {@code version = :expected}
 * as the condition) in process, with a fresh {@code ClientRequestToken} ({@link #withToken}) and without
 * ({@link #withoutToken}). The difference is the idempotency bookkeeping: the request's fingerprint and
 * remembering the token.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IdempotencyBenchmark {
    private static final String TABLE = "entity";
    private static final int KEYS = 500;

    private InMemoryDynamoDb db;
    private final SplittableRandom random = new SplittableRandom(1);
    private final long[] versions = new long[KEYS];

    @Setup(Level.Trial)
    public void setUp() {
        db = InMemoryDynamoDb.create();
        db.createTable(CreateTableRequest.builder().tableName(TABLE)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
        for (int i = 0; i < KEYS; i++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("id", AttributeValue.fromS("entity-" + i));
            item.put("version", AttributeValue.fromN("1"));
            for (int a = 0; a < 4; a++) {
                item.put("s" + a, AttributeValue.fromS("value " + a + " of entity " + i));
                item.put("n" + a, AttributeValue.fromN(Integer.toString(a * 1000 + i)));
            }
            item.put("name", AttributeValue.fromS("entity number " + i));
            db.putItem(PutItemRequest.builder().tableName(TABLE).item(item).build());
            versions[i] = 1;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    /** Ten distinct keys at random, each updated on its current version. */
    private List<TransactWriteItem> tenUpdates() {
        List<TransactWriteItem> writes = new ArrayList<>(10);
        int first = random.nextInt(KEYS);
        int step = 1 + random.nextInt(KEYS / 10 - 1);
        for (int i = 0; i < 10; i++) {
            int k = (first + i * step) % KEYS;
            long v = versions[k]++;
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(TABLE)
                    .key(Map.of("id", AttributeValue.fromS("entity-" + k)))
                    .updateExpression("SET #a = :a, #v = :next")
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#a", "n2", "#v", "version"))
                    .expressionAttributeValues(Map.of(":a", AttributeValue.fromN(Long.toString(v * 7)),
                            ":next", AttributeValue.fromN(Long.toString(v + 1)),
                            ":expected", AttributeValue.fromN(Long.toString(v))))
                    .build()).build());
        }
        return writes;
    }

    @Benchmark
    public Object withoutToken() {
        return db.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(tenUpdates()).build());
    }

    @Benchmark
    public Object withToken() {
        return db.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(tenUpdates())
                .clientRequestToken(UUID.randomUUID().toString()).build());
    }
}
