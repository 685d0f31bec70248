package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.map;
import static io.dynamapper.inmemory.contract.Dsl.values;
import static io.dynamapper.inmemory.contract.Normalizer.NO_ITEM;
import static io.dynamapper.inmemory.contract.Normalizer.OK;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** TransactWriteItems (all-or-nothing, cancellation reasons, limits, idempotency) and TransactGetItems. */
final class TransactionContractTest extends ContractSuite {

    /** "items" (pk:S) holding a (v 1) and b (v 2). */
    static void two(Db db) {
        db.table("items", "pk:S");
        db.put("items", item("pk", "a", "v", 1), item("pk", "b", "v", 2));
    }

    static final Set<Map<String, AttributeValue>> TWO = Set.of(item("pk", "a", "v", 1), item("pk", "b", "v", 2));

    static TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName("items").item(item)).build();
    }

    static TransactWriteItem putIf(Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder().put(p -> p.tableName("items").item(item).conditionExpression(condition)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    }

    static TransactWriteItem increment(String pk) {
        return TransactWriteItem.builder().update(u -> u.tableName("items").key(key("pk", pk))
                .updateExpression("ADD v :one").expressionAttributeValues(values(":one", 1))).build();
    }

    static TransactWriteItem delete(String pk) {
        return TransactWriteItem.builder().delete(d -> d.tableName("items").key(key("pk", pk))).build();
    }

    /** A condition check that v equals {@code expected}, returning ALL_OLD on failure. */
    static TransactWriteItem check(String pk, int expected) {
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName("items").key(key("pk", pk))
                .conditionExpression("v = :v").expressionAttributeValues(values(":v", expected))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    }

    /** Runs the transaction on {@link #two} and returns its outcome and the table afterwards. */
    static ContractCase.Action transact(TransactWriteItem... actions) {
        return db -> {
            two(db);
            Outcome result = Db.attempt(() -> db.ddb().transactWriteItems(r -> r.transactItems(actions)));
            return map("result", result, "after", db.contents("items"));
        };
    }

    /** Runs the transaction on {@link #two} and returns only its outcome. */
    static ContractCase.Action transactOnly(List<TransactWriteItem> actions) {
        return db -> {
            two(db);
            return db.ddb().transactWriteItems(r -> r.transactItems(actions));
        };
    }

    /** A cancelled transaction with these rendered reasons, as {@link Db#attempt} reports it. */
    static Outcome cancelledWith(String reasons) {
        return new Outcome.Failure("TransactionCanceledException", "TransactionCanceledException", 400, reasons, null, null);
    }

    static String cancelled(String reasons) {
        return cancelledWith(reasons).render();
    }

    static TransactGetItem get(String pk) {
        return TransactGetItem.builder().get(g -> g.tableName("items").key(key("pk", pk))).build();
    }

    @Override
    protected void define(Cases c) {
        c.add("put, update and delete apply together", transact(put(item("pk", "c", "v", 3)), increment("b"), delete("a")))
                .expect(map("result", OK, "after", Set.of(item("pk", "b", "v", 3), item("pk", "c", "v", 3))));
        c.add("a passing condition check lets the other actions apply", transact(check("a", 1), increment("b")))
                .expect(map("result", OK, "after", Set.of(item("pk", "a", "v", 1), item("pk", "b", "v", 3))));
        c.add("a failing condition check cancels every action, reasons in request order",
                transact(increment("a"), check("b", 99), put(item("pk", "c"))))
                .expect(map("result", cancelledWith(
                        "[{code: \"None\"}, {code: \"ConditionalCheckFailed\", item: {pk: \"b\", v: 2}}, {code: \"None\"}]"),
                        "after", TWO));
        c.add("a cancelled transaction reports None and ConditionalCheckFailed with the old item", db -> {
            two(db);
            return db.ddb().transactWriteItems(r -> r.transactItems(increment("a"), check("b", 99), put(item("pk", "c"))));
        }).expectFailure(cancelled("[{code: \"None\"}, {code: \"ConditionalCheckFailed\", item: {pk: \"b\", v: 2}}, {code: \"None\"}]"));
        c.add("a failed put condition on a missing item reports no old item", db -> {
            two(db);
            return db.ddb().transactWriteItems(r -> r.transactItems(putIf(item("pk", "c"), "attribute_exists(pk)"), increment("a")));
        }).expectFailure(cancelled("[{code: \"ConditionalCheckFailed\"}, {code: \"None\"}]"));
        c.add("cancellation reason codes for two failing conditions", db -> {
            two(db);
            return db.ddb().transactWriteItems(r -> r.transactItems(check("a", 5), check("b", 2), check("b", 5).toBuilder()
                    .conditionCheck(cc -> cc.tableName("items").key(key("pk", "c")).conditionExpression("attribute_exists(pk)")).build()));
        }).expectCancelled("ConditionalCheckFailed", "None", "ConditionalCheckFailed");
        c.add("a put that would create an existing item is stopped by attribute_not_exists",
                transact(putIf(item("pk", "a", "v", 100), "attribute_not_exists(pk)"), put(item("pk", "z"))))
                .expect(map("result", cancelledWith("[{code: \"ConditionalCheckFailed\", item: {pk: \"a\", v: 1}}, {code: \"None\"}]"),
                        "after", TWO));
        c.add("an empty transaction is rejected", transactOnly(List.of())).expectError("ValidationException");
        c.add("100 actions are accepted", db -> {
            db.table("items", "pk:S");
            db.ddb().transactWriteItems(r -> r.transactItems(IntStream.range(0, 100).mapToObj(n -> put(item("pk", "n" + n))).toList()));
            return db.contents("items").size();
        }).expect(100);
        c.add("101 actions are rejected", transactOnly(IntStream.range(0, 101).mapToObj(n -> put(item("pk", "n" + n))).toList()))
                .expectError("ValidationException");
        c.add("two actions on one item are rejected", transactOnly(List.of(increment("a"), delete("a"))))
                .expectError("ValidationException");
        c.add("a condition check and a write on one item are rejected", transactOnly(List.of(check("a", 1), increment("a"))))
                .expectError("ValidationException");
        c.add("a transaction on a missing table fails with ResourceNotFoundException", db ->
                db.ddb().transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
                        .put(p -> p.tableName("missing").item(item("pk", "a"))).build())))
                .expectError("ResourceNotFoundException");
        c.add("an invalid update expression in one action rejects the whole transaction", db -> {
            two(db);
            Outcome result = Db.attempt(() -> db.ddb().transactWriteItems(r -> r.transactItems(increment("a"),
                    TransactWriteItem.builder().update(u -> u.tableName("items").key(key("pk", "b")).updateExpression("SET v = v +")).build())));
            return map("result", result, "after", db.contents("items"));
        }).expect(map("result", Dsl.error("DynamoDbException", "ValidationException"), "after", TWO));
        c.add("the same ClientRequestToken twice applies the transaction once", db -> {
            two(db);
            String token = UUID.randomUUID().toString();
            db.ddb().transactWriteItems(r -> r.clientRequestToken(token).transactItems(increment("a")));
            Object second = db.ddb().transactWriteItems(r -> r.clientRequestToken(token).transactItems(increment("a")));
            return map("second", second, "after", db.contents("items"));
        }).expect(map("second", OK, "after", Set.of(item("pk", "a", "v", 2), item("pk", "b", "v", 2))));
        c.add("the same ClientRequestToken with a different request fails with IdempotentParameterMismatchException", db -> {
            two(db);
            String token = UUID.randomUUID().toString();
            db.ddb().transactWriteItems(r -> r.clientRequestToken(token).transactItems(increment("a")));
            return db.ddb().transactWriteItems(r -> r.clientRequestToken(token).transactItems(increment("b")));
        }).expectError("IdempotentParameterMismatchException");
        c.add("different ClientRequestTokens apply the transaction each time", db -> {
            two(db);
            db.ddb().transactWriteItems(r -> r.clientRequestToken(UUID.randomUUID().toString()).transactItems(increment("a")));
            db.ddb().transactWriteItems(r -> r.clientRequestToken(UUID.randomUUID().toString()).transactItems(increment("a")));
            return db.contents("items");
        }).expect(Set.of(item("pk", "a", "v", 3), item("pk", "b", "v", 2)));
        c.add("a ClientRequestToken longer than 36 characters is rejected", db -> {
            two(db);
            return db.ddb().transactWriteItems(r -> r.clientRequestToken("x".repeat(37)).transactItems(increment("a")));
        }).expectError("ValidationException");

        c.add("transact get returns items in request order, missing ones empty", db -> {
            two(db);
            return db.ddb().transactGetItems(r -> r.transactItems(get("b"), get("nope"), get("a")));
        }).expect(list(item("pk", "b", "v", 2), NO_ITEM, item("pk", "a", "v", 1)));
        c.add("transact get with a projection", db -> {
            two(db);
            return db.ddb().transactGetItems(r -> r.transactItems(TransactGetItem.builder()
                    .get(g -> g.tableName("items").key(key("pk", "a")).projectionExpression("v")).build()));
        }).expect(list(item("v", 1)));
        c.add("transact get of one item twice is rejected", db -> {
            two(db);
            return db.ddb().transactGetItems(r -> r.transactItems(get("a"), get("a")));
        }).expectError("ValidationException");
        c.add("transact get of 101 items is rejected", db -> {
            two(db);
            return db.ddb().transactGetItems(r -> r.transactItems(IntStream.range(0, 101).mapToObj(n -> get("n" + n)).toList()));
        }).expectError("ValidationException");
    }
}
