package io.dynamapper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static io.dynamapper.testkit.DynamapperExtensionCases.count;

import io.dynamapper.SessionFactory;
import io.dynamapper.inmemory.Fault;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.inmemory.Operation;
import io.dynamapper.testkit.DynamapperExtensionCases.Player;
import io.dynamapper.testkit.DynamapperExtensionCases.Score;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The declarative form: {@code @ExtendWith} plus {@code @DynamapperExtension.Entities}, parameters only. */
@ExtendWith(DynamapperExtension.class)
@DynamapperExtension.Entities({Score.class, Player.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DynamapperExtensionExtendWithTest {
    private final SessionFactory sessions;
    private final InMemoryDynamoDb memory;

    DynamapperExtensionExtendWithTest(SessionFactory sessions, InMemoryDynamoDb memory) {
        this.sessions = sessions;
        this.memory = memory;
    }

    @BeforeEach
    void seed(SessionFactory sessions) {
        sessions.useTransaction(s -> s.save(new Player("seed", "Seed")));
    }

    @Test
    @Order(1)
    void injectsOneFactoryAndOneInMemoryDynamoDb(SessionFactory sessions, DynamoDbClient client,
                                                  InMemoryDynamoDb memory) {
        assertSame(this.sessions, sessions);
        assertSame(this.memory, memory);
        assertSame(memory, client);
    }

    @Test
    @Order(2)
    void addsAPlayerTheNextTestMustNotSee() {
        sessions.useTransaction(s -> s.save(new Player("extra", "Extra")));
        memory.faults().on(Operation.QUERY).failNext(100, Fault.THROTTLING);
        assertEquals(2L, count(sessions, Player.class));
    }

    @Test
    @Order(3)
    void seesOnlyItsOwnSeedAndNoFault() {
        assertEquals(1, sessions.inTransaction(s -> s.query(Player.class).hashKey("seed").list()).size());
        assertEquals(1L, count(sessions, Player.class));
        assertEquals(0L, count(sessions, Score.class));
    }

    @Nested
    class WhenNested {
        @Test
        void getsTheEnclosingClassesTablesAndSeed(SessionFactory nestedSessions) {
            assertSame(sessions, nestedSessions);
            assertEquals(1L, count(nestedSessions, Player.class));
            assertEquals(0L, count(nestedSessions, Score.class));
        }
    }
}
