package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.bytes;
import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.map;
import static io.dynamapper.inmemory.contract.Dsl.page;
import static io.dynamapper.inmemory.contract.Dsl.values;
import static io.dynamapper.inmemory.contract.TableContractTest.gsi;
import static io.dynamapper.inmemory.contract.TableContractTest.lsi;
import static io.dynamapper.inmemory.contract.TableContractTest.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query: key conditions, ordering, paging, filters, counting, and secondary indexes. */
final class QueryContractTest extends ContractSuite {

    /** "nums" (pk:S, sk:N): partition "a" has sk 1, 2, 10, 20 (v = "odd"/"even"); partition "b" has sk 5. */
    static void numbers(Db db) {
        db.table("nums", "pk:S", "sk:N");
        db.put("nums", item("pk", "a", "sk", 20, "v", "even"), item("pk", "a", "sk", 1, "v", "odd"),
                item("pk", "a", "sk", 10, "v", "even"), item("pk", "a", "sk", 2, "v", "even"),
                item("pk", "b", "sk", 5, "v", "odd"));
    }

    /**
     * "idx" (pk:S, sk:N) with GSI "by_g" (gk:S, gs:N, projection as given) and LSI "by_l" (pk, ls:N, ALL).
     * Items: sk 1 (gk "g", gs 3, ls 30), sk 2 (gk "g", gs 1, no ls), sk 3 (no gk, ls 10), all with extra "x".
     */
    static void indexed(Db db, software.amazon.awssdk.services.dynamodb.model.Projection gsiProjection) {
        db.create("idx", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(Db.definitions("pk:S", "sk:N", "gk:S", "gs:N", "ls:N"))
                        .globalSecondaryIndexes(gsi("by_g", gsiProjection, "gk:S", "gs:N"))
                        .localSecondaryIndexes(lsi("by_l", projection(ProjectionType.ALL), "pk:S", "ls:N")),
                "pk:S", "sk:N");
        db.put("idx", item("pk", "a", "sk", 1, "gk", "g", "gs", 3, "ls", 30, "x", "one", "y", 1),
                item("pk", "a", "sk", 2, "gk", "g", "gs", 1, "x", "two", "y", 2),
                item("pk", "a", "sk", 3, "ls", 10, "x", "three", "y", 3));
    }

    /** Queries "nums" and returns the sort keys in the order returned. */
    static ContractCase.Action sortKeys(String keyCondition, Object... values) {
        return sortKeys(r -> r.keyConditionExpression(keyCondition).expressionAttributeValues(values(values)));
    }

    static ContractCase.Action sortKeys(Consumer<QueryRequest.Builder> request) {
        return db -> {
            numbers(db);
            return db.ddb().query(r -> request.accept(r.tableName("nums"))).items().stream().map(i -> i.get("sk")).toList();
        };
    }

    /** Queries "nums" and returns the whole normalised response. */
    static ContractCase.Action response(Consumer<QueryRequest.Builder> request) {
        return db -> {
            numbers(db);
            return db.ddb().query(r -> request.accept(r.tableName("nums")));
        };
    }

    /** Queries index "by_g" or "by_l" of "idx" with the given projection of the GSI. */
    static ContractCase.Action onIndex(software.amazon.awssdk.services.dynamodb.model.Projection gsiProjection,
                                       Consumer<QueryRequest.Builder> request) {
        return db -> {
            indexed(db, gsiProjection);
            return db.ddb().query(r -> request.accept(r.tableName("idx")));
        };
    }

    static final software.amazon.awssdk.services.dynamodb.model.Projection ALL = projection(ProjectionType.ALL);

