package io.dynamapper.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.guice.TestBackend.RecordingSleeper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionalTest {
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final io.dynamapper.inmemory.InMemoryDynamoDb recording = SharedDb.client();
    /** The shared fake's request log holds what a test sent, not its set-up. */
    @org.junit.jupiter.api.extension.RegisterExtension
    final org.junit.jupiter.api.extension.BeforeTestExecutionCallback freshRequestLog = SharedDb.freshRequestLog();
    private Injector injector;
    private ThreadUnitOfWork unit;
    private CounterService service;
    private SessionFactory sessions;
    private String id;

    @BeforeEach
    void setUp() {
        injector = Guice.createInjector(TestBackend.module(recording, TestBackend.policy(4, sleeper)).build());
        unit = (ThreadUnitOfWork) injector.getInstance(UnitOfWork.class);
        service = injector.getInstance(CounterService.class);
        sessions = injector.getInstance(SessionFactory.class);
        id = "c-" + UUID.randomUUID();
    }

    @AfterEach
    void noThreadStateLeft() {
        assertFalse(unit.isActive(), "a unit of work was left active");
        assertFalse(unit.isTransactionActive(), "a transaction was left active");
    }

    /** Changes a counter in another session on another thread, as a concurrent request would. */
    private void changeConcurrently(String counterId) {
        CompletableFuture.runAsync(() -> {
            try (Session other = sessions.openSession()) {
                Counter c = other.find(Counter.class, counterId).orElseGet(() -> {
                    Counter n = new Counter(counterId, 0);
                    other.save(n);
                    return n;
                });
                c.value += 100;
                other.commit();
            }
        }).join();
    }

    static class CounterService {
        final Session session;
        final AtomicInteger attempts = new AtomicInteger();
        volatile Runnable beforeReturn = () -> { };

        @Inject
        CounterService(Session session) {
            this.session = session;
        }

        Counter load(String id) {
            return session.find(Counter.class, id).orElseGet(() -> {
                Counter c = new Counter(id, 0);
                session.save(c);
                return c;
            });
        }

        @Transactional
        long increment(String id) {
            attempts.incrementAndGet();
            Counter c = load(id);
            c.value++;
            beforeReturn.run();
            return c.value;
        }

        @Transactional(maxAttempts = 2)
        long incrementTwoAttempts(String id) {
            return increment(id);
        }

        @Transactional
        void incrementThenFail(String id) {
            increment(id);
            throw new IllegalStateException("boom");
        }

        @Transactional
        void incrementThenError(String id) {
            increment(id);
            throw new AssertionError("error");
        }

        @Transactional
        void incrementThenThrowChecked(String id) throws IOException {
            increment(id);
            throw new IOException("checked");
        }

        @Transactional(rollbackOn = IOException.class)
        void incrementThenThrowCheckedRollingBack(String id) throws IOException {
            increment(id);
            throw new IOException("checked, rolls back");
        }

        @Transactional(ignore = IllegalArgumentException.class)
        void incrementThenThrowIgnored(String id) {
            increment(id);
            throw new IllegalArgumentException("ignored");
        }
    }

    static class OuterService {
        final CounterService inner;
        final Session session;

        @Inject
        OuterService(CounterService inner, Session session) {
            this.inner = inner;
            this.session = session;
        }

        @Transactional
        long incrementTwice(String id) {
            inner.increment(id);
            return inner.increment(id);
        }

        @Transactional
        void swallowInnerFailure(String id) {
            inner.increment(id);
            try {
                inner.incrementThenFail(id);
            } catch (IllegalStateException expected) {
                // the outer method carries on, but the transaction is doomed
            }
        }

        @Transactional
        void swallowInnerFailureThenThrowChecked(String id) throws IOException {
            swallowInnerFailure(id);   // a self-call: runs in this transaction, not intercepted again
            throw new IOException("checked after a swallowed failure");
        }

        @Transactional
        void swallowIgnoredInnerFailure(String id) {
            try {
                inner.incrementThenThrowIgnored(id);
            } catch (IllegalArgumentException expected) {
                // ignored by the inner call's annotation: the transaction may still commit
            }
        }
    }

    @Transactional(maxAttempts = 1)
    static class ClassLevelService {
        final CounterService counters;
        final AtomicInteger runs = new AtomicInteger();
        volatile Runnable beforeReturn = () -> { };

        @Inject
        ClassLevelService(CounterService counters) {
            this.counters = counters;
        }

        long increment(String id) {
            runs.incrementAndGet();
            Counter c = counters.load(id);
            c.value++;
            beforeReturn.run();
            return c.value;
        }

        void fail(String id) {
            increment(id);
            throw new IllegalStateException("class-level rollback");
        }

        @Transactional(maxAttempts = 3)
        long incrementRetried(String id) {
            return increment(id);
        }
    }

    @Test
    void commitsWhenTheMethodReturns() {
        assertEquals(1, service.increment(id));
        assertEquals(1, SharedDb.storedValue(id));
        assertEquals(2, service.increment(id));
        assertEquals(2, SharedDb.storedValue(id));
        assertEquals(2, SharedDb.writes(recording).size());
    }

    @Test
    void writesNothingWhenTheMethodThrows() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> service.incrementThenFail(id));
        assertEquals("boom", e.getMessage());
        assertEquals(-1, SharedDb.storedValue(id));
        assertEquals(0, SharedDb.writes(recording).size());
    }

    @Test
    void writesNothingWhenTheMethodThrowsAnError() {
        assertThrows(AssertionError.class, () -> service.incrementThenError(id));
        assertEquals(-1, SharedDb.storedValue(id));
    }

    @Test
    void checkedExceptionNotInRollbackOnCommitsAndIsRethrown() {
        IOException e = assertThrows(IOException.class, () -> service.incrementThenThrowChecked(id));
        assertEquals("checked", e.getMessage());
        assertEquals(1, SharedDb.storedValue(id));
    }

    @Test
    void checkedExceptionInRollbackOnRollsBack() {
        assertThrows(IOException.class, () -> service.incrementThenThrowCheckedRollingBack(id));
        assertEquals(-1, SharedDb.storedValue(id));
    }

    @Test
    void ignoredExceptionCommitsAndIsRethrown() {
        assertThrows(IllegalArgumentException.class, () -> service.incrementThenThrowIgnored(id));
        assertEquals(1, SharedDb.storedValue(id));
    }

    @Test
    void conflictReRunsTheMethodInAFreshSession() {
        service.increment(id);   // value 1
        sleeper.sleeps.clear();
        service.attempts.set(0);
        AtomicInteger interferences = new AtomicInteger();
        service.beforeReturn = () -> {
            if (interferences.getAndIncrement() == 0) {
                changeConcurrently(id);   // 101 in the table; this attempt's commit conflicts
            }
        };
        assertEquals(102, service.increment(id));
        assertEquals(2, service.attempts.get());
        assertEquals(102, SharedDb.storedValue(id));
        assertEquals(1, sleeper.sleeps.size());
        Duration slept = sleeper.sleeps.get(0);
        assertTrue(!slept.isNegative() && slept.compareTo(Duration.ofMillis(10)) <= 0, "full jitter under the cap: " + slept);
    }

    @Test
    void exhaustedAttemptsThrowTheLastConflictWithTheEarlierOnesSuppressed() {
        service.increment(id);
        service.attempts.set(0);
        sleeper.sleeps.clear();
        service.beforeReturn = () -> changeConcurrently(id);   // every attempt conflicts
        OptimisticLockException e = assertThrows(OptimisticLockException.class, () -> service.increment(id));
        assertEquals(4, service.attempts.get());
        assertEquals(3, e.getSuppressed().length, Arrays.toString(e.getSuppressed()));
        for (Throwable earlier : e.getSuppressed()) {
            assertTrue(earlier instanceof OptimisticLockException, earlier.toString());
        }
        assertEquals(3, sleeper.sleeps.size());
        assertTrue(sleeper.sleeps.get(2).compareTo(Duration.ofMillis(40)) <= 0);
        assertEquals(1 + 4 * 100, SharedDb.storedValue(id), "only the interfering writes landed");
    }

    @Test
    void annotationMaxAttemptsOverridesThePolicy() {
        service.increment(id);
        service.attempts.set(0);
        service.beforeReturn = () -> changeConcurrently(id);
        assertThrows(OptimisticLockException.class, () -> service.incrementTwoAttempts(id));
        assertEquals(2, service.attempts.get());
    }

    @Test
    void nestedCallsJoinTheOuterTransactionAndCommitOnce() {
        OuterService outer = injector.getInstance(OuterService.class);
        assertEquals(2, outer.incrementTwice(id));
        assertEquals(2, SharedDb.storedValue(id));
        assertEquals(1, SharedDb.writes(recording).size(), SharedDb.writes(recording).toString());
    }

    @Test
    void innerFailureMakesTheOuterTransactionRollbackOnly() {
        OuterService outer = injector.getInstance(OuterService.class);
        RollbackOnlyException e = assertThrows(RollbackOnlyException.class, () -> outer.swallowInnerFailure(id));
        assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
        assertEquals("boom", e.getCause().getMessage());
        assertTrue(e.getMessage().contains("incrementThenFail"), e.getMessage());
        assertEquals(-1, SharedDb.storedValue(id));
        assertEquals(0, SharedDb.writes(recording).size());
    }

    @Test
    void innerIgnoredFailureDoesNotDoomTheOuterTransaction() {
        injector.getInstance(OuterService.class).swallowIgnoredInnerFailure(id);
        assertEquals(1, SharedDb.storedValue(id));
    }

    @Test
    void classLevelAnnotationAppliesToEveryMethodAndAMethodAnnotationOverridesIt() {
        ClassLevelService classLevel = injector.getInstance(ClassLevelService.class);
        assertEquals(1, classLevel.increment(id));
        assertEquals(1, SharedDb.storedValue(id));

        assertThrows(IllegalStateException.class, () -> classLevel.fail(id));
        assertEquals(1, SharedDb.storedValue(id));

        AtomicInteger interferences = new AtomicInteger();
        classLevel.beforeReturn = () -> {
            if (interferences.getAndIncrement() == 0) {
                changeConcurrently(id);
            }
        };
        classLevel.runs.set(0);
        // the class's maxAttempts = 1: a conflict is not retried
        assertThrows(OptimisticLockException.class, () -> classLevel.increment(id));
        assertEquals(1, classLevel.runs.get());
        assertEquals(101, SharedDb.storedValue(id));

        // the method's own maxAttempts = 3 wins: retried once
        interferences.set(0);
        classLevel.runs.set(0);
        assertEquals(202, classLevel.incrementRetried(id));
        assertEquals(2, classLevel.runs.get());
        assertEquals(202, SharedDb.storedValue(id));
    }

    @Test
    void aRollbackOnlyTransactionCommitsNothingEvenWhenTheMethodThrowsACheckedException() {
        OuterService outer = injector.getInstance(OuterService.class);
        IOException e = assertThrows(IOException.class, () -> outer.swallowInnerFailureThenThrowChecked(id));
        assertEquals("checked after a swallowed failure", e.getMessage());
        assertEquals("boom", e.getSuppressed()[0].getMessage(), "the failure that doomed the transaction");
        assertEquals(-1, SharedDb.storedValue(id));
        assertEquals(0, SharedDb.writes(recording).size());
    }

    @Test
    void anInterruptDuringBackoffStopsRetryingAndKeepsTheInterruptFlag() {
        Injector interrupted = Guice.createInjector(TestBackend.module(recording,
                TestBackend.policy(4, new RecordingSleeper()).withSleeper(d -> {
                    throw new InterruptedException("stop");
                })).build());
        CounterService counters = interrupted.getInstance(CounterService.class);
        counters.increment(id);
        counters.attempts.set(0);
        counters.beforeReturn = () -> changeConcurrently(id);
        try {
            OptimisticLockException e = assertThrows(OptimisticLockException.class, () -> counters.increment(id));
            assertEquals(1, counters.attempts.get());
            assertTrue(e.getSuppressed()[0] instanceof InterruptedException, Arrays.toString(e.getSuppressed()));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        ThreadUnitOfWork otherUnit = (ThreadUnitOfWork) interrupted.getInstance(UnitOfWork.class);
        assertFalse(otherUnit.isActive());
        assertFalse(otherUnit.isTransactionActive());
    }
    @Test
    void aConflictAfterChangesMadeOutsideTheMethodIsNotReRunAndDropsNothing() {
        String other = "c-" + UUID.randomUUID();
        service.increment(id);
        service.increment(other);
        service.attempts.set(0);
        AtomicInteger interferences = new AtomicInteger();
        service.beforeReturn = () -> {
            if (interferences.getAndIncrement() == 0) {
                changeConcurrently(id);
            }
        };
        unit.run(() -> {
            Counter earlier = service.session.get(Counter.class, other);
            earlier.value = 42;   // a change of the request, made outside the @Transactional method
            assertThrows(OptimisticLockException.class, () -> service.increment(id));
            assertEquals(1, service.attempts.get(), "not re-run: that would drop the earlier change");
            assertTrue(service.session.isDirty(), "the earlier change is still pending");
            assertSame(earlier, service.session.current(earlier), "and its entity still managed");
            assertEquals(42, earlier.value);
            service.session.detach(service.session.get(Counter.class, id));   // give up the conflicting change
            service.session.commit();                                        // and keep the earlier one
        });
        assertEquals(42, SharedDb.storedValue(other));
        assertEquals(101, SharedDb.storedValue(id));
    }

    @Test
    void aReRunInsideAUnitOfWorkWithoutEarlierChangesSeesFreshState() {
        service.increment(id);   // value 1
        service.attempts.set(0);
        AtomicInteger interferences = new AtomicInteger();
        service.beforeReturn = () -> {
            if (interferences.getAndIncrement() == 0) {
                changeConcurrently(id);
            }
        };
        unit.run(() -> {
            Counter read = service.session.get(Counter.class, id);   // read, not changed
            assertEquals(1, read.value);
            assertEquals(102, service.increment(id));
            assertEquals(2, service.attempts.get());
            assertEquals(102, service.session.get(Counter.class, id).value, "the unit's session sees the fresh state");
        });
        assertEquals(102, SharedDb.storedValue(id));
    }

    /** A fresh in-memory DynamoDB with the counters table, for tests that inject faults. */
    private static io.dynamapper.inmemory.InMemoryDynamoDb freshFake() {
        io.dynamapper.inmemory.InMemoryDynamoDb fake = io.dynamapper.inmemory.InMemoryDynamoDb.create();
        fake.createTable(b -> b.tableName(SharedDb.TABLE)
                .keySchema(software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder().attributeName("id")
                        .keyType(software.amazon.awssdk.services.dynamodb.model.KeyType.HASH).build())
                .attributeDefinitions(software.amazon.awssdk.services.dynamodb.model.AttributeDefinition.builder()
                        .attributeName("id").attributeType(software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S)
                        .build())
                .billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST));
        return fake;
    }

    @Test
    void exhaustedRetriesAfterChangesMadeOutsideTheMethodKeepEveryPendingChange() {
        io.dynamapper.inmemory.InMemoryDynamoDb fake = freshFake();
        Injector injector = Guice.createInjector(TestBackend.module(fake, TestBackend.policy(3, new RecordingSleeper()))
                .build());
        CounterService counters = injector.getInstance(CounterService.class);
        UnitOfWork work = injector.getInstance(UnitOfWork.class);
        String other = "c-" + UUID.randomUUID();
        counters.increment(id);
        counters.increment(other);
        counters.attempts.set(0);
        fake.faults().on(io.dynamapper.inmemory.Operation.TRANSACT_WRITE_ITEMS)
                .failWithProbability(1.0, 1, io.dynamapper.inmemory.Fault.THROTTLING);
        work.run(() -> {
            Counter earlier = counters.session.get(Counter.class, other);
            earlier.value = 42;
            assertThrows(io.dynamapper.RetriesExhaustedException.class, () -> counters.increment(id));
            assertEquals(1, counters.attempts.get());
            assertTrue(counters.session.isDirty(), "nothing dropped: both changes are still pending");
            assertEquals(42, counters.session.current(earlier).value);
            assertEquals(2, counters.session.get(Counter.class, id).value);
        });
    }

    @Test
    void sustainedThrottlingCostsOneRetryBudgetNotAttemptsTimesReRuns() {
        io.dynamapper.inmemory.InMemoryDynamoDb fake = freshFake();
        RecordingSleeper waits = new RecordingSleeper();
        Injector injector = Guice.createInjector(TestBackend.module(fake, TestBackend.policy(4, waits))
                .build());
        CounterService counters = injector.getInstance(CounterService.class);
        counters.increment(id);
        fake.faults().on(io.dynamapper.inmemory.Operation.UPDATE_ITEM)
                .failWithProbability(1.0, 1, io.dynamapper.inmemory.Fault.THROTTLING);
        int before = SharedDb.writes(fake).size();
        counters.attempts.set(0);
        assertThrows(io.dynamapper.RetriesExhaustedException.class, () -> counters.increment(id));
        assertEquals(4, SharedDb.writes(fake).size() - before, "4 attempts in all, not 4 attempts times 4 runs");
        assertEquals(1, counters.attempts.get(), "a spent budget is not re-run");
        assertEquals(3, waits.sleeps.size());
    }
}
