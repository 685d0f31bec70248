package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Cached;
import io.dynamapper.CommitEvent;
import io.dynamapper.CommitOutcomeUnknownException;
import io.dynamapper.DynamapperListener;
import io.dynamapper.HashKey;
import io.dynamapper.Key;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.ReadEvent;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.RetryEvent;
import io.dynamapper.Session;
import io.dynamapper.SessionOptions;
import io.dynamapper.Table;
import io.dynamapper.TransactionTooLargeException;
import io.dynamapper.Version;
import io.dynamapper.engine.internal.cache.SecondLevelCache;
import io.dynamapper.engine.internal.listener.Listeners;
import io.dynamapper.engine.internal.session.TestEntities.Account;
import io.dynamapper.engine.testing.RecordingClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** What the factory's listeners are told about commits, reads and retries. */
class SessionListenerTest extends SessionTestSupport {
    @Cached
    @Table("cached_listened")
    static class Gauge {
        @HashKey String id;
        long level;
        @Version long version;
    }

    private final List<Object> events = Collections.synchronizedList(new ArrayList<>());
    private FaultyClient faulty;

    private final DynamapperListener recorder = new DynamapperListener() {
        @Override
        public void onCommit(CommitEvent event) {
            events.add(event);
        }

        @Override
        public void onRead(ReadEvent event) {
            events.add(event);
        }

        @Override
        public void onRetry(RetryEvent event) {
            events.add(event);
        }
    };

    @BeforeEach
    void listenedFactory() {
        createTable(Gauge.class);
        faulty = FaultyClient.wrap(LOCAL);
        recording = RecordingClient.wrap(faulty.client());
        sessions = new DefaultSessionFactory(recording.client(), policy, SessionOptions.defaults(),
                SecondLevelCache.create(System::nanoTime), Listeners.of(List.of(recorder)));
        putRaw("account", Map.of("id", s("a"), "balance", n(1), "version", n(1)));
        putRaw("account", Map.of("id", s("b"), "balance", n(1), "version", n(1)));
        putRaw("cached_listened", Map.of("id", s("g"), "level", n(1), "version", n(1)));
    }

