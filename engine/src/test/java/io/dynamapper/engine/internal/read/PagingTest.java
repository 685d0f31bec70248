package io.dynamapper.engine.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Filter;
import io.dynamapper.Page;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.read.Fixtures.Context;
import io.dynamapper.engine.internal.read.Fixtures.Level;
import io.dynamapper.engine.testing.TestDynamoDb;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Partitions larger than DynamoDB's 1 MB page: reads that need several pages, and stop when satisfied. */
class PagingTest {
    static final EntityModel<Level> LEVELS = EntityModel.of(Level.class);
    static final int ITEMS = 30;
    static final String BLOB = "x".repeat(100_000);

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
        for (int map = 1; map <= ITEMS; map++) {
            Level level = new Level(1, map);
            level.blob = BLOB;
            level.status = map % 2 == 0 ? "even" : "odd";
            Fixtures.put(ddb, LEVELS, level);
        }
    }

    @BeforeEach
    void tableStillThere() {
        if (!ddb.listTables().tableNames().contains(LEVELS.tableName())) {
            data();
        }
    }

    int queries() {
        return recording.requests(QueryRequest.class).size();
    }

    @Test
    void listReadsEveryPage() {
        List<Level> all = Reads.query(ctx, LEVELS).hashKey(1).list();
        assertEquals(ITEMS, all.size());
        assertTrue(queries() >= 3, "1 MB pages: " + queries());
    }

    @Test
    void aLimitWithAFilterReadsPagesUntilSatisfiedAndNoFurther() {
        List<Level> all = Reads.query(ctx, LEVELS).hashKey(1).filter(Filter.eq("status", "even")).list();
        assertEquals(ITEMS / 2, all.size());
        int pages = queries();
        assertTrue(pages >= 2, pages + " pages");

        recording.clearRequests();
        List<Level> some = Reads.query(ctx, LEVELS).hashKey(1).filter(Filter.eq("status", "even")).limit(2).list();
        assertEquals(List.of(2, 4), some.stream().map(l -> l.map).toList());
        assertEquals(1, queries());
        assertEquals(null, recording.requests(QueryRequest.class).get(0).limit());

        recording.clearRequests();
        List<Level> most = Reads.query(ctx, LEVELS).hashKey(1).filter(Filter.eq("status", "even")).limit(ITEMS / 2 - 1)
                .list();
        assertEquals(ITEMS / 2 - 1, most.size());
        assertEquals(28, most.get(most.size() - 1).map);
        assertTrue(queries() >= 2, queries() + " pages");
    }

    @Test
    void firstWithAFilterReadsOnUntilAMatchTheSessionKeeps() {
        Page<Level> firstPage = Reads.query(ctx, LEVELS).hashKey(1).page(ITEMS, Optional.empty());
        int onFirstPage = firstPage.items().size();
        recording.clearRequests();
        // every item of the first page is pending deletion in the session: first() must read the next page
        for (Level level : firstPage.items()) {
            context.loader.deletePending(LEVELS, LEVELS.keys().keyValue(level));
        }
        Level first = Reads.query(ctx, LEVELS).hashKey(1).filter(Filter.exists("blob")).first().orElseThrow();
        assertEquals(onFirstPage + 1, first.map);
        assertTrue(queries() >= 2, queries() + " pages");
        assertTrue(Reads.query(ctx, LEVELS).hashKey(1).filter(Filter.ge("blob", "y")).first().isEmpty());
    }

    @Test
    void aShortCircuitingStreamReadsOnlyTheFirstPage() {
        var stream = Reads.query(ctx, LEVELS).hashKey(1).stream();
        assertEquals(0, queries());
        assertEquals(List.of(1, 2, 3), stream.limit(3).map(l -> l.map).toList());
        assertEquals(1, queries());
        assertEquals(3, context.loader.loads);
    }

    @Test
    void aPageStopsAtOneMegabyteAndTheCursorContinues() {
        Page<Level> first = Reads.query(ctx, LEVELS).hashKey(1).page(ITEMS, Optional.empty());
        assertTrue(first.items().size() < ITEMS && first.hasNext(), first.items().size() + " items");
        Page<Level> second = Reads.query(ctx, LEVELS).hashKey(1).page(ITEMS, first.next());
        assertEquals(first.items().size() + 1, second.items().get(0).map);
    }
}
