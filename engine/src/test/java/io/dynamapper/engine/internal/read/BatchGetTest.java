package io.dynamapper.engine.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Key;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.read.Fixtures.Context;
import io.dynamapper.engine.internal.read.Fixtures.Level;
import io.dynamapper.engine.internal.read.Fixtures.User;
import io.dynamapper.engine.testing.TestDynamoDb;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class BatchGetTest {
    static final EntityModel<Level> LEVELS = EntityModel.of(Level.class);
    static final EntityModel<User> USERS = EntityModel.of(User.class);

    final DynamoDbClient ddb = TestDynamoDb.client();
    final InMemoryDynamoDb recording = TestDynamoDb.memory();
    /** The request log holds what a test sent, not the set-up's requests. */
    @RegisterExtension
    final BeforeTestExecutionCallback freshRequestLog = TestDynamoDb.freshRequestLog();
    final Context context = new Context();

    @BeforeAll
    static void data() {
        DynamoDbClient ddb = TestDynamoDb.client();
        TestDynamoDb.deleteAllTables();
        Fixtures.createTable(ddb, LEVELS);
        Fixtures.createTable(ddb, USERS);
        for (int episode = 1; episode <= 3; episode++) {
            for (int map = 1; map <= 100; map++) {
                Fixtures.put(ddb, LEVELS, new Level(episode, map));
            }
        }
        Fixtures.put(ddb, USERS, new User("ann", "Ann"));
        Fixtures.put(ddb, USERS, new User("bob", "Bob"));
    }

    @BeforeEach
    void tablesStillThere() {
        if (ddb.listTables().tableNames().size() != 2) {
            data();
        }
    }

    static List<Key> keys(List<Level> levels) {
        return levels.stream().map(LEVELS.keys()::keyValue).toList();
    }

    @Test
    void moreThan250KeysInThreeChunksInInputOrderSkippingMissingOnes() {
        List<Key> wanted = new ArrayList<>();
        for (int episode = 1; episode <= 3; episode++) {
            for (int map = 1; map <= 90; map++) {
                wanted.add(Key.of(episode, map));
            }
        }
        Collections.shuffle(wanted, new java.util.Random(42));
        List<Key> withMissing = new ArrayList<>(wanted);
        withMissing.add(17, Key.of(9, 1));
        withMissing.add(Key.of(1, 101));
        ReadContext ctx = context.over(ddb);
        List<Level> found = Reads.getAll(ctx, LEVELS, withMissing);
        assertEquals(270, found.size());
        assertEquals(wanted.stream().map(k -> Key.of((long) (int) k.hashKey(), k.rangeKey().orElseThrow())).toList(),
                keys(found));
        List<BatchGetItemRequest> sent = recording.requests(BatchGetItemRequest.class);
        assertEquals(List.of(100, 100, 72), sent.stream()
                .map(r -> r.requestItems().get("reads_level").keys().size()).toList());
        assertEquals(false, sent.get(0).requestItems().get("reads_level").consistentRead());
        assertEquals(3, context.checks);
    }

    @Test
    void duplicateKeysCollapseToOneEntityAtTheFirstPosition() {
        ReadContext ctx = context.over(ddb);
        List<Level> found = Reads.getAll(ctx, LEVELS,
                List.of(Key.of(1, 2), Key.of(1, 1), Key.of(1L, 2), Key.of(1, 2.0), Key.of(1, 1)));
        assertEquals(List.of(Key.of(1L, 2), Key.of(1L, 1)), keys(found));
        assertEquals(2, recording.requests(BatchGetItemRequest.class).get(0).requestItems().get("reads_level").keys().size());
    }

    @Test
    void hashOnlyTablesRecordsAndConsistentReads() {
        ReadContext consistent = context.over(ddb, true, Fixtures.recordingPolicy(1, context.sleeps));
        assertEquals(List.of(new User("bob", "Bob"), new User("ann", "Ann")),
                Reads.getAll(consistent, USERS, List.of(Key.of("bob"), Key.of("carol"), Key.of("ann"))));
        assertEquals(true, recording.requests(BatchGetItemRequest.class).get(0).requestItems().get("reads_user")
                .consistentRead());
        assertEquals(List.of(), Reads.getAll(consistent, USERS, List.of()));
        assertEquals(1, recording.requests().size());
    }

    @Test
    void theSessionsInstancesAreReturnedAndPendingDeletesSkipped() {
        ReadContext ctx = context.over(ddb);
        Level loaded = Reads.query(ctx, LEVELS).hashKey(2).first().orElseThrow();
        context.loader.deletePending(LEVELS, Key.of(2L, 3));
        List<Level> found = Reads.getAll(ctx, LEVELS, List.of(Key.of(2, 3), Key.of(2, 1), Key.of(2, 2)));
        assertSame(loaded, found.get(0));
        assertEquals(List.of(Key.of(2L, 1), Key.of(2L, 2)), keys(found));
    }

    /** A client that answers BatchGetItem through {@code rewrite} and passes everything else on. */
    static DynamoDbClient rewriting(DynamoDbClient delegate, UnaryOperator<BatchGetItemRequest> before,
                                    java.util.function.BiFunction<BatchGetItemRequest, BatchGetItemResponse,
                                            BatchGetItemResponse> after) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    try {
                        if (method.getName().equals("batchGetItem") && args[0] instanceof BatchGetItemRequest request) {
                            BatchGetItemRequest sent = before.apply(request);
                            return after.apply(request, delegate.batchGetItem(sent));
                        }
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The first {@code times} calls read only the first half of the keys and return the rest as unprocessed. */
    static DynamoDbClient halfUnprocessed(DynamoDbClient delegate, int times) {
        AtomicInteger calls = new AtomicInteger();
        Map<BatchGetItemRequest, List<Map<String, AttributeValue>>> held = Collections.synchronizedMap(new java.util.IdentityHashMap<>());
        return rewriting(delegate, request -> {
            if (calls.getAndIncrement() >= times) {
                return request;
            }
            String table = request.requestItems().keySet().iterator().next();
            List<Map<String, AttributeValue>> keys = request.requestItems().get(table).keys();
            int half = Math.max(1, keys.size() / 2);
            held.put(request, keys.subList(half, keys.size()));
            return request.toBuilder().requestItems(Map.of(table, request.requestItems().get(table).toBuilder()
                    .keys(keys.subList(0, half)).build())).build();
        }, (request, response) -> {
            List<Map<String, AttributeValue>> rest = held.remove(request);
            if (rest == null || rest.isEmpty()) {
                return response;
            }
            String table = request.requestItems().keySet().iterator().next();
            return response.toBuilder().unprocessedKeys(Map.of(table, KeysAndAttributes.builder().keys(rest)
                    .consistentRead(request.requestItems().get(table).consistentRead()).build())).build();
        });
    }

    @Test
    void unprocessedKeysAreRetriedWithJitteredBackoff() {
        // the fake cannot leave keys unprocessed: halfUnprocessed does; what the engine sent is taken before it halves
        List<BatchGetItemRequest> sent = Collections.synchronizedList(new ArrayList<>());
        DynamoDbClient flaky = rewriting(halfUnprocessed(ddb, 2), request -> {
            sent.add(request);
            return request;
        }, (request, response) -> response);
        List<Key> wanted = List.of(Key.of(3, 1), Key.of(3, 2), Key.of(3, 3), Key.of(3, 4), Key.of(3, 5), Key.of(3, 6),
                Key.of(3, 7), Key.of(3, 8));
        List<Level> found = Reads.getAll(context.over(flaky), LEVELS, wanted);
        assertEquals(wanted.stream().map(k -> Key.of(3L, k.rangeKey().orElseThrow())).toList(), keys(found));
        assertEquals(List.of(8, 4, 2), sent.stream().map(r -> r.requestItems().get("reads_level").keys().size()).toList());
        assertEquals(2, context.sleeps.size());
        assertTrue(context.sleeps.get(0).compareTo(Duration.ofMillis(10)) <= 0, context.sleeps.toString());
        assertTrue(context.sleeps.get(1).compareTo(Duration.ofMillis(20)) <= 0, context.sleeps.toString());
        assertTrue(context.sleeps.stream().noneMatch(Duration::isNegative));
    }

    @Test
    void keysStillUnprocessedAfterEveryAttemptExhaustTheRetries() {
        DynamoDbClient flaky = halfUnprocessed(ddb, Integer.MAX_VALUE);
        List<Key> wanted = new ArrayList<>();
        for (int map = 1; map <= 40; map++) {
            wanted.add(Key.of(1, map));
        }
        RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class,
                () -> Reads.getAll(context.over(flaky), LEVELS, wanted));
        assertEquals(4, e.attempts());
        assertTrue(e.getMessage().contains("unprocessed") && e.getMessage().contains("reads_level")
                && e.getMessage().contains("Level"), e.getMessage());
        assertEquals(3, e.getSuppressed().length);
        assertEquals(3, context.sleeps.size());
    }

    @Test
    void throttledRequestsAreRetriedToo() {
        AtomicInteger calls = new AtomicInteger();
        DynamoDbClient throttling = rewriting(ddb, request -> {
            if (calls.getAndIncrement() == 0) {
                throw ProvisionedThroughputExceededException.builder().message("slow down")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                                .build()).build();
            }
            return request;
        }, (request, response) -> response);
        assertEquals(2, Reads.getAll(context.over(throttling), LEVELS, List.of(Key.of(1, 1), Key.of(1, 2))).size());
        assertEquals(1, context.sleeps.size());
    }

    @Test
    void throttlingAndUnprocessedKeysShareOneBudgetSoAChunkNeverCostsAttemptsSquared() {
        AtomicInteger calls = new AtomicInteger();
        DynamoDbClient halves = halfUnprocessed(ddb, Integer.MAX_VALUE);
        DynamoDbClient sent = rewriting(halves, request -> {
            if (calls.getAndIncrement() % 2 == 0) {   // every other request is throttled, the rest half-served
                throw ProvisionedThroughputExceededException.builder().message("slow down")
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                                .build()).build();
            }
            return request;
        }, (request, response) -> response);
        List<Key> wanted = new ArrayList<>();
        for (int map = 1; map <= 40; map++) {
            wanted.add(Key.of(1, map));
        }
        assertThrows(RetriesExhaustedException.class, () -> Reads.getAll(context.over(sent), LEVELS, wanted));
        assertEquals(4, calls.get(), "the policy's 4 attempts in all");
        assertEquals(3, context.sleeps.size());
    }

    @Test
    void invalidKeysAreClearErrorsBeforeAnyRequest() {
        ReadContext ctx = context.over(ddb);
        IllegalArgumentException noRange = assertThrows(IllegalArgumentException.class,
                () -> Reads.getAll(ctx, LEVELS, List.of(Key.of(1, 1), Key.of(1))));
        assertTrue(noRange.getMessage().contains("key #1") && noRange.getMessage().contains("map"), noRange.getMessage());
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> Reads.getAll(ctx, LEVELS, List.of(Key.of("one", 1))));
        assertTrue(wrongType.getMessage().contains("Level.episode"), wrongType.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Reads.getAll(ctx, USERS, List.of(Key.of("ann", 1))));
        assertThrows(IllegalArgumentException.class, () -> Reads.getAll(ctx, USERS, List.of(Key.of(""))));
        assertEquals("keys[1] == null (getAll(User))", assertThrows(NullPointerException.class,
                () -> Reads.getAll(ctx, USERS, Arrays.asList(Key.of("ann"), null))).getMessage());
        assertEquals("keys == null", assertThrows(NullPointerException.class,
                () -> Reads.getAll(ctx, USERS, null)).getMessage());
        assertEquals(0, recording.requests().size());
    }
}