    @Override
    protected void define(Cases c) {
        c.add("hash key alone returns the partition in ascending numeric order", sortKeys("pk = :a", ":a", "a"))
                .expect(list(1, 2, 10, 20));
        c.add("range key = ", sortKeys("pk = :a AND sk = :s", ":a", "a", ":s", 10)).expect(list(10));
        c.add("range key < ", sortKeys("pk = :a AND sk < :s", ":a", "a", ":s", 10)).expect(list(1, 2));
        c.add("range key <= ", sortKeys("pk = :a AND sk <= :s", ":a", "a", ":s", 10)).expect(list(1, 2, 10));
        c.add("range key > ", sortKeys("pk = :a AND sk > :s", ":a", "a", ":s", 2)).expect(list(10, 20));
        c.add("range key >= ", sortKeys("pk = :a AND sk >= :s", ":a", "a", ":s", 2)).expect(list(2, 10, 20));
        c.add("range key BETWEEN is inclusive", sortKeys("pk = :a AND sk BETWEEN :lo AND :hi", ":a", "a", ":lo", 2, ":hi", 10))
                .expect(list(2, 10));
        c.add("key conditions may name the range key first", sortKeys("sk > :s AND pk = :a", ":a", "a", ":s", 10))
                .expect(list(20));
        c.add("key conditions may use parentheses", sortKeys("(pk = :a) AND (sk < :s)", ":a", "a", ":s", 2))
                .expect(list(1));
        c.add("a partition without items returns nothing", sortKeys("pk = :a", ":a", "zzz")).expect(list());
        c.add("ScanIndexForward false returns descending order",
                sortKeys(r -> r.keyConditionExpression("pk = :a").expressionAttributeValues(values(":a", "a"))
                        .scanIndexForward(false)))
                .expect(list(20, 10, 2, 1));

        c.add("string range keys sort by code point", db -> {
            db.table("strs", "pk:S", "sk:S");
            for (String s : List.of("b", "a", "B", "ab", "A", "aa", "é")) {
                db.put("strs", item("pk", "p", "sk", s));
            }
            return db.ddb().query(r -> r.tableName("strs").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(values(":p", "p"))).items().stream().map(i -> i.get("sk")).toList();
        }).expect(list("A", "B", "a", "aa", "ab", "b", "é"));

        c.add("begins_with on a string range key", db -> {
            db.table("strs", "pk:S", "sk:S");
            for (String s : List.of("order#1", "order#2", "item#1", "orde")) {
                db.put("strs", item("pk", "p", "sk", s));
            }
            return db.ddb().query(r -> r.tableName("strs").keyConditionExpression("pk = :p AND begins_with(sk, :b)")
                    .expressionAttributeValues(values(":p", "p", ":b", "order#"))).items().stream().map(i -> i.get("sk")).toList();
        }).expect(list("order#1", "order#2"));

        c.add("binary range keys sort as unsigned bytes", db -> {
            db.table("bins", "pk:S", "sk:B");
            for (byte[] b : List.of(bytes(0xff), bytes(0x01), bytes(0x80), bytes(0x7f), bytes(0x01, 0x00))) {
                db.put("bins", item("pk", "p", "sk", b));
            }
            return db.ddb().query(r -> r.tableName("bins").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(values(":p", "p"))).items().stream().map(i -> i.get("sk")).toList();
        }).expect(list(bytes(0x01), bytes(0x01, 0x00), bytes(0x7f), bytes(0x80), bytes(0xff)));

        c.add("Limit returns the first items and a LastEvaluatedKey",
                response(r -> r.keyConditionExpression("pk = :a").expressionAttributeValues(values(":a", "a")).limit(2)))
                .expect(page(list(item("pk", "a", "sk", 1, "v", "odd"), item("pk", "a", "sk", 2, "v", "even")), 2, 2,
                        key("pk", "a", "sk", 2)));

        c.add("ExclusiveStartKey continues after the given key",
                response(r -> r.keyConditionExpression("pk = :a").expressionAttributeValues(values(":a", "a"))
                        .exclusiveStartKey(key("pk", "a", "sk", 2))))
                .expect(page(list(item("pk", "a", "sk", 10, "v", "even"), item("pk", "a", "sk", 20, "v", "even")), 2, 2));

        c.add("paging with Limit until LastEvaluatedKey is absent", db -> {
            numbers(db);
            List<Object> pages = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = db.ddb().query(r -> r.tableName("nums").keyConditionExpression("pk = :a")
                        .expressionAttributeValues(values(":a", "a")).limit(2).exclusiveStartKey(from));
                pages.add(page.items().stream().map(i -> i.get("sk")).toList());
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            } while (start != null && pages.size() < 10);
            return pages;
        }).expect(list(list(1, 2), list(10, 20), list()));   // the full last page still has a key

        c.add("a filter reduces Count but not ScannedCount",
                response(r -> r.keyConditionExpression("pk = :a").filterExpression("v = :v")
                        .expressionAttributeValues(values(":a", "a", ":v", "odd"))))
                .expect(page(list(item("pk", "a", "sk", 1, "v", "odd")), 1, 4));

        c.add("Limit applies before the filter",
                response(r -> r.keyConditionExpression("pk = :a").filterExpression("v = :v").limit(2)
                        .expressionAttributeValues(values(":a", "a", ":v", "even"))))
                .expect(page(list(item("pk", "a", "sk", 2, "v", "even")), 1, 2, key("pk", "a", "sk", 2)));

        c.add("Select COUNT returns counts and no items",
                response(r -> r.keyConditionExpression("pk = :a").filterExpression("v = :v").select(Select.COUNT)
                        .expressionAttributeValues(values(":a", "a", ":v", "even"))))
                .expect(map("count", 3, "scannedCount", 4));

        c.add("a projection expression limits the returned attributes",
                sortKeys(r -> r.keyConditionExpression("pk = :a AND sk < :s").projectionExpression("sk")
                        .expressionAttributeValues(values(":a", "a", ":s", 3))))
                .expect(list(1, 2));

