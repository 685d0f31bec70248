package io.dynamapper.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.OutOfScopeException;
import com.google.inject.Singleton;
import io.dynamapper.RetryPolicy;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.guice.TestBackend.RecordingSleeper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnitOfWorkTest {
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final String id = "u-" + UUID.randomUUID();
    private Injector injector;
    private ThreadUnitOfWork unit;

    private void start(UnaryOperator<SessionFactory> decorator) {
        RetryPolicy policy = TestBackend.policy(3, sleeper);
        injector = Guice.createInjector(TestBackend.module(SharedDb.client(), policy, decorator).build());
        unit = (ThreadUnitOfWork) injector.getInstance(UnitOfWork.class);
    }

    private void start() {
        start(UnaryOperator.identity());
    }

    @AfterEach
    void noThreadStateLeft() {
        if (unit != null) {
            assertFalse(unit.isActive(), "a unit of work was left active");
            assertFalse(unit.isTransactionActive(), "a transaction was left active");
        }
    }

    @Singleton
    static class SingletonRepository {
        final Session session;

        @Inject
        SingletonRepository(Session session) {
            this.session = session;
        }

        Counter load(String id) {
            return session.find(Counter.class, id).orElseGet(() -> {
                Counter c = new Counter(id, 0);
                session.save(c);
                return c;
            });
        }
    }

    static class Service {
        final SingletonRepository repository;
        final UnitOfWork unitOfWork;
        final AtomicInteger runs = new AtomicInteger();
        volatile boolean interfere;
        final SessionFactory sessions;

        @Inject
        Service(SingletonRepository repository, UnitOfWork unitOfWork, SessionFactory sessions) {
            this.repository = repository;
            this.unitOfWork = unitOfWork;
            this.sessions = sessions;
        }

        @Transactional
        Counter increment(String id) {
            runs.incrementAndGet();
            Counter c = repository.load(id);
            c.value++;
            if (interfere) {
                interfere = false;
                CompletableFuture.runAsync(() -> {
                    try (Session other = sessions.openSession()) {
                        other.get(Counter.class, id).value += 100;
                        other.commit();
                    }
                }).join();
            }
            return c;
        }

        @Transactional
        void endInside() {
            unitOfWork.end();
        }

        @Transactional
        void beginInside() {
            unitOfWork.begin();
        }
    }

    @Test
    void beginAndEndScopeOneSessionToTheThread() {
        start();
        assertFalse(unit.isActive());
        unit.begin();
        assertTrue(unit.isActive());
        SingletonRepository repository = injector.getInstance(SingletonRepository.class);
        Counter first = repository.load(id);
        assertSame(first, repository.load(id), "one session, one identity map, for the whole unit");
        assertFalse(CompletableFuture.supplyAsync(unit::isActive).join(), "a unit belongs to its thread");
        unit.end();
        assertFalse(unit.isActive());

        unit.begin();
        assertNotSame(first, repository.load(id), "a new unit has a new session");
        unit.end();
    }

    @Test
    void nestedBeginIsAClearError() {
        start();
        unit.begin();
        IllegalStateException e = assertThrows(IllegalStateException.class, unit::begin);
        assertTrue(e.getMessage().contains("already active on this thread") || e.getMessage().contains("already active on thread"),
                e.getMessage());
        assertTrue(e.getMessage().contains("end() it first"), e.getMessage());
        assertTrue(unit.isActive());
        unit.end();
    }

    @Test
    void endWithoutBeginDoesNothing() {
        start();
        unit.end();
        unit.end();
        assertFalse(unit.isActive());
    }

    @Test
    void runBeginsAndEnds() {
        start();
        SingletonRepository repository = injector.getInstance(SingletonRepository.class);
        AtomicInteger ran = new AtomicInteger();
        unit.run(() -> {
            assertTrue(unit.isActive());
            repository.load(id);
            ran.incrementAndGet();
        });
        assertEquals(1, ran.get());
        assertFalse(unit.isActive());
    }

    @Test
    void runEndsTheUnitWhenTheWorkFails() {
        start();
        IllegalStateException failure = new IllegalStateException("work failed");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> unit.run(() -> {
            throw failure;
        })));
        assertFalse(unit.isActive());
    }

    @Test
    void callReturnsTheResultAndPropagatesCheckedExceptions() throws Exception {
        start();
        assertEquals("done", unit.call(() -> "done"));
        assertThrows(IOException.class, () -> unit.call(() -> {
            throw new IOException("checked");
        }));
        assertFalse(unit.isActive());
    }

    @Test
    void uncommittedChangesAreDiscardedAtEnd() {
        start();
        SingletonRepository repository = injector.getInstance(SingletonRepository.class);
        unit.run(() -> repository.load(id).value = 42);
        assertEquals(-1, SharedDb.storedValue(id));
    }

    @Test
    void sessionCommitInsideAUnitWrites() {
        start();
        SingletonRepository repository = injector.getInstance(SingletonRepository.class);
        unit.run(() -> {
            repository.load(id).value = 7;
            repository.session.commit();
        });
        assertEquals(7, SharedDb.storedValue(id));
    }

    @Test
    void theInjectedSessionOutsideAUnitOfWorkSaysHowToOpenOne() {
        start();
        SingletonRepository repository = injector.getInstance(SingletonRepository.class);
        OutOfScopeException e = assertThrows(OutOfScopeException.class, () -> repository.load(id));
        assertTrue(e.getMessage().contains("call it from a @Transactional method or inside unitOfWork.run(...)"),
                e.getMessage());
    }

    @Test
    void theInjectedSessionCannotBeClosed() {
        start();
        Session session = injector.getInstance(Session.class);
        unit.run(() -> {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, session::close);
            assertTrue(e.getMessage().contains("closed when the unit of work ends"), e.getMessage());
        });
    }

    @Test
    void endClearsTheThreadStateEvenWhenCloseFails() {
        IllegalStateException closeFailure = new IllegalStateException("close failed");
        start(f -> TestBackend.closeFails(f, closeFailure));
        SingletonRepository repository = injector.getInstance(SingletonRepository.class);
        unit.begin();
        repository.load(id);
        assertSame(closeFailure, assertThrows(IllegalStateException.class, unit::end));
        assertFalse(unit.isActive());
        unit.begin();   // usable again
        unit.end();     // no session opened: nothing to close
    }

    @Test
    void aCloseFailureAfterAFailedWorkIsSuppressedNotThrown() {
        IllegalStateException closeFailure = new IllegalStateException("close failed");
        start(f -> TestBackend.closeFails(f, closeFailure));
        SingletonRepository repository = injector.getInstance(SingletonRepository.class);
        IllegalArgumentException workFailure = new IllegalArgumentException("work failed");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> unit.run(() -> {
            repository.load(id);
            throw workFailure;
        }));
        assertSame(workFailure, thrown);
        assertSame(closeFailure, thrown.getSuppressed()[0]);
        assertFalse(unit.isActive());
    }

    @Test
    void aTransactionalMethodEndsItsOwnUnitEvenWhenCloseFails() {
        IllegalStateException closeFailure = new IllegalStateException("close failed");
        start(f -> TestBackend.closeFails(f, closeFailure));
        Service service = injector.getInstance(Service.class);
        assertSame(closeFailure, assertThrows(IllegalStateException.class, () -> service.increment(id)));
        assertEquals(1, SharedDb.storedValue(id), "committed before the close failed");
    }

    @Test
    void aTransactionalMethodUsesTheUnitBegunByAFilterAndLeavesItActive() {
        start();
        Service service = injector.getInstance(Service.class);
        unit.run(() -> {
            Counter inUnit = service.repository.load(id);
            Counter returned = service.increment(id);
            assertSame(inUnit, returned, "the method ran in the unit's session");
            assertTrue(unit.isActive());
            assertFalse(unit.isTransactionActive());
            assertEquals(1, SharedDb.storedValue(id), "committed when the method returned");
        });
    }

    @Test
    void aRetryInAUnitBegunByAFilterRunsInAFreshSessionOfThatUnit() {
        start();
        Service service = injector.getInstance(Service.class);
        service.increment(id);
        service.runs.set(0);
        unit.run(() -> {
            Counter before = service.repository.load(id);
            service.interfere = true;
            Counter after = service.increment(id);
            assertEquals(2, service.runs.get());
            assertNotSame(before, after, "the retry ran in a new session");
            assertSame(after, service.repository.load(id), "the unit goes on with the new session");
            assertEquals(102, after.value);
        });
        assertEquals(102, SharedDb.storedValue(id));
    }

    @Test
    void endInsideATransactionalMethodIsAnErrorAndChangesNothing() {
        start();
        Service service = injector.getInstance(Service.class);
        IllegalStateException e = assertThrows(IllegalStateException.class, service::endInside);
        assertTrue(e.getMessage().contains("endInside"), e.getMessage());
    }

    @Test
    void beginInsideATransactionalMethodIsAnError() {
        start();
        Service service = injector.getInstance(Service.class);
        assertThrows(IllegalStateException.class, service::beginInside);
    }
}
