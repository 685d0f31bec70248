package io.dynamapper.inmemory;

import static io.dynamapper.inmemory.Fixtures.assertValidation;
import static io.dynamapper.inmemory.Fixtures.item;
import static io.dynamapper.inmemory.Fixtures.n;
import static io.dynamapper.inmemory.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryScanTest {
    private final InMemoryDynamoDb ddb = Fixtures.withTable();

    @BeforeEach
    void seed() {
        for (int i = 0; i < 20; i++) {
            int k = i;
            ddb.putItem(b -> b.tableName("things").item(item("pk", s("p"), "sk", n(Integer.toString(k - 5)),
                    "v", n(Integer.toString(k % 2)), "g", s(k % 3 == 0 ? "g0" : "g1"), "gs", n(Integer.toString(k)),
                    "x", s("x" + k), "y", s("y"), "l", s("l" + (char) ('a' + k)))));
        }
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("other"), "sk", n("1"))));
    }

    private List<String> sks(List<Map<String, AttributeValue>> items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("sk").n()));
        return out;
    }

    private QueryResponse query(String kc, Map<String, AttributeValue> values) {
        return ddb.query(b -> b.tableName("things").keyConditionExpression(kc).expressionAttributeValues(values));
    }

    @Test
    void sortsNumbersNumericallyBothWays() {
        QueryResponse r = query("pk = :p AND sk BETWEEN :a AND :b", Map.of(":p", s("p"), ":a", n("-2"), ":b", n("10")));
        assertEquals(List.of("-2", "-1", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), sks(r.items()));
        QueryResponse desc = ddb.query(b -> b.tableName("things").keyConditionExpression("pk = :p AND sk < :a")
                .expressionAttributeValues(Map.of(":p", s("p"), ":a", n("-2"))).scanIndexForward(false));
        assertEquals(List.of("-3", "-4", "-5"), sks(desc.items()));
    }

    @Test
    void limitCountsItemsBeforeFilterAndPaginates() {
        QueryRequest first = QueryRequest.builder().tableName("things").keyConditionExpression("pk = :p")
                .filterExpression("v = :one").expressionAttributeValues(Map.of(":p", s("p"), ":one", n("1"))).limit(6).build();
        QueryResponse r = ddb.query(first);
        assertEquals(6, r.scannedCount());
        assertEquals(3, r.count());
        assertEquals(item("pk", s("p"), "sk", n("0")), r.lastEvaluatedKey());
        List<String> all = new ArrayList<>(sks(r.items()));
        while (r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()) {
            Map<String, AttributeValue> lek = r.lastEvaluatedKey();
            r = ddb.query(first.toBuilder().exclusiveStartKey(lek).build());
            all.addAll(sks(r.items()));
        }
        assertEquals(List.of("-4", "-2", "0", "2", "4", "6", "8", "10", "12", "14"), all);
    }

    @Test
    void selectCount() {
        QueryResponse r = ddb.query(b -> b.tableName("things").keyConditionExpression("pk = :p").select(Select.COUNT)
                .expressionAttributeValues(Map.of(":p", s("p"))));
        assertEquals(20, r.count());
        assertFalse(r.hasItems() && !r.items().isEmpty());
    }

    @Test
    void stringsSortByUtf8Bytes() {
        ddb.createTable(b -> b.tableName("strs").billingMode("PAY_PER_REQUEST")
                .keySchema(Fixtures.key("pk", software.amazon.awssdk.services.dynamodb.model.KeyType.HASH),
                        Fixtures.key("sk", software.amazon.awssdk.services.dynamodb.model.KeyType.RANGE))
                .attributeDefinitions(Fixtures.def("pk", "S"), Fixtures.def("sk", "S")));
        for (String sk : List.of("\uFFFD", "\uD83D\uDE00", "a", "B", "é")) {
            ddb.putItem(b -> b.tableName("strs").item(item("pk", s("p"), "sk", s(sk))));
        }
        List<String> order = new ArrayList<>();
        ddb.query(b -> b.tableName("strs").keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p"))))
                .items().forEach(i -> order.add(i.get("sk").s()));
        assertEquals(List.of("B", "a", "é", "\uFFFD", "\uD83D\uDE00"), order);
    }

    @Test
    void keyConditionErrors() {
        assertValidation("Invalid operator used in KeyConditionExpression: <>",
                () -> query("pk = :p AND sk <> :a", Map.of(":p", s("p"), ":a", n("1"))));
        assertValidation("Invalid operator used in KeyConditionExpression: OR",
                () -> query("pk = :p OR sk = :a", Map.of(":p", s("p"), ":a", n("1"))));
        assertValidation("Query condition missed key schema element", () -> query("sk = :a", Map.of(":a", n("1"))));
        assertValidation("Query key condition not supported", () -> query("pk < :p", Map.of(":p", s("p"))));
        assertValidation("Condition parameter type does not match schema type", () -> query("pk = :p", Map.of(":p", n("1"))));
        assertValidation("operator or function: begins_with, operand type: N",
                () -> query("pk = :p AND begins_with(sk, :a)", Map.of(":p", s("p"), ":a", n("1"))));
        assertValidation("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk",
                () -> ddb.query(b -> b.tableName("things").keyConditionExpression("pk = :p").filterExpression("sk = :a")
                        .expressionAttributeValues(Map.of(":p", s("p"), ":a", n("1")))));
        assertValidation("failed to satisfy constraint: Member must have value greater than or equal to 1", () -> ddb.query(b -> b.tableName("things")
                .keyConditionExpression("pk = :p").limit(0).expressionAttributeValues(Map.of(":p", s("p")))));
    }

    @Test
    void gsiQueryProjectsAndReturnsIndexKeyInLastEvaluatedKey() {
        QueryResponse r = ddb.query(b -> b.tableName("things").indexName("byG").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", s("g0"))).limit(2));
        assertEquals(2, r.count());
        assertEquals(Set.of("pk", "sk", "g", "gs", "x"), r.items().get(0).keySet());
        assertEquals(Set.of("pk", "sk", "g", "gs"), r.lastEvaluatedKey().keySet());
        assertEquals("3", r.lastEvaluatedKey().get("gs").n());
        assertValidation("Consistent read cannot be true when querying a GSI", () -> ddb.query(b -> b.tableName("things")
                .indexName("byG").keyConditionExpression("g = :g").consistentRead(true)
                .expressionAttributeValues(Map.of(":g", s("g0")))));
        assertValidation("Select type ALL_ATTRIBUTES is not supported for global secondary index byG",
                () -> ddb.query(b -> b.tableName("things").indexName("byG").keyConditionExpression("g = :g")
                        .select(Select.ALL_ATTRIBUTES).expressionAttributeValues(Map.of(":g", s("g0")))));
    }

    @Test
    void itemsWithoutIndexKeyAreNotInIndex() {
        ScanResponse r = ddb.scan(b -> b.tableName("things").indexName("byG"));
        assertEquals(20, r.count());
        ScanResponse lsi = ddb.scan(b -> b.tableName("things").indexName("byL"));
        assertEquals(20, lsi.count());
        assertEquals(Set.of("pk", "sk", "l"), lsi.items().get(0).keySet());
    }

    @Test
    void lsiQueryOrdersByIndexRangeKey() {
        QueryResponse r = ddb.query(b -> b.tableName("things").indexName("byL").keyConditionExpression("pk = :p AND l > :l")
                .expressionAttributeValues(Map.of(":p", s("p"), ":l", s("lr"))).select(Select.ALL_ATTRIBUTES));
        assertEquals(List.of("13", "14"), sks(r.items()));
        assertTrue(r.items().get(0).containsKey("x"));
    }

    @Test
    void parallelScanSegmentsAreDisjointAndCoverTheTable() {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int seg = 0; seg < 4; seg++) {
            int segment = seg;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> esk = start;
                ScanResponse r = ddb.scan(b -> b.tableName("things").segment(segment).totalSegments(4).limit(3)
                        .exclusiveStartKey(esk));
                for (Map<String, AttributeValue> i : r.items()) {
                    assertTrue(seen.add(i.get("pk").s() + "/" + i.get("sk").n()));
                    total++;
                }
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null);
        }
        assertEquals(21, total);
        assertValidation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present",
                () -> ddb.scan(b -> b.tableName("things").segment(0)));
    }

    private Map<String, String> scanAll(InMemoryDynamoDb db, int pageSize) {
        Map<String, String> seen = new java.util.TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse r = db.scan(b -> b.tableName("things").limit(pageSize).exclusiveStartKey(from));
            for (Map<String, AttributeValue> it : r.items()) {
                String key = it.get("pk").s() + "/" + it.get("sk").n();
                assertTrue(seen.put(key, it.containsKey("w") ? it.get("w").s() : "") == null, "twice: " + key);
            }
            start = r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return seen;
    }

    /** Scans see every write made since the last scan, whether or not it added or removed a partition. */
    @Test
    void scansSeeWritesBetweenScans() {
        InMemoryDynamoDb db = Fixtures.withTable();
        for (int i = 0; i < 30; i++) {
            int k = i;
            db.putItem(b -> b.tableName("things").item(item("pk", s("p" + k), "sk", n("1"), "w", s("a"))));
        }
        db.putItem(b -> b.tableName("things").item(item("pk", s("multi"), "sk", n("1"), "w", s("a"))));
        db.putItem(b -> b.tableName("things").item(item("pk", s("multi"), "sk", n("2"), "w", s("a"))));
        assertEquals(32, scanAll(db, 7).size());
        db.putItem(b -> b.tableName("things").item(item("pk", s("p3"), "sk", n("1"), "w", s("b"))));
        db.updateItem(b -> b.tableName("things").key(item("pk", s("multi"), "sk", n("2")))
                .updateExpression("SET w = :w").expressionAttributeValues(Map.of(":w", s("c"))));
        db.deleteItem(b -> b.tableName("things").key(item("pk", s("multi"), "sk", n("1"))));
        db.putItem(b -> b.tableName("things").item(item("pk", s("multi"), "sk", n("3"), "w", s("d"))));
        Map<String, String> seen = scanAll(db, 5);
        assertEquals(32, seen.size());
        assertEquals("b", seen.get("p3/1"));
        assertEquals("c", seen.get("multi/2"));
        assertEquals("d", seen.get("multi/3"));
        assertFalse(seen.containsKey("multi/1"));
        db.putItem(b -> b.tableName("things").item(item("pk", s("new"), "sk", n("1"))));
        db.deleteItem(b -> b.tableName("things").key(item("pk", s("p7"), "sk", n("1"))));
        seen = scanAll(db, 100);
        assertEquals(32, seen.size());
        assertTrue(seen.containsKey("new/1"));
        assertFalse(seen.containsKey("p7/1"));
    }

    @Test
    void scanFilterCountsAndPages() {
        ScanResponse r = ddb.scan(b -> b.tableName("things").filterExpression("v = :one AND contains(x, :one_s)")
                .expressionAttributeValues(Map.of(":one", n("1"), ":one_s", s("1"))));
        assertEquals(21, r.scannedCount());
        assertEquals(List.of("x1", "x11", "x13", "x15", "x17", "x19"),
                r.items().stream().map(i -> i.get("x").s()).sorted().toList());
    }

    @Test
    void queryPaginatorWorks() {
        int count = 0;
        for (QueryResponse page : ddb.queryPaginator(b -> b.tableName("things").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p"))).limit(7))) {
            count += page.count();
        }
        assertEquals(20, count);
    }
}
