package io.dynamapper.inmemory;

import static io.dynamapper.inmemory.Fixtures.item;
import static io.dynamapper.inmemory.Fixtures.n;
import static io.dynamapper.inmemory.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The requests the fake received, without a recording wrapper. */
class RequestLogTest {
    private final InMemoryDynamoDb ddb = Fixtures.withTable();

    @Test
    void requestsAreRecordedInOrderAndTakenOneByOne() {
        ddb.clearRequests();
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"))));
        ddb.getItem(b -> b.tableName("things").key(item("pk", s("a"), "sk", n("1"))));
        assertEquals(2, ddb.requestCount());
        assertEquals(1, ddb.requests(GetItemRequest.class).size());
        PutItemRequest put = (PutItemRequest) ddb.takeRequest();
        assertEquals("a", put.item().get("pk").s());
        assertTrue(ddb.takeRequest() instanceof GetItemRequest);
        NoSuchElementException none = assertThrows(NoSuchElementException.class, ddb::takeRequest);
        assertTrue(none.getMessage().contains("received 2"), none.getMessage());
        assertEquals(2, ddb.requestCount(), "taking does not change the count");
    }

    @Test
    void failedAndFaultedRequestsAreRecordedToo() {
        ddb.clearRequests();
        ddb.faults().on(Operation.PUT_ITEM).failNext(1, Fault.THROTTLING);
        assertThrows(DynamoDbException.class,
                () -> ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1")))));
        assertThrows(DynamoDbException.class, () -> ddb.getItem(b -> b.tableName("nope").key(item("pk", s("a")))));
        assertEquals(2, ddb.requests().size());
    }

    @Test
    void onlyTheMostRecentRequestsAreKeptButAllAreCounted() {
        ddb.clearRequests();
        int sent = RequestLog.DEFAULT_MAX_REQUESTS + 5;
        for (int i = 0; i < sent; i++) {
            int k = i;
            ddb.getItem(b -> b.tableName("things").key(item("pk", s("k" + k), "sk", n("1"))));
        }
        assertEquals(sent, ddb.requestCount());
        List<GetItemRequest> kept = ddb.requests(GetItemRequest.class);
        assertEquals(RequestLog.DEFAULT_MAX_REQUESTS, kept.size());
        assertEquals("k5", kept.get(0).key().get("pk").s());
        ddb.clearRequests();
        assertEquals(0, ddb.requestCount());
        assertTrue(ddb.requests().isEmpty());
    }

    @Test
    void largeRequestsAreKeptUpToTheDefaultMemoryBound() {
        ddb.clearRequests();
        String large = "x".repeat(100_000); // one string shared by every request: the estimate counts it each time
        int sent = 1_000; // ~100 MB of item values by the estimate, over the default 64 MiB
        for (int i = 0; i < sent; i++) {
            int k = i;
            ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"), "big", s(large),
                    "i", s(String.format("%04d", k)))));
        }
        assertEquals(sent, ddb.requestCount());
        List<PutItemRequest> kept = ddb.requests(PutItemRequest.class);
        long expected = RequestLog.DEFAULT_MAX_BYTES / RequestLog.estimate(kept.get(0));
        assertEquals(expected, kept.size(), "as many as fit in 64 MiB");
        assertTrue(kept.size() < sent && kept.size() > 600, kept.size() + " kept");
        assertEquals(String.format("%04d", sent - 1), kept.get(kept.size() - 1).item().get("i").s(),
                "the most recent are kept");
        assertEquals(String.format("%04d", sent - kept.size()), kept.get(0).item().get("i").s());
    }

    @Test
    void limitsAreSetByKeepRequestsAndApplyAtOnce() {
        ddb.clearRequests();
        for (int i = 0; i < 10; i++) {
            int k = i;
            ddb.getItem(b -> b.tableName("things").key(item("pk", s("k" + k), "sk", n("1"))));
        }
        assertEquals(ddb, ddb.keepRequests(3, Long.MAX_VALUE));
        List<GetItemRequest> kept = ddb.requests(GetItemRequest.class);
        assertEquals(List.of("k7", "k8", "k9"), kept.stream().map(r -> r.key().get("pk").s()).toList());
        ddb.updateItem(b -> b.tableName("things").key(item("pk", s("a"), "sk", n("1")))
                .updateExpression("SET v = :v").expressionAttributeValues(java.util.Map.of(":v", s("y".repeat(5_000)))));
        ddb.keepRequests(3, 4_000); // the update alone is estimated over 5 000 bytes: dropped with the older ones
        assertTrue(ddb.requests().isEmpty(), ddb.requests().toString());
        assertEquals(11, ddb.requestCount());
        ddb.keepRequests(3, 10_000);
        ddb.updateItem(b -> b.tableName("things").key(item("pk", s("a"), "sk", n("1")))
                .updateExpression("SET v = :v").expressionAttributeValues(java.util.Map.of(":v", s("z"))));
        assertEquals(1, ddb.requests(UpdateItemRequest.class).size());
    }

    @Test
    void keepingNoRequestsStillCountsThem() {
        ddb.keepRequests(0, 0);
        ddb.clearRequests();
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"))));
        assertEquals(1, ddb.requestCount());
        assertTrue(ddb.requests().isEmpty());
        NoSuchElementException none = assertThrows(NoSuchElementException.class, ddb::takeRequest);
        assertTrue(none.getMessage().contains("keeps none"), none.getMessage());
    }

    @Test
    void negativeLimitsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ddb.keepRequests(-1, 0));
        assertTrue(e.getMessage().contains("maxRequests -1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ddb.keepRequests(1, -1));
    }
}
