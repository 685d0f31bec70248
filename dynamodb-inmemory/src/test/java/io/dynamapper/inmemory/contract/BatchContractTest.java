package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchGetItem and BatchWriteItem. */
final class BatchContractTest extends ContractSuite {

    /** "items" (pk:S) with k0..k2, v = n. */
    static void three(Db db) {
        db.table("items", "pk:S");
        db.put("items", item("pk", "k0", "v", 0), item("pk", "k1", "v", 1), item("pk", "k2", "v", 2));
    }

    static ContractCase.Action get(List<Map<String, AttributeValue>> keys) {
        return db -> {
            three(db);
            return db.ddb().batchGetItem(r -> r.requestItems(Map.of("items", KeysAndAttributes.builder().keys(keys).build())));
        };
    }

    static ContractCase.Action write(List<WriteRequest> writes) {
        return db -> {
            three(db);
            db.ddb().batchWriteItem(r -> r.requestItems(Map.of("items", writes)));
            return db.contents("items");
        };
    }

    static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(d -> d.key(key)).build();
    }

    static List<Map<String, AttributeValue>> keys(int count) {
        return IntStream.range(0, count).mapToObj(n -> key("pk", "k" + n)).toList();
    }

    @Override
    protected void define(Cases c) {
        c.add("batch get returns found items and leaves out missing keys", get(List.of(key("pk", "k0"), key("pk", "nope"), key("pk", "k2"))))
                .expect(map("responses", map("items", Set.of(item("pk", "k0", "v", 0), item("pk", "k2", "v", 2))),
                        "unprocessedKeys", Set.of()));
        c.add("batch get of only missing keys returns an empty list for the table", get(List.of(key("pk", "nope"))))
                .expect(map("responses", map("items", Set.of()), "unprocessedKeys", Set.of()));
        c.add("batch get of 100 keys is accepted", get(keys(100)))
                .expect(map("responses", map("items", Set.of(item("pk", "k0", "v", 0), item("pk", "k1", "v", 1),
                        item("pk", "k2", "v", 2))), "unprocessedKeys", Set.of()));
        c.add("batch get of 101 keys is rejected", get(keys(101))).expectError("ValidationException");
        c.add("batch get with a duplicate key is rejected", get(List.of(key("pk", "k0"), key("pk", "k0"))))
                .expectError("ValidationException");
        c.add("batch get with a projection", db -> {
            three(db);
            return db.ddb().batchGetItem(r -> r.requestItems(Map.of("items", KeysAndAttributes.builder()
                    .keys(key("pk", "k1")).projectionExpression("v").build())));
        }).expect(map("responses", map("items", Set.of(item("v", 1))), "unprocessedKeys", Set.of()));
        c.add("batch get from a missing table fails with ResourceNotFoundException", db ->
                db.ddb().batchGetItem(r -> r.requestItems(Map.of("missing", KeysAndAttributes.builder().keys(key("pk", "a")).build()))))
                .expectError("ResourceNotFoundException");
        c.add("batch get with a wrong key type is rejected", get(List.of(key("pk", 1)))).expectError("ValidationException");

        c.add("batch write puts and deletes", write(List.of(put(item("pk", "k3", "v", 3)), delete(key("pk", "k0")),
                put(item("pk", "k1", "v", "replaced")))))
                .expect(Set.of(item("pk", "k1", "v", "replaced"), item("pk", "k2", "v", 2), item("pk", "k3", "v", 3)));
        c.add("batch write returns no unprocessed items", db -> {
            three(db);
            return db.ddb().batchWriteItem(r -> r.requestItems(Map.of("items", List.of(delete(key("pk", "k0"))))));
        }).expect(map("unprocessedItems", Set.of()));
        c.add("batch write deleting a missing key succeeds", write(List.of(delete(key("pk", "nope")))))
                .expect(Set.of(item("pk", "k0", "v", 0), item("pk", "k1", "v", 1), item("pk", "k2", "v", 2)));
        c.add("batch write of 25 puts is accepted", db -> {
            Object contents = write(IntStream.range(0, 25).mapToObj(n -> put(item("pk", "n" + n))).toList()).run(db);
            return ((Set<?>) contents).size();
        }).expect(28);
        c.add("batch write of 26 requests is rejected", write(IntStream.range(0, 26).mapToObj(n -> put(item("pk", "n" + n))).toList()))
                .expectError("ValidationException");
        c.add("batch write with a put and a delete of one key is rejected", write(List.of(put(item("pk", "k0", "v", 9)), delete(key("pk", "k0")))))
                .expectError("ValidationException");
        c.add("batch write with two puts of one key is rejected", write(List.of(put(item("pk", "x")), put(item("pk", "x")))))
                .expectError("ValidationException");
        c.add("a rejected batch write applies nothing", db -> {
            three(db);
            List<WriteRequest> writes = new ArrayList<>(List.of(put(item("pk", "new")), put(item("pk", "bad", "e", Dsl.ss()))));
            Outcome result = Db.attempt(() -> db.ddb().batchWriteItem(r -> r.requestItems(Map.of("items", writes))));
            return map("result", result, "contents", db.contents("items"));
        }).expect(map("result", Dsl.error("DynamoDbException", "ValidationException"),
                "contents", Set.of(item("pk", "k0", "v", 0), item("pk", "k1", "v", 1), item("pk", "k2", "v", 2))));
        c.add("batch write with an empty request list is rejected", write(List.of()))
                .expectError("ValidationException");
        c.add("batch write to a missing table fails with ResourceNotFoundException", db ->
                db.ddb().batchWriteItem(r -> r.requestItems(Map.of("missing", List.of(put(item("pk", "a")))))))
                .expectError("ResourceNotFoundException");
    }
}
