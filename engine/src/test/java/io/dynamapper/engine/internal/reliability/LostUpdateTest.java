package io.dynamapper.engine.internal.reliability;

import io.dynamapper.CommitOutcomeUnknownException;
import io.dynamapper.HashKey;
import io.dynamapper.Table;
import io.dynamapper.Throughput;
import io.dynamapper.Version;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.SessionFactory;
import io.dynamapper.engine.internal.reliability.Account.State;
import io.dynamapper.inmemory.Fault;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.inmemory.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * No update is lost when several threads run read-modify-write units of work over the same few
 * items through {@code SessionFactory.inTransaction}: money moved between accounts is conserved,
 * every account's stored operation count equals the operations that reported success, and its
 * version is one more than that count. On the fake, and on the fake injecting
 * transaction conflicts, throttling and lost responses at random (seeded).
 */
class LostUpdateTest {
    private static final int ACCOUNTS = 5;
    private static final long INITIAL_BALANCE = 1_000;
    private static final int THREADS = 4;
    private static final int OPERATIONS_PER_THREAD = 40;

    /** Where the units of work run. */
    enum Setup {
        FAKE(Backends.FAKE),
        FAKE_WITH_RANDOM_FAULTS(Backends.FAKE);

        final Backends backend;

        Setup(Backends backend) {
            this.backend = backend;
        }
    }

    private DynamoDbClient prepare(Setup setup) {
        DynamoDbClient raw = setup.backend.fresh();
        Backends.createTables(raw, Account.class);
        for (int i = 0; i < ACCOUNTS; i++) {
            raw.putItem(seed(i));
        }
        if (raw instanceof InMemoryDynamoDb fake) {
            // a write takes a millisecond to arrive, as over a network: between a unit of work's read
            // and its write other threads read the same version, so units of work do conflict
            fake.faults().on(Operation.UPDATE_ITEM).addLatency(Duration.ofMillis(1));
            fake.faults().on(Operation.TRANSACT_WRITE_ITEMS).addLatency(Duration.ofMillis(1));
        }
        if (setup == Setup.FAKE_WITH_RANDOM_FAULTS) {
            InMemoryDynamoDb fake = (InMemoryDynamoDb) raw;
            fake.faults().on(Operation.TRANSACT_WRITE_ITEMS)
                    .failWithProbability(0.2, 42, Fault.TRANSACTION_CONFLICT)
                    .failEvery(11, Fault.IO_ERROR_AFTER_APPLY); // idempotent under the transaction's token
            fake.faults().on(Operation.UPDATE_ITEM).failWithProbability(0.2, 43, Fault.THROTTLING);
        }
        return raw;
    }

    private static PutItemRequest seed(int i) {
        return PutItemRequest.builder().tableName(Account.TABLE)
                .item(Account.item(id(i), INITIAL_BALANCE, 0, "seed", 1)).build();
    }

    private static String id(int i) {
        return "acct-" + i;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setup.class)
    void concurrentTransfersConserveTheTotalAndLoseNoOperation(Setup setup) throws Exception {
        DynamoDbClient raw = prepare(setup);
        SessionFactory sessions = Backends.sessions(raw, 50);
        AtomicLongArray ops = new AtomicLongArray(ACCOUNTS);
        AtomicLong runs = new AtomicLong();

        runConcurrently(thread -> {
            Random random = new Random(1_000 + thread);
            for (int n = 0; n < OPERATIONS_PER_THREAD; n++) {
                int from = random.nextInt(ACCOUNTS);
                int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                long amount = 1 + random.nextInt(100);
                sessions.useTransaction(s -> { // may run more than once: everything it needs is decided outside
                    runs.incrementAndGet();
                    Account a = s.get(Account.class, id(from));
                    Account b = s.get(Account.class, id(to));
                    a.balance -= amount;
                    b.balance += amount;
                    a.ops++;
                    b.ops++;
                });
                ops.incrementAndGet(from);
                ops.incrementAndGet(to);
            }
        });

        long total = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            State st = State.of(Backends.rawGet(raw, Account.TABLE, Backends.key("id", id(i))));
            total += st.balance();
            assertEquals(ops.get(i), st.ops(), "operations on " + id(i));
            assertEquals(ops.get(i) + 1, st.version(), "version of " + id(i));
        }
        assertEquals(ACCOUNTS * INITIAL_BALANCE, total, "money is conserved");
        assertContended(runs.get());
        assertFaultsInjected(setup, raw, Operation.TRANSACT_WRITE_ITEMS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Setup.class)
    void concurrentSingleWriteDepositsAreEachCountedOnce(Setup setup) throws Exception {
        DynamoDbClient raw = prepare(setup);
        SessionFactory sessions = Backends.sessions(raw, 50);
        AtomicLongArray ops = new AtomicLongArray(ACCOUNTS);
        AtomicLong runs = new AtomicLong();
        AtomicLongArray deposited = new AtomicLongArray(ACCOUNTS);

        runConcurrently(thread -> {
            Random random = new Random(2_000 + thread);
            for (int n = 0; n < OPERATIONS_PER_THREAD; n++) {
                int to = random.nextInt(2); // two hot accounts: heavy contention on a single UpdateItem
                long amount = 1 + random.nextInt(100);
                sessions.useTransaction(s -> {
                    runs.incrementAndGet();
                    Account a = s.get(Account.class, id(to));
                    a.balance += amount;
                    a.ops++;
                });
                ops.incrementAndGet(to);
                deposited.addAndGet(to, amount);
            }
        });

        for (int i = 0; i < ACCOUNTS; i++) {
            State st = State.of(Backends.rawGet(raw, Account.TABLE, Backends.key("id", id(i))));
            assertEquals(INITIAL_BALANCE + deposited.get(i), st.balance(), "balance of " + id(i));
            assertEquals(ops.get(i), st.ops(), "operations on " + id(i));
            assertEquals(ops.get(i) + 1, st.version(), "version of " + id(i));
        }
        assertFaultsInjected(setup, raw, Operation.UPDATE_ITEM);
        assertContended(runs.get());
    }

