package io.dynamapper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.RetryPolicy;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.Throughput;
import io.dynamapper.inmemory.Fault;
import io.dynamapper.inmemory.Operation;
import io.dynamapper.testkit.DynamapperExtensionCases.Player;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The extension's configuration, used directly without JUnit's lifecycle: an in-memory extension
 * starts at its first {@link DynamapperExtension#sessions()} call.
 */
class DynamapperExtensionConfigTest {

    /** Creates the player table (no test lifecycle runs here) and fails the next PutItem once. */
    private static SessionFactory playersFailingOnce(DynamapperExtension db) {
        SessionFactory sessions = db.sessions();
        sessions.schema().createTable(Player.class, Throughput.onDemand());
        db.memory().faults().on(Operation.PUT_ITEM).failNext(1, Fault.THROTTLING);
        return sessions;
    }

    @Test
    void theDefaultRetryPolicyRetries() {
        SessionFactory sessions = playersFailingOnce(DynamapperExtension.inMemory());
        sessions.useTransaction(s -> s.save(new Player("alice", "Alice")));
    }

    @Test
    void withRetryPolicyIsTheFactorysPolicy() {
        DynamapperExtension db = DynamapperExtension.inMemory().withRetryPolicy(RetryPolicy.none());
        SessionFactory sessions = playersFailingOnce(db);
        assertThrows(RetriesExhaustedException.class, () -> sessions.useTransaction(s -> s.save(new Player("a", "A"))));
    }

    @Test
    void withSessionOptionsAreTheDefaultOptions() {
        DynamapperExtension db = DynamapperExtension.inMemory()
                .withSessionOptions(SessionOptions.defaults().withRetryPolicy(RetryPolicy.none()));
        SessionFactory sessions = playersFailingOnce(db);
        assertThrows(RetriesExhaustedException.class, () -> sessions.useTransaction(s -> s.save(new Player("a", "A"))));
    }

    @Test
    void theLeakCheckWrapsTheFactoryUnlessItIsOff() {
        assertTrue(DynamapperExtension.inMemory().sessions() instanceof ExtensionSessionFactory);
        SessionFactory plain = DynamapperExtension.inMemory().withLeakCheck(false).sessions();
        assertTrue(!(plain instanceof ExtensionSessionFactory), () -> plain.getClass().getName());
    }

    @Test
    void theInMemoryObjectsAreAvailableBeforeTheFirstTest() {
        DynamapperExtension db = DynamapperExtension.inMemory();
        assertSame(db.memory(), db.client());
        SessionFactory sessions = db.sessions();
        assertSame(sessions, db.sessions());
    }

    @Test
    void configurationEndsWhenTheExtensionStarts() {
        DynamapperExtension db = DynamapperExtension.inMemory();
        db.sessions();
        for (Executable late : new Executable[] {
                () -> db.withEntities(Player.class),
                () -> db.withRetryPolicy(RetryPolicy.none()),
                () -> db.withSessionOptions(SessionOptions.defaults()),
                () -> db.withLeakCheck(false)}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, late);
            assertTrue(e.getMessage().contains("after the extension started"), e.getMessage());
        }
    }

    @Test
    void settingsThatCanBeGivenOnceRejectASecondValue() {
        DynamapperExtension db = DynamapperExtension.inMemory()
                .withRetryPolicy(RetryPolicy.none())
                .withSessionOptions(SessionOptions.defaults());
        assertEquals("the retry policy was already set to " + RetryPolicy.none(),
                assertThrows(IllegalStateException.class, () -> db.withRetryPolicy(RetryPolicy.defaults())).getMessage());
        assertEquals("the session options were already set to " + SessionOptions.defaults(),
                assertThrows(IllegalStateException.class, () -> db.withSessionOptions(SessionOptions.defaults()))
                        .getMessage());
        db.withEntities(Player.class).withEntities(Player.class).withLeakCheck(false).withLeakCheck(true);
    }

    @Test
    void nullsAreRejected() {
        DynamapperExtension db = DynamapperExtension.inMemory();
        assertEquals("types[1] == null",
                assertThrows(NullPointerException.class, () -> db.withEntities(Player.class, null)).getMessage());
        assertEquals("policy == null",
                assertThrows(NullPointerException.class, () -> db.withRetryPolicy(null)).getMessage());
        assertEquals("options == null",
                assertThrows(NullPointerException.class, () -> db.withSessionOptions(null)).getMessage());
    }

    @Test
    void otherBackendsRejectNullsAndASupplierThatGivesNoClient() {
        assertEquals("endpoint == null",
                assertThrows(NullPointerException.class, () -> DynamapperExtension.endpoint(null)).getMessage());
        assertEquals("clients == null",
                assertThrows(NullPointerException.class, () -> DynamapperExtension.client(null)).getMessage());
        DynamapperExtension db = DynamapperExtension.client(() -> null);
        assertEquals("the DynamoDbClient supplier of DynamapperExtension returned null",
                assertThrows(IllegalStateException.class, db::sessions).getMessage());
    }
}
