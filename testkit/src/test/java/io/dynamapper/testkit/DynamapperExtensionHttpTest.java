package io.dynamapper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.dynamapper.SessionFactory;
import io.dynamapper.inmemory.Fault;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.inmemory.Operation;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** {@link DynamapperExtensionCases} on the in-memory DynamoDB over HTTP, through the SDK's real client. */
class DynamapperExtensionHttpTest extends DynamapperExtensionCases {
    @RegisterExtension
    static final DynamapperExtension db = DynamapperExtension.http().withEntities(Score.class);

    DynamapperExtensionHttpTest(SessionFactory sessions, DynamoDbClient client) {
        super(sessions, client);
    }

    @Override
    DynamapperExtension db() {
        return db;
    }

    @Test
    @Order(10)
    void theClientTalksHttpToTheInjectedInMemoryDynamoDb(InMemoryDynamoDb memory, DynamoDbClient client) {
        assertSame(db.memory(), memory);
        assertNotSame(memory, client);
        assertSame(memory.faults(), db.faults());
        memory.clearRequests();
        db.sessions().useTransaction(s -> s.save(new Player("alice", "Alice")));
        assertEquals("ext_players", memory.requests(PutItemRequest.class).get(0).tableName());
    }

    @Test
    @Order(11)
    void faultsReachTheClientOverHttpAndAreRetried(SessionFactory sessions) {
        db.faults().on(Operation.PUT_ITEM).failNext(2, Fault.THROTTLING);
        sessions.useTransaction(s -> s.save(new Player("bob", "Bob")));
        assertEquals(2, db.faults().injected(Operation.PUT_ITEM));
    }

    @Test
    @Order(12)
    void startsWithoutFaultsAndWithoutTheLastTestsRequests() {
        assertEquals(0, db.faults().injectedTotal());
        assertEquals(List.of(), db.memory().requests(PutItemRequest.class), "only this test's table creation");
    }
}
