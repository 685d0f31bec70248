package io.dynamapper.engine.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.DynamapperException;
import io.dynamapper.Filter;
import io.dynamapper.Key;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.read.Fixtures.Context;
import io.dynamapper.engine.internal.read.Fixtures.Level;
import io.dynamapper.engine.testing.TestDynamoDb;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class ScanTest {
    static final EntityModel<Level> LEVELS = EntityModel.of(Level.class);
    static final int EPISODES = 10;
    static final int MAPS = 12;

    final DynamoDbClient ddb = TestDynamoDb.client();
    final InMemoryDynamoDb recording = TestDynamoDb.memory();
    /** The request log holds what a test sent, not the set-up's requests. */
    @RegisterExtension
    final BeforeTestExecutionCallback freshRequestLog = TestDynamoDb.freshRequestLog();
    final Context context = new Context();
    final ReadContext ctx = context.over(ddb);

    @BeforeAll
    static void data() {
        DynamoDbClient ddb = TestDynamoDb.client();
        TestDynamoDb.deleteAllTables();
        Fixtures.createTable(ddb, LEVELS);
        for (int episode = 1; episode <= EPISODES; episode++) {
            for (int map = 1; map <= MAPS; map++) {
                Level level = new Level(episode, map);
                level.status = map % 4 == 0 ? "secret" : "normal";
                Fixtures.put(ddb, LEVELS, level);
            }
        }
    }

    @BeforeEach
    void tableStillThere() {
        if (!ddb.listTables().tableNames().contains(LEVELS.tableName())) {
            data();
        }
    }

    static List<Key> keys(List<Level> levels) {
        return levels.stream().map(LEVELS.keys()::keyValue).toList();
    }

    /** What DynamoDB returns for each segment, in segment order: the order a parallel scan must keep. */
    List<Key> segmentOrder(int segments) {
        List<Key> keys = new ArrayList<>();
        for (int segment = 0; segment < segments; segment++) {
            Map<String, AttributeValue> start = null;
            do {
                ScanResponse response = ddb.scan(ScanRequest.builder().tableName(LEVELS.tableName()).segment(segment)
                        .totalSegments(segments).exclusiveStartKey(start).build());
                response.items().forEach(item -> keys.add(LEVELS.keys().keyValue(item)));
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return keys;
    }

    @Test
    void aFullScanReadsEveryItem() {
        List<Level> all = Reads.scan(ctx, LEVELS).list();
        assertEquals(EPISODES * MAPS, all.size());
        assertEquals(EPISODES * MAPS, new HashSet<>(keys(all)).size());
        assertEquals(null, recording.requests(ScanRequest.class).get(0).segment());
        assertEquals(EPISODES * MAPS, Reads.scan(ctx, LEVELS).count());
    }

    @Test
    void aParallelScanEqualsAFullScanInSegmentOrderAndLoadsOnTheCallingThread() {
        List<Level> full = Reads.scan(ctx, LEVELS).list();
        recording.clearRequests();
        context.loader.threads.clear();
        List<Level> parallel = Reads.scan(ctx, LEVELS).segments(4).list();
        assertEquals(new HashSet<>(keys(full)), new HashSet<>(keys(parallel)));
        assertEquals(full.size(), parallel.size());
        assertEquals(segmentOrder(4), keys(parallel));
        for (int i = 0; i < full.size(); i++) {
            Level same = parallel.get(keys(parallel).indexOf(LEVELS.keys().keyValue(full.get(i))));
            assertSame(full.get(i), same);
        }
        assertTrue(context.loader.threads.stream().allMatch(t -> t == Thread.currentThread()));
        List<ScanRequest> sent = recording.requests(ScanRequest.class);
        assertEquals(List.of(0, 1, 2, 3), sent.stream().map(ScanRequest::segment).sorted().distinct().toList());
        assertTrue(sent.stream().allMatch(r -> r.totalSegments() == 4));
        assertEquals(EPISODES * MAPS, Reads.scan(ctx, LEVELS).segments(4).count());
        assertEquals(EPISODES * MAPS, Reads.scan(ctx, LEVELS).segments(7).list().size());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("dynamapper-scan-") && t.isAlive() && !t.isDaemon()));
    }

    @Test
    void filterAndLimit() {
        List<Level> secret = Reads.scan(ctx, LEVELS).filter(Filter.eq("status", "secret")).list();
        assertEquals(EPISODES * MAPS / 4, secret.size());
        assertTrue(secret.stream().allMatch(l -> l.map % 4 == 0));
        assertEquals(null, recording.requests(ScanRequest.class).get(0).limit());

        recording.clearRequests();
        List<Level> five = Reads.scan(ctx, LEVELS).filter(Filter.eq("status", "secret")).limit(5).list();
        assertEquals(5, five.size());
        assertTrue(five.stream().allMatch(l -> l.map % 4 == 0));
        assertEquals(null, recording.requests(ScanRequest.class).get(0).limit());

        recording.clearRequests();
        assertEquals(7, Reads.scan(ctx, LEVELS).limit(7).list().size());
        assertEquals(List.of(7), recording.requests(ScanRequest.class).stream().map(ScanRequest::limit).toList());

        assertEquals(5, Reads.scan(ctx, LEVELS).filter(Filter.eq("status", "secret")).limit(5).count());
        assertEquals(EPISODES * MAPS / 4, Reads.scan(ctx, LEVELS).filter(Filter.eq("status", "secret")).segments(3).count());
        assertEquals(11, Reads.scan(ctx, LEVELS).segments(3).limit(11).count());
    }

    @Test
    void aParallelScanWithALimitKeepsTheFirstItemsInSegmentOrder() {
        List<Key> order = segmentOrder(4);
        List<Level> ten = Reads.scan(ctx, LEVELS).segments(4).limit(10).list();
        assertEquals(order.subList(0, 10), keys(ten));
        List<Level> filtered = Reads.scan(ctx, LEVELS).segments(4).limit(3).filter(Filter.eq("status", "secret")).list();
        assertEquals(3, filtered.size());
        // a skipped (pending delete) item is replaced by reading on
        context.loader.deletePending(LEVELS, order.get(0));
        assertEquals(order.subList(1, 11), keys(Reads.scan(ctx, LEVELS).segments(4).limit(10).list()));
    }

    @Test
    void streamIsLazyAndReadsSegmentsOneAfterAnother() {
        Stream<Level> stream = Reads.scan(ctx, LEVELS).segments(3).stream();
        assertEquals(0, recording.requests().size());
        assertEquals(2, stream.limit(2).count());
        assertEquals(1, recording.requests(ScanRequest.class).size());
        assertEquals(0, recording.requests(ScanRequest.class).get(0).segment());

        List<Key> expected = segmentOrder(3); // reads the table itself: before the log is cleared
        recording.clearRequests();
        assertEquals(expected, keys(Reads.scan(ctx, LEVELS).segments(3).stream().toList()));
        assertEquals(List.of(0, 1, 2), recording.requests(ScanRequest.class).stream().map(ScanRequest::segment).toList());
    }

    @Test
    void consistentReads() {
        Reads.scan(ctx, LEVELS).limit(1).list();
        Reads.scan(ctx, LEVELS).limit(1).consistentRead().list();
        Reads.scan(context.over(ddb, true, Fixtures.recordingPolicy(1, context.sleeps)), LEVELS)
                .limit(1).count();
        List<ScanRequest> sent = recording.requests(ScanRequest.class);
        assertEquals(List.of(false, true, true), sent.stream().map(ScanRequest::consistentRead).toList());
        assertEquals(Select.COUNT, sent.get(2).select());
    }

    @Test
    void badInputAndFailures() {
        assertThrows(IllegalArgumentException.class, () -> Reads.scan(ctx, LEVELS).segments(0));
        assertThrows(IllegalArgumentException.class, () -> Reads.scan(ctx, LEVELS).segments(1_000_001));
        assertThrows(IllegalArgumentException.class, () -> Reads.scan(ctx, LEVELS).limit(-1));
        assertThrows(IllegalArgumentException.class, () -> Reads.scan(ctx, LEVELS).filter(Filter.eq("nope", 1)).stream());
        assertEquals(0, recording.requests().size());

        context.closed = true;
        assertThrows(IllegalStateException.class, () -> Reads.scan(ctx, LEVELS).segments(4).list());
        assertThrows(IllegalStateException.class, () -> Reads.scan(ctx, LEVELS).list());
        assertEquals(0, recording.requests().size());
        context.closed = false;

        ddb.deleteTable(b -> b.tableName(LEVELS.tableName()));
        DynamapperException missing = assertThrows(DynamapperException.class,
                () -> Reads.scan(ctx, LEVELS).segments(4).list());
        assertTrue(missing.getMessage().contains("Scan on table 'reads_level'"), missing.getMessage());
        assertThrows(DynamapperException.class, () -> Reads.scan(ctx, LEVELS).segments(2).count());
    }
}
