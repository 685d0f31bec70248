package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.OptimisticLockException;
import io.dynamapper.RetryPolicy;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.Sleeper;
import io.dynamapper.engine.internal.session.TestEntities.Account;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

class InTransactionTest extends SessionTestSupport {

    private void storeAccount(String id, long balance) {
        putRaw("account", Map.of("id", s(id), "balance", n(balance), "version", n(1)));
    }

    private long balance(String id) {
        return Long.parseLong(getRaw("account", Map.of("id", s(id))).get("balance").n());
    }

    @Test
    void runsCommitsAndReturnsTheResult() {
        storeAccount("alice", 10);
        long result = sessions.inTransaction(s -> {
            Account a = s.get(Account.class, "alice");
            a.balance += 5;
            return a.balance;
        });
        assertEquals(15, result);
        assertEquals(15, balance("alice"));
    }

    @Test
    void reRunsTheWholeWorkInAFreshSessionAfterAConflict() {
        storeAccount("alice", 10);
        AtomicInteger runs = new AtomicInteger();
        List<Session> seen = new ArrayList<>();
        long result = sessions.inTransaction(s -> {
            seen.add(s);
            Account a = s.get(Account.class, "alice");
            if (runs.incrementAndGet() == 1) {
                // someone else changes the item between our read and our commit
                try (Session other = sessions.openSession()) {
                    other.get(Account.class, "alice").balance += 100;
                    other.commit();
                }
            }
            a.balance += 5;
            return a.balance;
        });
        assertEquals(2, runs.get());
        assertEquals(115, result);
        assertEquals(115, balance("alice"));
        assertEquals(1, sleeps.size());
        assertTrue(seen.get(0) != seen.get(1), "a fresh session per attempt");
        assertThrows(IllegalStateException.class, () -> seen.get(0).find(Account.class, "alice"),
                "every attempt's session is closed");
    }

    @Test
    void otherFailuresOfTheWorkPropagateAtOnceAndNothingIsCommitted() {
        storeAccount("alice", 10);
        AtomicInteger runs = new AtomicInteger();
        Session[] used = new Session[1];
        IOException e = assertThrows(IOException.class, () -> sessions.inTransaction(s -> {
            used[0] = s;
            runs.incrementAndGet();
            s.get(Account.class, "alice").balance = 0;
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(1, runs.get());
        assertEquals(10, balance("alice"));
        assertEquals(0, sleeps.size());
        assertThrows(IllegalStateException.class, used[0]::isDirty);
    }

    @Test
    void conflictsOnEveryAttemptEndWithTheLastOneAndTheEarlierOnesSuppressed() {
        storeAccount("alice", 10);
        AtomicInteger runs = new AtomicInteger();
        OptimisticLockException e = assertThrows(OptimisticLockException.class, () -> sessions.useTransaction(s -> {
            runs.incrementAndGet();
            Account a = s.get(Account.class, "alice");
            try (Session other = sessions.openSession()) {
                other.get(Account.class, "alice").balance += 1;
                other.commit();
            }
            a.balance = 0;
        }));
        assertEquals(policy.maxAttempts(), runs.get());
        assertEquals(policy.maxAttempts() - 1, e.getSuppressed().length);
        for (Throwable earlier : e.getSuppressed()) {
            assertSame(OptimisticLockException.class, earlier.getClass());
        }
        assertEquals(policy.maxAttempts() - 1, sleeps.size());
        assertEquals(10 + policy.maxAttempts(), balance("alice"));
    }

    @Test
    void useTransactionRunsWorkWithoutAResult() {
        sessions.useTransaction(s -> s.save(new Account("bob", 3)));
        assertEquals(3, balance("bob"));
    }

    @Test
    void twoThreadsIncrementingTwoHotItemsLoseNoUpdate() throws Exception {
        storeAccount("hot1", 0);
        storeAccount("hot2", 0);
        RetryPolicy patient = new RetryPolicy(200, Duration.ofMillis(1), Duration.ofMillis(8), Sleeper.SYSTEM);
        SessionFactory factory = new DefaultSessionFactory(LOCAL, patient, SessionOptions.defaults());
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        factory.useTransaction(s -> {
                            s.get(Account.class, "hot1").balance++;
                            s.get(Account.class, "hot2").balance += 2;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2 * perThread, balance("hot1"));
        assertEquals(4 * perThread, balance("hot2"));
        assertEquals(n(2 * perThread + 1), getRaw("account", Map.of("id", s("hot1"))).get("version"));
        // the threads' factory writes to the same fake: each of the 400 units committed one transaction
        // (conflicts add more), so the log shows the increments were transactional writes
        assertTrue(recording.requests(TransactWriteItemsRequest.class).size() >= 2 * perThread,
                () -> recording.requests(TransactWriteItemsRequest.class).size() + " transactions");
    }
}