        c.add("a filter on a key attribute is rejected",
                response(r -> r.keyConditionExpression("pk = :a").filterExpression("sk = :s")
                        .expressionAttributeValues(values(":a", "a", ":s", 1))))
                .expectError("ValidationException");
        c.add("a key condition on a non-key attribute is rejected", sortKeys("pk = :a AND v = :v", ":a", "a", ":v", "odd"))
                .expectError("ValidationException");
        c.add("<> on the range key is rejected", sortKeys("pk = :a AND sk <> :s", ":a", "a", ":s", 1))
                .expectError("ValidationException");
        c.add("a key condition without the hash key is rejected", sortKeys("sk = :s", ":s", 1))
                .expectError("ValidationException");
        c.add("< on the hash key is rejected", sortKeys("pk < :a", ":a", "b")).expectError("ValidationException");
        c.add("OR in a key condition is rejected", sortKeys("pk = :a OR pk = :b", ":a", "a", ":b", "b"))
                .expectError("ValidationException");
        c.add("two conditions on the range key are rejected", sortKeys("pk = :a AND sk > :lo AND sk < :hi",
                ":a", "a", ":lo", 1, ":hi", 10)).expectError("ValidationException");
        c.add("begins_with on a number range key is rejected", sortKeys("pk = :a AND begins_with(sk, :s)", ":a", "a", ":s", 1))
                .expectError("ValidationException");
        c.add("a key value of the wrong type is rejected", sortKeys("pk = :a", ":a", 1)).expectError("ValidationException");

        c.add("a GSI query returns only items that have the index key, in index order",
                onIndex(ALL, r -> r.indexName("by_g").keyConditionExpression("gk = :g").expressionAttributeValues(values(":g", "g"))))
                .expect(page(list(item("pk", "a", "sk", 2, "gk", "g", "gs", 1, "x", "two", "y", 2),
                        item("pk", "a", "sk", 1, "gk", "g", "gs", 3, "ls", 30, "x", "one", "y", 1)), 2, 2));
        c.add("a GSI page's LastEvaluatedKey holds the table and index keys",
                onIndex(ALL, r -> r.indexName("by_g").keyConditionExpression("gk = :g").limit(1)
                        .expressionAttributeValues(values(":g", "g"))))
                .expect(page(list(item("pk", "a", "sk", 2, "gk", "g", "gs", 1, "x", "two", "y", 2)), 1, 1,
                        key("pk", "a", "sk", 2, "gk", "g", "gs", 1)));
        c.add("a KEYS_ONLY GSI returns table and index keys only",
                onIndex(projection(ProjectionType.KEYS_ONLY), r -> r.indexName("by_g").keyConditionExpression("gk = :g")
                        .expressionAttributeValues(values(":g", "g"))))
                .expect(page(list(item("pk", "a", "sk", 2, "gk", "g", "gs", 1), item("pk", "a", "sk", 1, "gk", "g", "gs", 3)), 2, 2));
        c.add("an INCLUDE GSI returns keys and the included attributes",
                onIndex(projection(ProjectionType.INCLUDE, "x"), r -> r.indexName("by_g").keyConditionExpression("gk = :g")
                        .expressionAttributeValues(values(":g", "g"))))
                .expect(page(list(item("pk", "a", "sk", 2, "gk", "g", "gs", 1, "x", "two"),
                        item("pk", "a", "sk", 1, "gk", "g", "gs", 3, "x", "one")), 2, 2));
        c.add("projecting a non-projected attribute from a GSI is rejected",
                onIndex(projection(ProjectionType.KEYS_ONLY), r -> r.indexName("by_g").keyConditionExpression("gk = :g")
                        .projectionExpression("x").expressionAttributeValues(values(":g", "g"))))
                .expectError("ValidationException");
        c.add("ConsistentRead on a GSI is rejected",
                onIndex(ALL, r -> r.indexName("by_g").keyConditionExpression("gk = :g").consistentRead(true)
                        .expressionAttributeValues(values(":g", "g"))))
                .expectError("ValidationException");
        c.add("a GSI range key condition",
                onIndex(ALL, r -> r.indexName("by_g").keyConditionExpression("gk = :g AND gs > :s").select(Select.COUNT)
                        .expressionAttributeValues(values(":g", "g", ":s", 1))))
                .expect(map("count", 1, "scannedCount", 1));
        c.add("an LSI query skips items without the index key and orders by it",
                onIndex(ALL, r -> r.indexName("by_l").keyConditionExpression("pk = :p").projectionExpression("sk, ls")
                        .expressionAttributeValues(values(":p", "a"))))
                .expect(page(list(item("sk", 3, "ls", 10), item("sk", 1, "ls", 30)), 2, 2));
        c.add("an LSI query with ConsistentRead is allowed",
                onIndex(ALL, r -> r.indexName("by_l").keyConditionExpression("pk = :p AND ls < :l").consistentRead(true)
                        .select(Select.COUNT).expressionAttributeValues(values(":p", "a", ":l", 20))))
                .expect(map("count", 1, "scannedCount", 1));
        c.add("querying a missing index is rejected",
                onIndex(ALL, r -> r.indexName("nope").keyConditionExpression("gk = :g").expressionAttributeValues(values(":g", "g"))))
                .expectError("ValidationException");
    }
}
