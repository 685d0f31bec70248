package io.dynamapper.bench;

import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import java.util.ArrayList;
import java.util.HashMap;
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
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * P1 and P2: load 10 entities of 10 attributes by key, change one attribute on each, commit the 10
 * changes in one transaction with version conditions. The same work three ways, on the same client
 * in the same run: hand-written SDK code (the baseline), Dynamapper, and the AWS Enhanced Client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CommitOverheadBenchmark {
    static final String TABLE = "bench_item";
    static final int ENTITIES = 10;

    @Param({"memory"})
    String backend;

    private Backend db;
    private DynamoDbClient client;
    private SessionFactory sessions;
    private DynamoDbEnhancedClient enhanced;
    private DynamoDbTable<EnhancedItem> enhancedTable;
    private final String[] ids = new String[ENTITIES];

    @Setup(Level.Trial)
    public void setUp() {
        db = Backend.start(backend);
        client = db.client();
        sessions = db.sessionsWithTable();
        try (Session s = sessions.openSession()) {
            for (int i = 0; i < ENTITIES; i++) {
                ids[i] = "item-" + i;
                s.save(new BenchItem(ids[i]));
            }
            s.commit();
        }
        enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        enhancedTable = enhanced.table(TABLE, TableSchema.fromBean(EnhancedItem.class));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
    }

    /** The baseline: GetItem ×10, then one TransactWriteItems of 10 versioned updates, by hand. */
    @Benchmark
    public Object rawSdk() {
        List<TransactWriteItem> writes = new ArrayList<>(ENTITIES);
        for (String id : ids) {
            Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(id));
            Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder().tableName(TABLE).key(key).build()).item();
            long version = Long.parseLong(item.get("version").n());
            long n1 = Long.parseLong(item.get("n1").n());
            Map<String, AttributeValue> values = new HashMap<>(4);
            values.put(":a0", AttributeValue.fromN(Long.toString(n1 + 1)));
            values.put(":expected", AttributeValue.fromN(Long.toString(version)));
            values.put(":next", AttributeValue.fromN(Long.toString(version + 1)));
            writes.add(TransactWriteItem.builder().update(Update.builder()
                    .tableName(TABLE)
                    .key(key)
                    .updateExpression("SET #a0 = :a0, #v = :next")
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#a0", "n1", "#v", "version"))
                    .expressionAttributeValues(values)
                    .build()).build());
        }
        return client.transactWriteItems(TransactWriteItemsRequest.builder()
                .transactItems(writes)
                .clientRequestToken(UUID.randomUUID().toString())
                .build());
    }

    /** Dynamapper: get ×10 through a session, change a field, commit. */
    @Benchmark
    public Object dynamapper() {
        try (Session s = sessions.openSession()) {
            for (String id : ids) {
                s.get(BenchItem.class, id).n1++;
            }
            s.commit();
            return s;
        }
    }

    /** The AWS Enhanced Client: getItem ×10, then transactWriteItems with 10 updateItem (versioned). */
    @Benchmark
    public Object enhancedClient() {
        TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder();
        for (String id : ids) {
            EnhancedItem item = enhancedTable.getItem(Key.builder().partitionValue(id).build());
            item.setN1(item.getN1() + 1);
            tx.addUpdateItem(enhancedTable, item);
        }
        enhanced.transactWriteItems(tx.build());
        return tx;
    }
}
