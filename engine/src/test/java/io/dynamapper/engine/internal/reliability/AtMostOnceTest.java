package io.dynamapper.engine.internal.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynamapper.DynamapperException;
import io.dynamapper.SessionFactory;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.engine.internal.reliability.Account.State;
import io.dynamapper.inmemory.Fault;
import io.dynamapper.inmemory.Faults;
import io.dynamapper.inmemory.Operation;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A unit of work run by {@code SessionFactory.inTransaction} is applied at most once, even when a
 * commit's outcome is unknown (the connection broke after DynamoDB applied the write) and the
 * retries that follow fail: the framework must not re-run the work on top of a write that may
 * already be there. Deterministic: the concurrent writer runs inside the retry sleeper, between two
 * attempts of the same commit.
 */
class AtMostOnceTest {

    private static DynamoDbClient seeded(Backends backend) {
        DynamoDbClient raw = backend.fresh();
        Backends.createTables(raw, Account.class);
        raw.putItem(b -> b.tableName(Account.TABLE).item(Account.item("a", 100, 0, "seed", 1)));
        raw.putItem(b -> b.tableName(Account.TABLE).item(Account.item("b", 200, 0, "seed", 1)));
        return raw;
    }

    private static State stored(DynamoDbClient raw, String id) {
        return State.of(Backends.rawGet(raw, Account.TABLE, Backends.key("id", id)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.class)
    void aSingleWriteAppliedBeforeTheConnectionBrokeIsNotAppliedAgainAfterAConcurrentWrite(Backends backend) {
        DynamoDbClient raw = seeded(backend);
        SessionFactory other = Backends.sessions(raw, 5);
        AtomicBoolean concurrentDone = new AtomicBoolean();
        Faults faults = Faults.create(); // in front of this session's client only, not the other writer's
        faults.on(Operation.UPDATE_ITEM).failNext(1, Fault.IO_ERROR_AFTER_APPLY);
        SessionFactory sessions = Dynamapper.builder().client(faults.decorate(raw))
                .retryPolicy(Backends.noSleep(5).withSleeper(d -> {
                    if (concurrentDone.compareAndSet(false, true)) { // another process deposits 1000 meanwhile
                        other.useTransaction(s -> {
                            Account a = s.get(Account.class, "a");
                            a.balance += 1000;
                            a.ops++;
                        });
                    }
                })).build();

        DynamapperException thrown = null;
        try {
            sessions.useTransaction(s -> {
                Account a = s.get(Account.class, "a");
                a.balance += 50;
                a.ops++;
            });
        } catch (DynamapperException e) {
            thrown = e; // acceptable: "outcome unknown" -- but the deposit must not be made twice
        }

        State a = stored(raw, "a");
        String why = "deposit of 50 and concurrent deposit of 1000, each exactly once; thrown: " + thrown;
        assertEquals(1150, a.balance(), why);
        assertEquals(2, a.ops(), why);
        assertEquals(1, faults.injected(Operation.UPDATE_ITEM), "the single write's response was lost");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.class)
    void aTransactionAppliedBeforeItsRetriesRanOutIsNotReRunByInTransaction(Backends backend) {
        DynamoDbClient raw = seeded(backend);
        // every attempt of the first commit reaches DynamoDB (the first applies, the others are
        // idempotent under the same token), and every response is lost
        Faults faults = Faults.create();
        faults.on(Operation.TRANSACT_WRITE_ITEMS).failNext(3, Fault.IO_ERROR_AFTER_APPLY);
        SessionFactory sessions = Backends.sessions(faults.decorate(raw), 3);

        DynamapperException thrown = null;
        try {
            sessions.useTransaction(s -> {
                Account a = s.get(Account.class, "a");
                Account b = s.get(Account.class, "b");
                a.balance -= 10;
                b.balance += 10;
                a.ops++;
                b.ops++;
            });
        } catch (DynamapperException e) {
            thrown = e; // acceptable: the outcome is unknown -- but the transfer must not be made twice
        }

        String why = "one transfer of 10, applied exactly once; thrown: " + thrown;
        assertEquals(new State(90, 1, "seed", 2), stored(raw, "a"), why);
        assertEquals(new State(210, 1, "seed", 2), stored(raw, "b"), why);
        assertEquals(3, faults.injected(Operation.TRANSACT_WRITE_ITEMS), "every attempt's response was lost");
    }
}
