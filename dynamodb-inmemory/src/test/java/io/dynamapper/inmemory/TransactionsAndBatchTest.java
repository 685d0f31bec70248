package io.dynamapper.inmemory;

import static io.dynamapper.inmemory.Fixtures.assertValidation;
import static io.dynamapper.inmemory.Fixtures.item;
import static io.dynamapper.inmemory.Fixtures.n;
import static io.dynamapper.inmemory.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class TransactionsAndBatchTest {
    private final InMemoryDynamoDb ddb = Fixtures.withTable();

    private static TransactWriteItem put(String pk, String v) {
        return TransactWriteItem.builder().put(p -> p.tableName("things").item(item("pk", s(pk), "sk", n("1"), "v", s(v)))).build();
    }

    private Map<String, AttributeValue> get(String pk) {
        return ddb.getItem(b -> b.tableName("things").key(item("pk", s(pk), "sk", n("1")))).item();
    }

    @Test
    void failedConditionCancelsEverythingWithReasonsInOrder() {
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"), "v", s("old"))));
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                () -> ddb.transactWriteItems(b -> b.transactItems(put("b", "new"),
                        TransactWriteItem.builder().conditionCheck(c -> c.tableName("things")
                                .key(item("pk", s("a"), "sk", n("1"))).conditionExpression("attribute_not_exists(pk)")
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())));
        assertEquals(List.of("None", "ConditionalCheckFailed"),
                e.cancellationReasons().stream().map(r -> r.code()).toList());
        assertEquals("old", e.cancellationReasons().get(1).item().get("v").s());
        assertFalse(get("b").containsKey("v"));
    }

    @Test
    void appliesAllActions() {
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("d"), "sk", n("1"))));
        ddb.transactWriteItems(b -> b.transactItems(put("a", "1"),
                TransactWriteItem.builder().update(u -> u.tableName("things").key(item("pk", s("c"), "sk", n("1")))
                        .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", s("u")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("things").key(item("pk", s("d"), "sk", n("1")))).build()));
        assertEquals("1", get("a").get("v").s());
        assertEquals("u", get("c").get("v").s());
        assertFalse(get("d").containsKey("pk"));
        var got = ddb.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName("things").key(item("pk", s("a"), "sk", n("1")))).build(),
                TransactGetItem.builder().get(g -> g.tableName("things").key(item("pk", s("zz"), "sk", n("1")))).build()));
        assertEquals("1", got.responses().get(0).item().get("v").s());
        assertFalse(got.responses().get(1).hasItem());
    }

    @Test
    void transactionValidation() {
        assertValidation("Transaction request cannot include multiple operations on one item",
                () -> ddb.transactWriteItems(b -> b.transactItems(put("a", "1"), put("a", "2"))));
        List<TransactWriteItem> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(put("k" + i, "v"));
        }
        assertValidation("less than or equal to 100", () -> ddb.transactWriteItems(b -> b.transactItems(many)));
        assertValidation("greater than or equal to 1", () -> ddb.transactWriteItems(b -> b.transactItems(List.of())));
    }

    @Test
    void clientRequestTokenIsIdempotentWithinTenMinutes() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        ddb.setClock(Clock.fixed(t0, ZoneOffset.UTC));
        ddb.transactWriteItems(b -> b.clientRequestToken("tok").transactItems(put("a", "1")));
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"), "v", s("changed"))));
        ddb.transactWriteItems(b -> b.clientRequestToken("tok").transactItems(put("a", "1")));
        assertEquals("changed", get("a").get("v").s());
        assertThrows(IdempotentParameterMismatchException.class,
                () -> ddb.transactWriteItems(b -> b.clientRequestToken("tok").transactItems(put("a", "2"))));
        ddb.setClock(Clock.fixed(t0.plus(Duration.ofMinutes(10)), ZoneOffset.UTC));
        ddb.transactWriteItems(b -> b.clientRequestToken("tok").transactItems(put("a", "2")));
        assertEquals("2", get("a").get("v").s());
    }

    @Test
    void tokensExpireOneByOneWhileTheClockMovesOnAndBackward() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            ddb.setClock(Clock.fixed(t0.plus(Duration.ofMinutes(2L * i)), ZoneOffset.UTC));
            String token = "tok" + i;
            ddb.transactWriteItems(b -> b.clientRequestToken(token).transactItems(put("a", token)));
        }
        ddb.setClock(Clock.fixed(t0.plus(Duration.ofMinutes(13)), ZoneOffset.UTC));
        ddb.transactWriteItems(b -> b.clientRequestToken("tok1").transactItems(put("b", "tok1")));
        assertEquals("tok1", get("b").get("v").s(), "tok1 (first used at 2) expired at 12");
        assertThrows(IdempotentParameterMismatchException.class,
                () -> ddb.transactWriteItems(b -> b.clientRequestToken("tok2").transactItems(put("b", "other"))));
        ddb.setClock(Clock.fixed(t0, ZoneOffset.UTC));
        assertThrows(IdempotentParameterMismatchException.class,
                () -> ddb.transactWriteItems(b -> b.clientRequestToken("tok4").transactItems(put("b", "other"))));
        ddb.transactWriteItems(b -> b.clientRequestToken("tok0").transactItems(put("b", "again")));
        assertEquals("again", get("b").get("v").s(), "tok0 expired at 10 and stays forgotten after the clock moved back");
    }

    @Test
    void batchWriteAndGet() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            int k = i;
            writes.add(WriteRequest.builder().putRequest(p -> p.item(item("pk", s("k" + k), "sk", n("1")))).build());
        }
        ddb.batchWriteItem(b -> b.requestItems(Map.of("things", writes)));
        var got = ddb.batchGetItem(b -> b.requestItems(Map.of("things", KeysAndAttributes.builder()
                .keys(item("pk", s("k1"), "sk", n("1")), item("pk", s("k2"), "sk", n("1")), item("pk", s("no"), "sk", n("1")))
                .projectionExpression("pk").build())));
        assertEquals(2, got.responses().get("things").size());
        assertEquals(1, got.responses().get("things").get(0).size());
        List<WriteRequest> tooMany = new ArrayList<>(writes);
        tooMany.add(writes.get(0));
        assertValidation("Too many items requested for the BatchWriteItem call",
                () -> ddb.batchWriteItem(b -> b.requestItems(Map.of("things", tooMany))));
        assertValidation("Provided list of item keys contains duplicates",
                () -> ddb.batchWriteItem(b -> b.requestItems(Map.of("things", List.of(writes.get(0), writes.get(0))))));
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(item("pk", s("k" + i), "sk", n("1")));
        }
        assertValidation("Too many items requested for the BatchGetItem call", () -> ddb.batchGetItem(b ->
                b.requestItems(Map.of("things", KeysAndAttributes.builder().keys(keys).build()))));
        assertValidation("Provided list of item keys contains duplicates", () -> ddb.batchGetItem(b ->
                b.requestItems(Map.of("things", KeysAndAttributes.builder().keys(keys.get(0), keys.get(0)).build()))));
    }
}
