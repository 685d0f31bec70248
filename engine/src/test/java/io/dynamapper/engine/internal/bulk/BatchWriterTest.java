package io.dynamapper.engine.internal.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.AutoIncrement;
import io.dynamapper.BulkWriteOptions;
import io.dynamapper.BulkWriter;
import io.dynamapper.DynamapperException;
import io.dynamapper.HashKey;
import io.dynamapper.RangeKey;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.RetryPolicy;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.Table;
import io.dynamapper.Throughput;
import io.dynamapper.Version;
import io.dynamapper.engine.internal.session.DefaultSessionFactory;
import io.dynamapper.engine.testing.TestDynamoDb;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchWriterTest {
    static final DynamoDbClient LOCAL = TestDynamoDb.client();

    @Table("bulk_map")
    static class DoomMap {
        @HashKey long episode;
        @RangeKey int map;
        String name;
        @Version Long version;

        DoomMap() {
        }

        DoomMap(long episode, int map, String name) {
            this.episode = episode;
            this.map = map;
            this.name = name;
        }
    }

    @Table("bulk_player")
    static class Player {
        @HashKey @AutoIncrement(blockSize = 100) long id;
        String name;
    }

    /**
     * A client that applies at most {@code capacity} writes of each BatchWriteItem and returns the
     * rest as unprocessed, as DynamoDB does when throttled; it may also throw before a number of calls.
     */
    static final class PartialClient {
        volatile int capacity = Integer.MAX_VALUE;
        final AtomicInteger throwFirst = new AtomicInteger();
        final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        final DynamoDbClient client = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof BatchWriteItemRequest request) {
                        return batch(request);
                    }
                    try {
                        return method.invoke(LOCAL, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        private BatchWriteItemResponse batch(BatchWriteItemRequest request) {
            int n = request.requestItems().values().stream().mapToInt(List::size).sum();
            sizes.add(n);
            if (throwFirst.getAndDecrement() > 0) {
                throw ProvisionedThroughputExceededException.builder().message("injected throttling").build();
            }
            Map<String, List<WriteRequest>> applied = new LinkedHashMap<>();
            Map<String, List<WriteRequest>> left = new LinkedHashMap<>();
            int budget = capacity;
            for (var e : request.requestItems().entrySet()) {
                for (WriteRequest w : e.getValue()) {
                    (budget-- > 0 ? applied : left).computeIfAbsent(e.getKey(), t -> new ArrayList<>()).add(w);
                }
            }
            if (!applied.isEmpty()) {
                LOCAL.batchWriteItem(BatchWriteItemRequest.builder().requestItems(applied).build());
            }
            return BatchWriteItemResponse.builder().unprocessedItems(left).build();
        }
    }

    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    final RetryPolicy policy = RetryPolicy.defaults().withSleeper(sleeps::add);
    PartialClient partial;
    SessionFactory sessions;

    @BeforeEach
    void freshTables() {
        TestDynamoDb.deleteAllTables();
        partial = new PartialClient();
        sessions = new DefaultSessionFactory(partial.client, policy, SessionOptions.defaults());
        sessions.schema().createTable(DoomMap.class, Throughput.onDemand());
        sessions.schema().createTable(Player.class, Throughput.onDemand());
    }

    private int stored() {
        try (Session s = sessions.openSession()) {
            return s.scan(DoomMap.class).list().size();
        }
    }

    @Test
    void putsGoOutInRequestsOf25AndCloseFlushes() {
        List<long[]> progress = Collections.synchronizedList(new ArrayList<>());
        BulkWriter writer = sessions.bulkWriter(BulkWriteOptions.defaults()
                .withProgress((written, queued) -> progress.add(new long[] {written, queued})));
        try (writer) {
            for (int i = 1; i <= 60; i++) {
                writer.put(new DoomMap(1, i, "map " + i));
            }
            assertEquals(List.of(25, 25), partial.sizes, "two full requests sent while queueing");
        }
        assertEquals(List.of(25, 25, 10), partial.sizes);
        assertEquals(60, writer.written());
        assertEquals(60, stored());
        assertEquals(List.of(25L, 50L, 60L), progress.stream().map(p -> p[0]).toList());
        assertEquals(60L, progress.get(2)[1]);
    }

    @Test
    void flushReturnsWhatWasWrittenSinceTheLastFlush() {
        try (BulkWriter writer = sessions.bulkWriter()) {
            for (int i = 1; i <= 30; i++) {
                writer.put(new DoomMap(1, i, "m"));
            }
            assertEquals(30, writer.flush());
            writer.delete(DoomMap.class, 1, 1).delete(new DoomMap(1, 2, null));
            assertEquals(2, writer.flush());
            assertEquals(0, writer.flush());
        }
        assertEquals(28, stored());
    }

    @Test
    void unprocessedItemsAreRetriedWithBackoffUntilDone() {
        partial.capacity = 10;
        try (BulkWriter writer = sessions.bulkWriter()) {
            for (int i = 1; i <= 25; i++) {
                writer.put(new DoomMap(2, i, "m"));
            }
        }
        assertEquals(List.of(25, 15, 5), partial.sizes, "each retry sends only what was left unprocessed");
        assertEquals(2, sleeps.size(), "a backoff before each retry");
        assertEquals(25, stored());
    }

    @Test
    void whenTheBudgetRunsOutTheExceptionNamesWhatWasNotWritten() {
        partial.capacity = 1;
        BulkWriter writer = sessions.bulkWriter(BulkWriteOptions.defaults().withRetryPolicy(policy.withMaxAttempts(3)));
        for (int i = 1; i <= 5; i++) {
            writer.put(new DoomMap(3, i, "m"));
        }
        RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, writer::close);
        assertEquals(3, e.attempts());
        assertTrue(e.getMessage().contains("2 of 5 writes were not written"), e.getMessage());
        assertTrue(e.getMessage().contains("put DoomMap (3, 4)") && e.getMessage().contains("put DoomMap (3, 5)"),
                e.getMessage());
        assertEquals(3, stored());
        assertThrows(IllegalStateException.class, () -> writer.put(new DoomMap(3, 9, "m")), "closed anyway");
    }

    @Test
    void transientFailuresAreRetried() {
        partial.throwFirst.set(2);
        try (BulkWriter writer = sessions.bulkWriter()) {
            writer.put(new DoomMap(4, 1, "m"));
        }
        assertEquals(3, partial.sizes.size());
        assertEquals(1, stored());
    }

    @Test
    void aRejectedRequestFailsAtOnce() {
        LOCAL.deleteTable(b -> b.tableName("bulk_map"));
        BulkWriter writer = sessions.bulkWriter();
        writer.put(new DoomMap(5, 1, "m"));
        DynamapperException e = assertThrows(DynamapperException.class, writer::flush);
        assertTrue(e.getMessage().contains("put DoomMap (5, 1)"), e.getMessage());
        assertEquals(1, partial.sizes.size());
    }

    @Test
    void theSameItemTwiceGoesIntoSeparateRequestsAndTheLastWins() {
        try (BulkWriter writer = sessions.bulkWriter()) {
            writer.put(new DoomMap(6, 1, "first")).put(new DoomMap(6, 1, "second"));
        }
        assertEquals(List.of(1, 1), partial.sizes);
        try (Session s = sessions.openSession()) {
            assertEquals("second", s.get(DoomMap.class, 6, 1).name);
        }
    }

    @Test
    void putsAreNotVersionChecked() {
        DoomMap stale = new DoomMap(7, 1, "stale");
        stale.version = 42L;
        try (BulkWriter writer = sessions.bulkWriter()) {
            writer.put(stale);
        }
        try (Session s = sessions.openSession()) {
            assertEquals(42L, s.get(DoomMap.class, 7, 1).version, "stored as given");
        }
    }

    @Test
    void keysAndSizesAreCheckedBeforeSending() {
        try (BulkWriter writer = sessions.bulkWriter()) {
            DoomMap huge = new DoomMap(8, 1, "x".repeat(410 * 1024));
            DynamapperException tooLarge = assertThrows(DynamapperException.class, () -> writer.put(huge));
            assertTrue(tooLarge.getMessage().contains("400"), tooLarge.getMessage());
            assertThrows(IllegalArgumentException.class, () -> writer.delete(DoomMap.class, 1));
            assertThrows(NullPointerException.class, () -> writer.put(null));
            assertEquals(0, writer.flush());
        }
        assertEquals(List.of(), partial.sizes);
    }

    @Test
    void generatedKeysAreAssignedByPut() {
        List<Player> players = new ArrayList<>();
        try (BulkWriter writer = sessions.bulkWriter()) {
            for (int i = 0; i < 3; i++) {
                Player p = new Player();
                p.name = "p" + i;
                writer.put(p);
                players.add(p);
            }
        }
        assertEquals(List.of(1L, 2L, 3L), players.stream().map(p -> p.id).toList());
    }

    @Test
    void parallelRequestsWriteEverything() {
        partial.capacity = 20;
        AtomicInteger calls = new AtomicInteger();
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        BulkWriter writer = sessions.bulkWriter(BulkWriteOptions.defaults().withParallelism(4)
                .withProgress((written, queued) -> {
                    calls.incrementAndGet();
                    seen.add(written);
                }));
        try (writer) {
            for (int i = 1; i <= 200; i++) {
                writer.put(new DoomMap(9, i, "m"));
            }
        }
        assertEquals(200, writer.written());
        assertEquals(200, stored());
        assertEquals(200L, Collections.max(seen));
        assertEquals(partial.sizes.size(), calls.get(), "told after every request");
    }
}
