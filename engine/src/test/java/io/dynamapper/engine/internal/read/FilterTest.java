package io.dynamapper.engine.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Filter;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.read.Fixtures.Context;
import io.dynamapper.engine.internal.read.Fixtures.Level;
import io.dynamapper.engine.testing.TestDynamoDb;
import io.dynamapper.engine.testing.RecordingClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Every filter kind, compiled and run against the in-memory DynamoDB (through scans and a query). */
class FilterTest {
    static final EntityModel<Level> LEVELS = EntityModel.of(Level.class);

    final DynamoDbClient ddb = TestDynamoDb.client();
    final RecordingClient recording = RecordingClient.wrap(ddb);
    final Context context = new Context();
    final ReadContext ctx = context.over(recording.client());

    @BeforeAll
    static void data() {
        DynamoDbClient ddb = TestDynamoDb.client();
        TestDynamoDb.deleteAllTables();
        Fixtures.createTable(ddb, LEVELS);
        for (int map = 1; map <= 9; map++) {
            Level level = new Level(1, map);
            level.name = map == 9 ? null : "E1M" + map;
            level.kills = map * 10;
            level.status = map <= 5 ? "done" : "todo";
            level.size = map * 100;
            level.date = map % 2 == 0 ? "1993-12-" + (10 + map) : null;
            level.cheats = map % 2 == 0 ? Set.of("idkfa", "iddqd") : Set.of("idclip");
            level.tags = map <= 3 ? List.of("shores", "hell") : List.of("inferno");
            level.secrets = map == 1 ? Set.of(1L, 2L) : Set.of();
            Fixtures.put(ddb, LEVELS, level);
        }
    }

    @BeforeEach
    void tableStillThere() {
        if (!ddb.listTables().tableNames().contains(LEVELS.tableName())) {
            data();
        }
    }

    List<Integer> scan(Filter... filters) {
        var scan = Reads.scan(ctx, LEVELS);
        for (Filter f : filters) {
            scan.filter(f);
        }
        return scan.list().stream().map(l -> l.map).sorted().toList();
    }

    ScanRequest lastScan() {
        List<ScanRequest> sent = recording.requests(ScanRequest.class);
        return sent.get(sent.size() - 1);
    }

