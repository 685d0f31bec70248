package io.dynamapper.engine.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Cursor;
import io.dynamapper.DynamapperException;
import io.dynamapper.Filter;
import io.dynamapper.Key;
import io.dynamapper.KeyCondition;
import io.dynamapper.MappingException;
import io.dynamapper.Page;
import io.dynamapper.Query;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.read.Fixtures.Context;
import io.dynamapper.engine.internal.read.Fixtures.Level;
import io.dynamapper.engine.internal.read.Fixtures.Note;
import io.dynamapper.engine.internal.read.Fixtures.User;
import io.dynamapper.engine.testing.TestDynamoDb;
import io.dynamapper.engine.testing.RecordingClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryTest {
    static final EntityModel<Level> LEVELS = EntityModel.of(Level.class);
    static final EntityModel<Note> NOTES = EntityModel.of(Note.class);
    static final EntityModel<User> USERS = EntityModel.of(User.class);

    final DynamoDbClient ddb = TestDynamoDb.client();
    final RecordingClient recording = RecordingClient.wrap(ddb);
    final Context context = new Context();
    final ReadContext ctx = context.over(recording.client());

    @BeforeEach
    void tables() {
        TestDynamoDb.deleteAllTables();
        Fixtures.createTable(ddb, LEVELS);
        Fixtures.createTable(ddb, NOTES);
        Fixtures.createTable(ddb, USERS);
        for (int map = 1; map <= 9; map++) {
            Level level = new Level(1, map);
            level.name = map % 3 == 0 ? null : "E1M" + map;
            level.kills = map * 10;
            level.date = map % 2 == 0 ? "1993-12-" + (10 + map) : null;
            level.status = map <= 5 ? "done" : "todo";
            Fixtures.put(ddb, LEVELS, level);
        }
        Fixtures.put(ddb, LEVELS, new Level(2, 1));
        for (String slug : List.of("a", "ab", "abc", "b", "ba", "c")) {
            Fixtures.put(ddb, NOTES, new Note("ann", slug));
        }
        Fixtures.put(ddb, NOTES, new Note("bob", "a"));
        recording.clear();
    }

    Query<Level> levels() {
        return Reads.query(ctx, LEVELS);
    }

    Query<Note> notes() {
        return Reads.query(ctx, NOTES);
    }

    static List<Integer> maps(List<Level> levels) {
        return levels.stream().map(l -> l.map).toList();
    }

    static List<String> slugs(List<Note> notes) {
        return notes.stream().map(n -> n.slug).toList();
    }

    @Test
    void hashKeyAloneReadsThePartitionInOrderWithAnyNumberType() {
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), maps(levels().hashKey(1).list()));
        assertEquals(List.of(1), maps(levels().hashKey(2L).list()));
        assertEquals(List.of(), levels().hashKey(3).list());
        QueryRequest sent = recording.requests(QueryRequest.class).get(0);
        assertEquals("#f0 = :v0", sent.keyConditionExpression());
        assertEquals(Map.of("#f0", "episode"), sent.expressionAttributeNames());
        assertEquals(false, sent.consistentRead());
    }

    @Test
    void everyKeyConditionOnNumbers() {
        assertEquals(List.of(4), maps(levels().hashKey(1).rangeKey(KeyCondition.eq(4)).list()));
        assertEquals(List.of(1, 2, 3), maps(levels().hashKey(1).rangeKey(KeyCondition.lt(4)).list()));
        assertEquals(List.of(1, 2, 3, 4), maps(levels().hashKey(1).rangeKey(KeyCondition.le(4L)).list()));
        assertEquals(List.of(8, 9), maps(levels().hashKey(1).rangeKey(KeyCondition.gt(7)).list()));
        assertEquals(List.of(7, 8, 9), maps(levels().hashKey(1).rangeKey(KeyCondition.ge(7)).list()));
        assertEquals(List.of(3, 4, 5), maps(levels().hashKey(1).rangeKey(KeyCondition.between(3, 5)).list()));
        assertEquals("#f0 = :v0 AND #f1 BETWEEN :v1 AND :v2",
                recording.requests(QueryRequest.class).get(5).keyConditionExpression());
    }

    @Test
    void everyKeyConditionOnStrings() {
        assertEquals(List.of("ab"), slugs(notes().hashKey("ann").rangeKey(KeyCondition.eq("ab")).list()));
        assertEquals(List.of("a", "ab", "abc"), slugs(notes().hashKey("ann").rangeKey(KeyCondition.lt("b")).list()));
        assertEquals(List.of("a", "ab", "abc", "b"), slugs(notes().hashKey("ann").rangeKey(KeyCondition.le("b")).list()));
        assertEquals(List.of("ba", "c"), slugs(notes().hashKey("ann").rangeKey(KeyCondition.gt("b")).list()));
        assertEquals(List.of("b", "ba", "c"), slugs(notes().hashKey("ann").rangeKey(KeyCondition.ge("b")).list()));
        assertEquals(List.of("ab", "abc", "b"),
                slugs(notes().hashKey("ann").rangeKey(KeyCondition.between("ab", "b")).list()));
        assertEquals(List.of("a", "ab", "abc"),
                slugs(notes().hashKey("ann").rangeKey(KeyCondition.beginsWith("a")).list()));
        assertEquals(List.of("a"), slugs(notes().hashKey("bob").list()));
        assertEquals("#f0 = :v0 AND begins_with(#f1, :v1)",
                recording.requests(QueryRequest.class).get(6).keyConditionExpression());
    }

    @Test
    void descendingReversesTheOrder() {
        assertEquals(List.of(9, 8, 7), maps(levels().hashKey(1).rangeKey(KeyCondition.ge(7)).descending().list()));
        assertEquals(List.of("c", "ba", "b", "abc", "ab", "a"), slugs(notes().hashKey("ann").descending().list()));
        assertEquals(false, recording.requests(QueryRequest.class).get(0).scanIndexForward());
    }

    @Test
    void limitWithoutFilterAsksForTheRemainingItems() {
        assertEquals(List.of(1, 2, 3), maps(levels().hashKey(1).limit(3).list()));
        List<QueryRequest> sent = recording.requests(QueryRequest.class);
        assertEquals(1, sent.size());
        assertEquals(3, sent.get(0).limit());
        assertEquals(List.of(9, 8), maps(levels().hashKey(1).descending().limit(2).list()));
    }

    @Test
    void limitWithFilterCountsReturnedItemsNotEvaluatedOnes() {
        List<Level> todo = levels().hashKey(1).filter(Filter.eq("status", "todo")).limit(2).list();
        assertEquals(List.of(6, 7), maps(todo));
        assertEquals(null, recording.requests(QueryRequest.class).get(0).limit());
    }

    @Test
    void limitAcrossPagesWhenSkippedItemsMustBeReplaced() {
        // the session holds pending deletes of maps 1 and 2: the first page of Limit 3 returns one entity only
        context.loader.deletePending(LEVELS, Key.of(1L, 1));
        context.loader.deletePending(LEVELS, Key.of(1L, 2));
        assertEquals(List.of(3, 4, 5), maps(levels().hashKey(1).limit(3).list()));
        List<Integer> limits = recording.requests(QueryRequest.class).stream().map(QueryRequest::limit).toList();
        assertEquals(List.of(3, 2), limits);
    }

    @Test
    void firstStopsAtTheFirstMatch() {
        assertEquals(Optional.of(1), levels().hashKey(1).first().map(l -> l.map));
        assertEquals(1, recording.requests(QueryRequest.class).get(0).limit());
        assertEquals(Optional.of(9), levels().hashKey(1).descending().first().map(l -> l.map));
        assertEquals(Optional.empty(), levels().hashKey(7).first());
        assertEquals(Optional.of(6), levels().hashKey(1).filter(Filter.eq("status", "todo")).first().map(l -> l.map));
    }

    @Test
    void countUsesSelectCountAndLoadsNothing() {
        assertEquals(9, levels().hashKey(1).count());
        assertEquals(4, levels().hashKey(1).filter(Filter.eq("status", "todo")).count());
        assertEquals(3, levels().hashKey(1).rangeKey(KeyCondition.le(3)).count());
        assertEquals(5, levels().hashKey(1).limit(5).count());
        assertEquals(2, levels().hashKey(1).filter(Filter.eq("status", "todo")).limit(2).count());
        assertTrue(recording.requests(QueryRequest.class).stream().allMatch(r -> r.select() == Select.COUNT));
        assertEquals(0, context.loader.loads);
    }

    @Test
    void pagesWithCursorsSerialisedBetweenPagesUntilDone() {
        List<Integer> seen = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        int pages = 0;
        do {
            Page<Level> page = levels().hashKey(1).page(4, after);
            assertTrue(page.items().size() <= 4);
            seen.addAll(maps(page.items()));
            after = page.next().map(Cursor::toString).map(Cursor::parse);
            pages++;
        } while (after.isPresent());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
        assertEquals(3, pages);
        assertTrue(recording.requests(QueryRequest.class).stream().allMatch(r -> r.limit() == 4));
    }

    @Test
    void pageOfExactlyTheRestMayBeFollowedByAnEmptyLastPage() {
        Page<Level> first = levels().hashKey(1).descending().page(9, Optional.empty());
        assertEquals(9, first.items().size());
        if (first.hasNext()) {
            Page<Level> last = levels().hashKey(1).descending().page(9, first.next());
            assertEquals(List.of(), last.items());
            assertFalse(last.hasNext());
        }
    }

    @Test
    void pageWithFilterMayComeBackShortButCarriesOn() {
        List<Integer> seen = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        do {
            Page<Level> page = levels().hashKey(1).filter(Filter.eq("status", "todo")).page(3, after);
            seen.addAll(maps(page.items()));
            after = page.next();
        } while (after.isPresent());
        assertEquals(List.of(6, 7, 8, 9), seen);
    }

    @Test
    void pagesOfAnIndexCarryTheIndexKeysInTheirCursors() {
        List<Integer> seen = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        do {
            Page<Level> page = levels().index("by_date").hashKey(1).page(1, after);
            seen.addAll(maps(page.items()));
            after = page.next().map(c -> Cursor.parse(c.toString()));
            after.ifPresent(c -> assertTrue(c.lastEvaluatedKey().containsKey("date"), c.lastEvaluatedKey().toString()));
        } while (after.isPresent());
        assertEquals(List.of(2, 4, 6, 8), seen);
    }

    @Test
    void aCursorOfAnotherQueryIsRejected() {
        Page<Level> page = levels().index("by_date").hashKey(1).page(1, Optional.empty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> levels().hashKey(1).page(1, page.next()));
        assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
    }

    @Test
    void streamIsLazyAndReadsOnlyThePagesItNeeds() {
        Stream<Level> stream = levels().hashKey(1).stream();
        assertEquals(0, recording.requests().size());
        assertEquals(List.of(1, 2), stream.limit(2).map(l -> l.map).toList());
        assertEquals(1, recording.requests(QueryRequest.class).size());

        // pages of 2 (the limit hint); taking 3 needs 2 pages, not all 5
        recording.clear();
        context.loader.deletePending(LEVELS, Key.of(1L, 1));
        Iterator<Level> it = levels().hashKey(1).limit(6).stream().iterator();
        assertEquals(0, recording.requests().size());
        assertEquals(2, it.next().map);
        assertEquals(1, recording.requests().size());
    }

    @Test
    void gsiQueryUsesTheIndexKeysAndSkipsItemsWithoutThem() {
        List<Level> named = levels().index("by_name").hashKey("E1M4").list();
        assertEquals(List.of(4), maps(named));
        assertEquals(List.of(), levels().index("by_name").hashKey("E1M3").list());
        assertEquals(List.of(5), maps(levels().index("by_name").hashKey("E1M5").rangeKey(KeyCondition.gt(49)).list()));
        assertEquals(List.of(), levels().index("by_name").hashKey("E1M5").rangeKey(KeyCondition.lt(49)).list());
        QueryRequest sent = recording.requests(QueryRequest.class).get(0);
        assertEquals("by_name", sent.indexName());
        assertEquals(Select.ALL_ATTRIBUTES, sent.select());
        assertEquals(false, sent.consistentRead());
        assertEquals("done", named.get(0).status);
    }

    @Test
    void lsiQueryReturnsWholeItemsInIndexOrder() {
        List<Level> dated = levels().index("by_date").hashKey(1).rangeKey(KeyCondition.beginsWith("1993-12-1"))
                .descending().list();
        assertEquals(List.of(8, 6, 4, 2), maps(dated));
        assertEquals("todo", dated.get(0).status);
        assertEquals(80, dated.get(0).kills);
        assertEquals(List.of(4), maps(levels().index("by_date").hashKey(1).consistentRead()
                .rangeKey(KeyCondition.eq("1993-12-14")).list()));
        assertEquals(true, recording.requests(QueryRequest.class).get(1).consistentRead());
    }

    @Test
    void aGlobalIndexThatDoesNotProjectAllFallsBackToReadingWholeItemsByKey() {
        TestDynamoDb.deleteAllTables();
        Fixtures.createTable(ddb, LEVELS, Map.of("by_name", ProjectionType.KEYS_ONLY));
        for (int episode = 1; episode <= 4; episode++) {
            Level level = new Level(episode, 1);
            level.name = "Hangar";
            level.kills = 50 - episode * 10;
            level.status = "status " + episode;
            Fixtures.put(ddb, LEVELS, level);
        }
        recording.clear();
        List<Level> hangars = levels().index("by_name").hashKey("Hangar").list();
        assertEquals(List.of(4L, 3L, 2L, 1L), hangars.stream().map(l -> l.episode).toList());
        assertEquals("status 4", hangars.get(0).status);
        assertEquals(List.of("QueryRequest", "QueryRequest", "BatchGetItemRequest"),
                recording.requests().stream().map(r -> r.getClass().getSimpleName()).toList());
        assertEquals(Select.ALL_PROJECTED_ATTRIBUTES, recording.requests(QueryRequest.class).get(1).select());

        // the same instances, page by page, and the index order is kept
        List<Level> paged = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        do {
            Page<Level> page = levels().index("by_name").hashKey("Hangar").descending().page(3, after);
            paged.addAll(page.items());
            after = page.next();
        } while (after.isPresent());
        assertEquals(List.of(1L, 2L, 3L, 4L), paged.stream().map(l -> l.episode).toList());
        assertSame(hangars.get(3), paged.get(0));
        assertEquals(Optional.of(3L), levels().index("by_name").hashKey("Hangar").rangeKey(KeyCondition.eq(20))
                .first().map(l -> l.episode));
        assertEquals(4, levels().index("by_name").hashKey("Hangar").count());
    }

    @Test
    void consistentReadFollowsTheSessionAndCanBeForced() {
        levels().hashKey(1).consistentRead().list();
        Reads.query(context.over(recording.client(), true, Fixtures.recordingPolicy(1, context.sleeps)), LEVELS)
                .hashKey(1).list();
        // a session asking for consistent reads still reads a GSI eventually consistent
        Reads.query(context.over(recording.client(), true, Fixtures.recordingPolicy(1, context.sleeps)), LEVELS)
                .index("by_name").hashKey("E1M1").list();
        List<Boolean> consistent = recording.requests(QueryRequest.class).stream().map(QueryRequest::consistentRead).toList();
        assertEquals(List.of(true, true, false), consistent);
    }

    @Test
    void theSessionsInstancesAreReturned() {
        Level first = levels().hashKey(1).rangeKey(KeyCondition.eq(2)).first().orElseThrow();
        first.status = "changed locally";
        List<Level> all = levels().hashKey(1).list();
        assertSame(first, all.get(1));
        assertSame(first, levels().index("by_date").hashKey(1).first().orElseThrow());
        assertSame(first, levels().hashKey(1).page(2, Optional.empty()).items().get(1));
        assertEquals("changed locally", all.get(1).status);
    }

    @Test
    void pendingDeletesAreSkipped() {
        context.loader.deletePending(LEVELS, Key.of(1L, 5));
        assertEquals(List.of(4, 6), maps(levels().hashKey(1).rangeKey(KeyCondition.between(4, 6)).list()));
    }

    @Test
    void theSessionIsCheckedBeforeEachRequest() {
        levels().hashKey(1).page(3, Optional.empty());
        assertEquals(1, context.checks);
        context.closed = true;
        Query<Level> query = levels().hashKey(1);
        assertThrows(IllegalStateException.class, query::list);
        assertEquals(0, recording.requests().size() - 1);
    }

    @Test
    void badInputIsAClearErrorBeforeAnyRequest() {
        assertTrue(assertThrows(IllegalStateException.class, () -> levels().list()).getMessage().contains("hashKey("));
        assertTrue(assertThrows(IllegalStateException.class, () -> levels().rangeKey(KeyCondition.gt(1)).count())
                .getMessage().contains("needs a hash key"));
        assertEquals("value == null", assertThrows(NullPointerException.class, () -> levels().hashKey(null)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> levels().hashKey("one").list())
                .getMessage().contains("Level.episode"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> levels().hashKey(1.5).list())
                .getMessage().contains("Level.episode"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> levels().hashKey(1).rangeKey(KeyCondition.gt("x")).list()).getMessage().contains("Level.map"));
        IllegalArgumentException noRange = assertThrows(IllegalArgumentException.class,
                () -> Reads.query(ctx, USERS).hashKey("u").rangeKey(KeyCondition.eq("x")).list());
        assertTrue(noRange.getMessage().contains("has no range key"), noRange.getMessage());
        IllegalArgumentException gsiNoRange = assertThrows(IllegalArgumentException.class,
                () -> levels().index("by_name").hashKey("E1M1").rangeKey(KeyCondition.beginsWith("x")).list());
        assertTrue(gsiNoRange.getMessage().contains("number"), gsiNoRange.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> levels().hashKey(1).rangeKey(KeyCondition.beginsWith(1)).list()).getMessage().contains("number"));
        MappingException unknownIndex = assertThrows(MappingException.class, () -> levels().index("by_colour"));
        assertTrue(unknownIndex.getMessage().contains("Level") && unknownIndex.getMessage().contains("by_colour")
                && unknownIndex.getMessage().contains("[by_name, by_date]"), unknownIndex.getMessage());
        assertTrue(assertThrows(MappingException.class, () -> Reads.query(ctx, USERS).index("x"))
                .getMessage().contains("no indexes"));
        IllegalStateException gsiConsistent = assertThrows(IllegalStateException.class,
                () -> levels().index("by_name").consistentRead().hashKey("E1M1").list());
        assertTrue(gsiConsistent.getMessage().contains("global secondary index"), gsiConsistent.getMessage());
        IllegalArgumentException keyInFilter = assertThrows(IllegalArgumentException.class,
                () -> levels().hashKey(1).filter(Filter.gt("map", 3)).list());
        assertTrue(keyInFilter.getMessage().contains("Level.map"), keyInFilter.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> levels().index("by_name").hashKey("E1M1").filter(Filter.eq("kills", 3)).list());
        assertThrows(IllegalArgumentException.class, () -> levels().limit(0));
        assertThrows(IllegalArgumentException.class, () -> levels().hashKey(1).page(0, Optional.empty()));
        assertThrows(NullPointerException.class, () -> levels().hashKey(1).page(1, null));
        assertThrows(IllegalStateException.class, () -> levels().hashKey(1).hashKey(2));
        assertThrows(IllegalStateException.class,
                () -> levels().rangeKey(KeyCondition.gt(1)).rangeKey(KeyCondition.lt(5)));
        assertThrows(NullPointerException.class, () -> levels().filter(null));
        assertEquals(0, recording.requests().size());
    }

    @Test
    void aMissingTableIsAClearError() {
        ddb.deleteTable(b -> b.tableName("reads_note"));
        DynamapperException e = assertThrows(DynamapperException.class, () -> notes().hashKey("ann").list());
        assertTrue(e.getMessage().contains("'reads_note'") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aFilterOnTheTableKeyOfAGlobalIndexQueryIsAllowed() {
        List<Level> found = levels().index("by_name").hashKey("E1M4").filter(Filter.eq("map", 4)).list();
        assertEquals(List.of(4), maps(found));
        assertEquals(IntStream.rangeClosed(1, 1).boxed().toList(), List.of(found.size()));
    }
}
