package io.dynamapper.bench;

import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.util.Map;
import java.util.SplittableRandom;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * P6: one partition of {@code size} items filled in random key order, then, at that size: a PutItem of
 * a new key in random position followed by the DeleteItem of it (so the size stays put), and a Query
 * of a page of 100 items from a random sort key. Logarithmic storage keeps both flat from 10 000 to
 * 1 000 000 items; a sorted array makes the insert grow linearly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PartitionBenchmark {
    private static final String TABLE = "partition";
    private static final AttributeValue PK = AttributeValue.fromS("one");

    @Param({"10000", "100000", "1000000"})
    int size;

    private InMemoryDynamoDb db;
    private final SplittableRandom random = new SplittableRandom(6);

    @Setup(Level.Trial)
    public void setUp() {
        db = InMemoryDynamoDb.create();
        db.createTable(CreateTableRequest.builder().tableName(TABLE)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
        // even sort keys, stored in random order; the benchmark inserts odd ones, which are never present
        int[] keys = new int[size];
        for (int i = 0; i < size; i++) {
            keys[i] = 2 * i;
        }
        SplittableRandom shuffle = new SplittableRandom(16);
        for (int i = size - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = keys[i];
            keys[i] = keys[j];
            keys[j] = t;
        }
        for (int k : keys) {
            db.putItem(PutItemRequest.builder().tableName(TABLE).item(item(k)).build());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    private static Map<String, AttributeValue> item(int sk) {
        return Map.of("pk", PK, "sk", AttributeValue.fromN(Integer.toString(sk)),
                "name", AttributeValue.fromS("item " + sk), "count", AttributeValue.fromN("1"));
    }

    /** PutItem of a new key at a random position in the partition, then DeleteItem of it. */
    @Benchmark
    public Object insertAndDelete() {
        int sk = 2 * random.nextInt(size) + 1;
        db.putItem(PutItemRequest.builder().tableName(TABLE).item(item(sk)).build());
        return db.deleteItem(DeleteItemRequest.builder().tableName(TABLE)
                .key(Map.of("pk", PK, "sk", AttributeValue.fromN(Integer.toString(sk)))).build());
    }

    /** A page of 100 items from a random sort key. */
    @Benchmark
    public Object queryPage() {
        return db.query(QueryRequest.builder().tableName(TABLE)
                .keyConditionExpression("pk = :pk AND sk >= :from")
                .expressionAttributeValues(Map.of(":pk", PK, ":from",
                        AttributeValue.fromN(Integer.toString(random.nextInt(2 * size)))))
                .limit(100).build());
    }
}
