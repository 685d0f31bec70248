package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.map;
import static io.dynamapper.inmemory.contract.Dsl.values;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Scan: filters, Limit, paging, parallel segments. Scan order is the backend's own, so pages are
 * compared by size and the items as sets.
 */
final class ScanContractTest extends ContractSuite {

    static final int ITEMS = 7;

    /** "items" (pk:S) with n = 0..6 and even = (n % 2 == 0). */
    static void seven(Db db) {
        db.table("items", "pk:S");
        for (int n = 0; n < ITEMS; n++) {
            db.put("items", item("pk", "k" + n, "n", n, "even", n % 2 == 0));
        }
    }

    static Set<Map<String, AttributeValue>> all() {
        Set<Map<String, AttributeValue>> items = new HashSet<>();
        for (int n = 0; n < ITEMS; n++) {
            items.add(item("pk", "k" + n, "n", n, "even", n % 2 == 0));
        }
        return items;
    }

    static ContractCase.Action scan(Consumer<ScanRequest.Builder> request) {
        return db -> {
            seven(db);
            return db.ddb().scan(r -> request.accept(r.tableName("items")));
        };
    }

    /** Scans page by page; returns the page sizes and the union of all items. */
    static ContractCase.Action pages(int limit, String filter, Object... values) {
        return db -> {
            seven(db);
            List<Integer> sizes = new ArrayList<>();
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = db.ddb().scan(r -> r.tableName("items").limit(limit).exclusiveStartKey(from)
                        .filterExpression(filter).expressionAttributeValues(values.length == 0 ? null : values(values)));
                sizes.add(page.count());
                seen.addAll(page.items());
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            } while (start != null && sizes.size() < 20);
            return map("pageSizes", sizes, "items", seen);
        };
    }

    /** Scans every segment; returns the union and the sum of segment sizes (equal to the union's size when disjoint). */
    static ContractCase.Action segments(int total) {
        return db -> {
            seven(db);
            List<Map<String, AttributeValue>> everything = new ArrayList<>();
            for (int segment = 0; segment < total; segment++) {
                int s = segment;
                everything.addAll(db.ddb().scan(r -> r.tableName("items").segment(s).totalSegments(total)).items());
            }
            return map("union", new HashSet<>(everything), "sumOfSegmentSizes", everything.size());
        };
    }

    @Override
    protected void define(Cases c) {
        c.add("a scan returns every item", scan(r -> { }))
                .expect(map("items", all(), "count", ITEMS, "scannedCount", ITEMS));
        c.add("a filter reduces Count but not ScannedCount",
                scan(r -> r.filterExpression("n >= :three").expressionAttributeValues(values(":three", 3))))
                .expect(map("items", Set.of(item("pk", "k3", "n", 3, "even", false), item("pk", "k4", "n", 4, "even", true),
                        item("pk", "k5", "n", 5, "even", false), item("pk", "k6", "n", 6, "even", true)),
                        "count", 4, "scannedCount", ITEMS));
        c.add("a filter may use key attributes in a scan",
                scan(r -> r.filterExpression("pk = :k").expressionAttributeValues(values(":k", "k1")).select(Select.COUNT)))
                .expect(map("count", 1, "scannedCount", ITEMS));
        c.add("Limit caps ScannedCount and leaves a LastEvaluatedKey", db -> {
            seven(db);
            ScanResponse page = db.ddb().scan(r -> r.tableName("items").limit(3));
            return map("count", page.count(), "scannedCount", page.scannedCount(), "hasLastEvaluatedKey", page.hasLastEvaluatedKey());
        }).expect(map("count", 3, "scannedCount", 3, "hasLastEvaluatedKey", true));
        c.add("Select COUNT scan returns counts only",
                scan(r -> r.select(Select.COUNT).filterExpression("even = :t").expressionAttributeValues(values(":t", true))))
                .expect(map("count", 4, "scannedCount", ITEMS));
        c.add("a projection expression limits scanned attributes",
                scan(r -> r.projectionExpression("n").filterExpression("n < :one").expressionAttributeValues(values(":one", 1))))
                .expect(map("items", Set.of(item("n", 0)), "count", 1, "scannedCount", ITEMS));
        c.add("paging with Limit 3 visits every item once; a full last page still has a key", pages(3, null))
                .expect(map("pageSizes", list(3, 3, 1), "items", all()));
        c.add("paging with Limit equal to the item count ends with an empty page", pages(ITEMS, null))
                .expect(map("pageSizes", list(ITEMS, 0), "items", all()));
        c.add("paging with a filter takes as many pages as without and finds every match", db -> {
            Map<?, ?> result = (Map<?, ?>) pages(3, "even = :t", ":t", true).run(db);
            return map("pages", ((List<?>) result.get("pageSizes")).size(), "items", result.get("items"));
        }).expect(map("pages", 3, "items", Set.of(item("pk", "k0", "n", 0, "even", true), item("pk", "k2", "n", 2, "even", true),
                item("pk", "k4", "n", 4, "even", true), item("pk", "k6", "n", 6, "even", true))));
        c.add("two segments together return every item exactly once", segments(2))
                .expect(map("union", all(), "sumOfSegmentSizes", ITEMS));
        c.add("five segments together return every item exactly once", segments(5))
                .expect(map("union", all(), "sumOfSegmentSizes", ITEMS));
        c.add("more segments than items still return every item exactly once", segments(20))
                .expect(map("union", all(), "sumOfSegmentSizes", ITEMS));
        c.add("a Segment not below TotalSegments is rejected", scan(r -> r.segment(2).totalSegments(2)))
                .expectError("ValidationException");
        c.add("TotalSegments without Segment is rejected", scan(r -> r.totalSegments(2)))
                .expectError("ValidationException");
        c.add("Segment without TotalSegments is rejected", scan(r -> r.segment(0)))
                .expectError("ValidationException");
        c.add("TotalSegments over 1000000 is rejected", scan(r -> r.segment(0).totalSegments(1_000_001)))
                .expectError("ValidationException");
        c.add("a filter with an invalid expression is rejected", scan(r -> r.filterExpression("n >")))
                .expectError("ValidationException");
        c.add("Limit 0 is rejected", scan(r -> r.limit(0))).expectError("ValidationException");
    }
}