    private <E> List<E> events(Class<E> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private static Supplier<RuntimeException> throttled() {
        return () -> ProvisionedThroughputExceededException.builder().message("slow down").statusCode(400).build();
    }

    private void changeBoth(Session s) {
        s.get(Account.class, "a").balance += 10;
        s.get(Account.class, "b").balance += 10;
    }

    @Test
    void aCommitReportsItsWritesTablesAttemptsAndDuration() {
        faulty.fail("transactWriteItems", 1, throttled());
        try (Session s = sessions.openSession()) {
            changeBoth(s);
            s.get(Gauge.class, "g").level = 2;
            s.commit();
            s.commit(); // nothing to write: no event
        }
        CommitEvent commit = events(CommitEvent.class).get(0);
        assertEquals(1, events(CommitEvent.class).size());
        assertEquals(CommitEvent.Outcome.COMMITTED, commit.outcome());
        assertEquals(Set.of("account", "cached_listened"), commit.tables());
        assertEquals(3, commit.writes());
        assertEquals(2, commit.attempts());
        assertFalse(commit.duration().isNegative());
        assertEquals(List.of(new RetryEvent(RetryEvent.Operation.COMMIT, RetryEvent.Reason.THROTTLED, 1,
                Optional.empty())), events(RetryEvent.class));
    }

    @Test
    void aConflictIsReported() {
        try (Session s = sessions.openSession()) {
            s.get(Account.class, "a").balance = 5;
            putRaw("account", Map.of("id", s("a"), "balance", n(9), "version", n(2)));
            assertThrows(OptimisticLockException.class, s::commit);
        }
        CommitEvent commit = events(CommitEvent.class).get(0);
        assertEquals(CommitEvent.Outcome.CONFLICT, commit.outcome());
        assertEquals(Set.of("account"), commit.tables());
        assertEquals(1, commit.attempts());
    }

    @Test
    void exhaustedRetriesAreReportedWithEveryRetry() {
        faulty.fail("updateItem", policy.maxAttempts(), throttled());
        try (Session s = sessions.openSession()) {
            s.get(Account.class, "a").balance = 5;
            assertThrows(RetriesExhaustedException.class, s::commit);
        }
        CommitEvent commit = events(CommitEvent.class).get(0);
        assertEquals(CommitEvent.Outcome.RETRIES_EXHAUSTED, commit.outcome());
        assertEquals(policy.maxAttempts(), commit.attempts());
        List<RetryEvent> retries = events(RetryEvent.class);
        assertEquals(policy.maxAttempts() - 1, retries.size());
        assertEquals(List.of(1, 2, 3, 4), retries.stream().map(RetryEvent::attempt).toList());
        assertTrue(retries.stream().allMatch(r -> r.table().equals(Optional.of("account"))
                && r.reason() == RetryEvent.Reason.THROTTLED && r.operation() == RetryEvent.Operation.COMMIT), retries.toString());
    }

    @Test
    void anUnknownOutcomeIsReportedAndDropsTheCachedEntries() {
        faulty.applyThenFail("transactWriteItems", () -> SdkClientException.create("Connection reset"));
        faulty.fail("transactWriteItems", policy.maxAttempts() - 1, () -> SdkClientException.create("Connection reset"));
        try (Session s = sessions.openSession()) {
            changeBoth(s);
            s.get(Gauge.class, "g").level = 7;
            assertThrows(CommitOutcomeUnknownException.class, s::commit);
        }
        CommitEvent commit = events(CommitEvent.class).get(0);
        assertEquals(CommitEvent.Outcome.OUTCOME_UNKNOWN, commit.outcome());
        assertEquals(policy.maxAttempts(), commit.attempts());
        assertTrue(events(RetryEvent.class).stream().allMatch(r -> r.reason() == RetryEvent.Reason.SERVER_OR_NETWORK));
        try (Session s = sessions.openSession()) {
            assertEquals(7, s.get(Gauge.class, "g").level, "the entry was dropped: the applied write is read");
        }
    }

    @Test
    void aCommitRefusedBeforeSendingIsRejectedAfterNoAttempt() {
        try (Session s = sessions.openSession()) {
            for (int i = 0; i < 101; i++) {
                s.save(new Account("n" + i, i));
            }
            assertThrows(TransactionTooLargeException.class, s::commit);
        }
        CommitEvent commit = events(CommitEvent.class).get(0);
        assertEquals(CommitEvent.Outcome.REJECTED, commit.outcome());
        assertEquals(0, commit.attempts());
        assertEquals(101, commit.writes());
    }

    @Test
    void readsReportTheirOperationItemsAndWhatTheCacheDid() {
        try (Session s = sessions.openSession()) {
            s.get(Account.class, "a");
            s.get(Gauge.class, "g");
        }
        try (Session s = sessions.openSession()) {
            s.get(Gauge.class, "g");
            s.getAll(Account.class, List.of(Key.of("a"), Key.of("b"), Key.of("c")));
            s.query(Account.class).hashKey("a").list();
            s.scan(Account.class).list();
        }
        List<String> reads = events(ReadEvent.class).stream()
                .map(r -> r.operation() + " " + r.table() + " " + r.items() + " " + r.cache()).toList();
        assertEquals(List.of("GET account 1 NONE", "GET cached_listened 1 MISS", "GET cached_listened 1 HIT",
                "BATCH_GET account 2 NONE", "QUERY account 1 NONE", "SCAN account 2 NONE"), reads);
        assertTrue(events(ReadEvent.class).stream().allMatch(r -> !r.duration().isNegative()));
    }

    @Test
    void readRetriesAreReported() {
        faulty.fail("getItem", 2, throttled());
        try (Session s = sessions.openSession()) {
            s.get(Account.class, "a");
        }
        assertEquals(List.of(1, 2), events(RetryEvent.class).stream().map(RetryEvent::attempt).toList());
        assertTrue(events(RetryEvent.class).stream().allMatch(r -> r.operation() == RetryEvent.Operation.READ
                && r.reason() == RetryEvent.Reason.THROTTLED && r.table().equals(Optional.of("account"))));
        assertEquals(1, events(ReadEvent.class).stream().filter(r -> r.operation() == ReadEvent.Operation.GET).count(),
                "one event for the read, its retries included");
    }

    @Test
    void aReRunOfAUnitOfWorkIsReported() {
        int[] runs = {0};
        sessions.useTransaction(s -> {
            s.get(Account.class, "a").balance += 1;
            if (runs[0]++ == 0) {
                putRaw("account", Map.of("id", s("a"), "balance", n(9), "version", n(2)));
            }
        });
        assertEquals(List.of(new RetryEvent(RetryEvent.Operation.UNIT_OF_WORK, RetryEvent.Reason.OPTIMISTIC_LOCK, 1,
                Optional.empty())), events(RetryEvent.class));
        assertEquals(List.of(CommitEvent.Outcome.CONFLICT, CommitEvent.Outcome.COMMITTED),
                events(CommitEvent.class).stream().map(CommitEvent::outcome).toList());
    }

    @Test
    void aListenerThatThrowsBreaksNothingAndTheNextOneIsStillCalled() {
        DynamapperListener broken = new DynamapperListener() {
            @Override
            public void onCommit(CommitEvent event) {
                throw new IllegalStateException("broken listener");
            }

            @Override
            public void onRead(ReadEvent event) {
                throw new IllegalStateException("broken listener");
            }
        };
        sessions = new DefaultSessionFactory(recording.client(), policy, SessionOptions.defaults(),
                SecondLevelCache.disabled(), Listeners.of(List.of(broken, recorder)));
        try (Session s = sessions.openSession()) {
            s.get(Account.class, "a").balance = 3;
            s.commit();
        }
        assertEquals(n(3), getRaw("account", Map.of("id", s("a"))).get("balance"));
        assertEquals(1, events(CommitEvent.class).size());
        assertEquals(1, events(ReadEvent.class).size());
    }
}