    /** Some units of work ran more than once: they did conflict, the test is not vacuous. */
    private static void assertContended(long runs) {
        long operations = (long) THREADS * OPERATIONS_PER_THREAD;
        assertTrue(runs > operations, "no unit of work conflicted: " + runs + " runs for " + operations + " operations");
    }

    /** An account that records the id of every deposit applied to it, to prove none is applied twice. */
    @Table("rel_ledger")
    static class Ledger {
        @HashKey String id;
        long balance;
        Set<String> applied = new HashSet<>();
        @Version Long version;
    }

    /**
     * Hot single-write deposits while responses are lost at random after the write was applied.
     * When another thread wrote in between, the engine cannot tell whether its own write landed: it
     * reports {@link CommitOutcomeUnknownException} and does not re-run the work. Each deposit adds
     * its id to the account, so the invariant is exact: the stored balance is the sum of the
     * deposits recorded (none applied twice), and every deposit reported committed is recorded.
     */
    @Test
    void concurrentSingleWriteDepositsAreAppliedAtMostOnceUnderLostResponses() throws Exception {
        InMemoryDynamoDb raw = InMemoryDynamoDb.create();
        SessionFactory sessions = Backends.sessions(raw, 50);
        sessions.schema().createTable(Ledger.class, Throughput.onDemand());
        sessions.useTransaction(s -> {
            for (int i = 0; i < 2; i++) {
                Ledger ledger = new Ledger();
                ledger.id = id(i);
                s.save(ledger);
            }
        });
        raw.faults().on(Operation.UPDATE_ITEM).failWithProbability(0.2, 44, Fault.IO_ERROR_AFTER_APPLY);
        Map<String, Long> amounts = new ConcurrentHashMap<>();
        Set<String> committed = ConcurrentHashMap.newKeySet();
        AtomicInteger unknown = new AtomicInteger();

        runConcurrently(thread -> {
            Random random = new Random(3_000 + thread);
            for (int n = 0; n < OPERATIONS_PER_THREAD; n++) {
                String op = "t" + thread + "-" + n;
                int to = random.nextInt(2);
                long amount = 1 + random.nextInt(100);
                amounts.put(op, amount);
                try {
                    sessions.useTransaction(s -> {
                        Ledger ledger = s.get(Ledger.class, id(to));
                        ledger.balance += amount;
                        ledger.applied.add(op);
                    });
                    committed.add(op);
                } catch (CommitOutcomeUnknownException e) {
                    unknown.incrementAndGet();
                }
            }
        });

        assertTrue(raw.faults().injected(Operation.UPDATE_ITEM) >= 10, "responses were lost");
        raw.faults().clear();
        Set<String> recorded = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            int account = i;
            Ledger ledger = sessions.inTransaction(s -> s.get(Ledger.class, id(account)));
            long sum = ledger.applied.stream().mapToLong(amounts::get).sum();
            assertEquals(sum, ledger.balance, "every deposit recorded on " + id(i) + " counted exactly once");
            recorded.addAll(ledger.applied);
        }
        assertTrue(recorded.containsAll(committed), "every deposit reported committed is stored");
        assertTrue(recorded.size() <= committed.size() + unknown.get(), "only committed or unknown deposits are stored");
    }

    /** What the caller was told about one operation: the ledger's entries. */
    enum Outcome {
        COMMITTED, UNKNOWN, FAILED
    }

    /** How a lone write is sent. */
    enum SingleWrites {
        PLAIN, EXACTLY_ONCE
    }

    /**
     * Identical deposits (+10 each, so two writers from the same version make the very same
     * change) on two hot accounts while requests are lost before they reach the table and responses
     * after they were applied. Every operation's reported outcome goes into a ledger; then, per
     * account, the deposits stored (balance and operation count agree) are at least those reported
     * committed (each stored exactly once) and at most those plus the unknown ones (each stored at
     * most once): a commit reported without being stored would break the first bound. With
     * exactly-once single writes the request token settles every lost response: nothing is unknown.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(SingleWrites.class)
    void aLedgerOfIdenticalDepositsUnderLostRequestsMatchesWhatIsStored(SingleWrites mode) throws Exception {
        InMemoryDynamoDb raw = (InMemoryDynamoDb) prepare(Setup.FAKE);
        Operation write = mode == SingleWrites.PLAIN ? Operation.UPDATE_ITEM : Operation.TRANSACT_WRITE_ITEMS;
        raw.faults().on(write).failWithProbability(0.15, 45, Fault.IO_ERROR_BEFORE_SEND)
                .failEvery(9, Fault.IO_ERROR_AFTER_APPLY);
        SessionFactory sessions = io.dynamapper.engine.Dynamapper.builder().client(raw)
                .retryPolicy(Backends.noSleep(50))
                .sessionOptions(io.dynamapper.SessionOptions.defaults()
                        .withExactlyOnceSingleWrites(mode == SingleWrites.EXACTLY_ONCE))
                .build();
        Map<String, Outcome> ledger = new ConcurrentHashMap<>();
        Map<String, Integer> target = new ConcurrentHashMap<>();

        runConcurrently(thread -> {
            Random random = new Random(4_000 + thread);
            for (int n = 0; n < OPERATIONS_PER_THREAD; n++) {
                String op = "t" + thread + "-" + n;
                int to = random.nextInt(2);
                target.put(op, to);
                try {
                    sessions.useTransaction(s -> {
                        Account a = s.get(Account.class, id(to));
                        a.balance += 10;
                        a.ops++;
                    });
                    ledger.put(op, Outcome.COMMITTED);
                } catch (CommitOutcomeUnknownException e) {
                    ledger.put(op, Outcome.UNKNOWN);
                } catch (io.dynamapper.DynamapperException e) {
                    ledger.put(op, Outcome.FAILED);
                }
            }
        });

        assertTrue(raw.faults().injected(write) >= 10, "requests and responses were lost: " + raw.faults().injected(write));
        raw.faults().clear();
        long unknownInAll = 0;
        for (int i = 0; i < 2; i++) {
            int account = i;
            long committed = ledger.entrySet().stream()
                    .filter(e -> target.get(e.getKey()) == account && e.getValue() == Outcome.COMMITTED).count();
            long unknown = ledger.entrySet().stream()
                    .filter(e -> target.get(e.getKey()) == account && e.getValue() == Outcome.UNKNOWN).count();
            unknownInAll += unknown;
            State st = State.of(Backends.rawGet(raw, Account.TABLE, Backends.key("id", id(i))));
            long stored = (st.balance() - INITIAL_BALANCE) / 10;
            assertEquals(stored, st.ops(), "balance and operation count of " + id(i) + " move together");
            assertEquals(st.ops() + 1, st.version(), "one version per stored deposit on " + id(i));
            assertTrue(stored >= committed, id(i) + ": " + committed + " deposits reported committed but only " + stored
                    + " stored");
            assertTrue(stored <= committed + unknown, id(i) + ": " + stored + " deposits stored, but only " + committed
                    + " committed and " + unknown + " unknown");
        }
        assertEquals((long) THREADS * OPERATIONS_PER_THREAD, ledger.size(), "every operation is in the ledger");
        if (mode == SingleWrites.EXACTLY_ONCE) {
            assertEquals(0, unknownInAll, "the token settles every lost response");
        }
    }

    private static void assertFaultsInjected(Setup setup, DynamoDbClient raw, Operation operation) {
        if (setup == Setup.FAKE_WITH_RANDOM_FAULTS) {
            int injected = ((InMemoryDynamoDb) raw).faults().injected(operation);
            assertTrue(injected >= 10, "faults were injected into " + operation + ": " + injected);
        }
    }

    /** A body run by each thread. */
    @FunctionalInterface
    interface Body {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS); // rethrows a failed unit of work
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