    @Test
    void comparisonsOnReservedWordsAndRenamedAttributes() {
        assertEquals(List.of(4), scan(Filter.eq("name", "E1M4")));
        assertEquals(Map.of("#f0", "name"), lastScan().expressionAttributeNames());
        assertEquals("#f0 = :v0", lastScan().filterExpression());
        assertEquals(List.of(6, 7, 8, 9), scan(Filter.eq("status", "todo")));
        assertEquals(Map.of("#f0", "map_status"), lastScan().expressionAttributeNames());
        // DynamoDB: an item without the attribute is "not equal" too
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 9), scan(Filter.ne("name", "E1M8")));
        assertEquals(List.of(1, 2), scan(Filter.lt("size", 300)));
        assertEquals(List.of(1, 2, 3), scan(Filter.le("size", 300L)));
        assertEquals(List.of(8, 9), scan(Filter.gt("kills", 70)));
        assertEquals(List.of(7, 8, 9), scan(Filter.ge("kills", 70)));
        assertEquals(List.of(2, 4), scan(Filter.lt("date", "1993-12-15")));
        assertEquals(AttributeValue.fromS("1993-12-15"), lastScan().expressionAttributeValues().get(":v0"));
    }

    @Test
    void keysMayBeFilteredInAScan() {
        assertEquals(List.of(8, 9), scan(Filter.gt("map", 7), Filter.eq("episode", 1)));
        assertEquals("(#f0 > :v0) AND (#f1 = :v1)", lastScan().filterExpression());
    }

    @Test
    void betweenAndIn() {
        assertEquals(List.of(3, 4, 5), scan(Filter.between("size", 300, 500)));
        assertEquals("#f0 BETWEEN :v0 AND :v1", lastScan().filterExpression());
        assertEquals(List.of(2, 7), scan(Filter.in("name", "E1M2", "E1M7", "E2M1")));
        assertEquals("#f0 IN (:v0, :v1, :v2)", lastScan().filterExpression());
        assertEquals(List.of(1, 9), scan(Filter.in("kills", 10, 90L)));
    }

    @Test
    void beginsWith() {
        assertEquals(List.of(2, 4, 6, 8), scan(Filter.beginsWith("date", "1993-12-1")));
        assertEquals(List.of(4), scan(Filter.beginsWith("date", "1993-12-14")));
        assertEquals("begins_with(#f0, :v0)", lastScan().filterExpression());
        assertEquals(List.of(), scan(Filter.beginsWith("name", "E2")));
    }

    @Test
    void containsOnAStringSetAListAndAString() {
        assertEquals(List.of(2, 4, 6, 8), scan(Filter.contains("cheats", "idkfa")));
        assertEquals(AttributeValue.fromS("idkfa"), lastScan().expressionAttributeValues().get(":v0"));
        assertEquals(List.of(1, 2, 3), scan(Filter.contains("tags", "hell")));
        assertEquals(AttributeValue.fromS("hell"), lastScan().expressionAttributeValues().get(":v0"));
        assertEquals(List.of(1), scan(Filter.contains("secrets", 2)));
        assertEquals(AttributeValue.fromN("2"), lastScan().expressionAttributeValues().get(":v0"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), scan(Filter.contains("name", "1M")));
        assertEquals(List.of(5), scan(Filter.contains("name", "5")));
    }

    @Test
    void existsAndNotExists() {
        assertEquals(List.of(9), scan(Filter.notExists("name")));
        assertEquals("attribute_not_exists(#f0)", lastScan().filterExpression());
        assertEquals(List.of(2, 4, 6, 8), scan(Filter.exists("date")));
        assertEquals(List.of(1), scan(Filter.exists("secrets")));
    }

    @Test
    void andOrNotNestWithParentheses() {
        // (status = todo AND NOT contains(cheats, idkfa)) OR (size <= 200 AND date exists)
        Filter filter = Filter.or(
                Filter.and(Filter.eq("status", "todo"), Filter.not(Filter.contains("cheats", "idkfa"))),
                Filter.and(Filter.eq("size", 200), Filter.exists("date")));
        assertEquals(List.of(2, 7, 9), scan(filter));
        assertEquals("((#f0 = :v0) AND (NOT (contains(#f1, :v1)))) OR ((#f2 = :v2) AND (attribute_exists(#f3)))",
                lastScan().filterExpression());
        // NOT over OR differs from OR over NOT: the parentheses keep the meaning
        assertEquals(List.of(3, 4, 5), scan(Filter.not(Filter.or(Filter.lt("size", 300), Filter.gt("size", 500)))));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9),
                scan(Filter.or(Filter.not(Filter.lt("size", 300)), Filter.not(Filter.gt("size", 500)))));
        // several filter() calls AND together; one attribute used twice gets one name placeholder
        assertEquals(List.of(4, 5), scan(Filter.ge("size", 400), Filter.le("size", 500), Filter.eq("status", "done")));
        assertEquals(Map.of("#f0", "size", "#f1", "map_status"), lastScan().expressionAttributeNames());
    }

    @Test
    void queryKeyConditionAndFilterShareOnePlaceholderSpace() {
        List<Level> found = Reads.query(ctx, LEVELS).hashKey(1)
                .rangeKey(io.dynamapper.KeyCondition.between(2, 8))
                .filter(Filter.or(Filter.eq("status", "todo"), Filter.contains("tags", "hell")))
                .list();
        assertEquals(List.of(2, 3, 6, 7, 8), found.stream().map(l -> l.map).toList());
        QueryRequest sent = recording.requests(QueryRequest.class).get(0);
        assertEquals("#f0 = :v0 AND #f1 BETWEEN :v1 AND :v2", sent.keyConditionExpression());
        assertEquals("(#f2 = :v3) OR (contains(#f3, :v4))", sent.filterExpression());
    }

    @Test
    void badFiltersAreClearErrorsBeforeAnyRequest() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> scan(Filter.eq("colour", "red")));
        assertTrue(unknown.getMessage().contains("Level") && unknown.getMessage().contains("'colour'")
                && unknown.getMessage().contains("status") && unknown.getMessage().contains("episode"),
                unknown.getMessage());
        IllegalArgumentException attributeName = assertThrows(IllegalArgumentException.class,
                () -> scan(Filter.eq("map_status", "x")));
        assertTrue(attributeName.getMessage().contains("Java field names"), attributeName.getMessage());
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class, () -> scan(Filter.eq("size", "big")));
        assertTrue(wrongType.getMessage().contains("Level.size"), wrongType.getMessage());
        IllegalArgumentException element = assertThrows(IllegalArgumentException.class,
                () -> scan(Filter.contains("secrets", "x")));
        assertTrue(element.getMessage().contains("Level.secrets") && element.getMessage().contains("Long"),
                element.getMessage());
        assertThrows(IllegalArgumentException.class, () -> scan(Filter.contains("secrets", 1.5)));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> scan(Filter.eq("cheats", Set.of())));
        assertTrue(empty.getMessage().contains("notExists"), empty.getMessage());
        IllegalArgumentException prefixOfNumber = assertThrows(IllegalArgumentException.class,
                () -> scan(Filter.beginsWith("size", 1)));
        assertTrue(prefixOfNumber.getMessage().contains("begins_with"), prefixOfNumber.getMessage());
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class, () -> scan(Filter.eq("name.first", "x")));
        assertTrue(nested.getMessage().contains("Level.name") && nested.getMessage().contains("no named parts"),
                nested.getMessage());
        assertThrows(IllegalArgumentException.class, () -> scan(Filter.eq("nothing.first", "x")));
        assertEquals(0, recording.requests().size());
    }
}
