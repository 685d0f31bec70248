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
        int sent = RequestLog.CAPACITY + 5;
        for (int i = 0; i < sent; i++) {
            int k = i;
            ddb.getItem(b -> b.tableName("things").key(item("pk", s("k" + k), "sk", n("1"))));
        }
        assertEquals(sent, ddb.requestCount());
        List<GetItemRequest> kept = ddb.requests(GetItemRequest.class);
        assertEquals(RequestLog.CAPACITY, kept.size());
        assertEquals("k5", kept.get(0).key().get("pk").s());
        ddb.clearRequests();
        assertEquals(0, ddb.requestCount());
        assertTrue(ddb.requests().isEmpty());
    }
}
