package io.dynamapper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.dynamapper.SessionFactory;
import io.dynamapper.inmemory.Fault;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.inmemory.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link DynamapperExtensionCases} in memory, plus what only the in-memory flavour has: faults and a clock. */
class DynamapperExtensionInMemoryTest extends DynamapperExtensionCases {
    private static final Clock Y2K = Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final DynamapperExtension db = DynamapperExtension.inMemory().withEntities(Score.class);

    DynamapperExtensionInMemoryTest(SessionFactory sessions, DynamoDbClient client) {
        super(sessions, client);
    }

    @Override
    DynamapperExtension db() {
        return db;
    }

    @Test
    @Order(10)
    void injectsTheInMemoryDynamoDbAsItselfAndAsTheClient(InMemoryDynamoDb memory, DynamoDbClient client) {
        assertSame(db.memory(), memory);
        assertSame(memory, client);
    }

    @Test
    @Order(11)
    void injectsFaultsAndSetsAClockTheNextTestMustNotSee() {
        db.memory().faults().on(Operation.PUT_ITEM).failNext(100, Fault.THROTTLING);
        db.memory().faults().on(Operation.GET_ITEM).failNext(1, Fault.INTERNAL_SERVER_ERROR);
        db.memory().setClock(Y2K);
        assertEquals(java.util.Optional.empty(),                        // the 500 is retried: reads are idempotent
                db.sessions().inTransaction(s -> s.find(Player.class, "nobody")));
        assertEquals(1, db.memory().faults().injectedTotal());
    }

    @Test
    @Order(12)
    void startsWithoutFaultsAndWithTheSystemClock(SessionFactory sessions) {
        assertEquals(0, db.memory().faults().injectedTotal());
        assertNotEquals(Y2K.instant(), db.memory().clock().instant());
        sessions.useTransaction(s -> s.save(new Player("alice", "Alice")));   // one PutItem
        assertEquals(0, db.memory().faults().injectedTotal());
    }

    @Test
    @Order(13)
    void retriesTransientFailuresWithTheDefaultPolicy(SessionFactory sessions) {
        db.memory().faults().on(Operation.PUT_ITEM).failNext(4, Fault.THROTTLING);
        sessions.useTransaction(s -> s.save(new Player("alice", "Alice")));   // the fifth attempt succeeds
        assertEquals(4, db.memory().faults().injected(Operation.PUT_ITEM));
    }
}
