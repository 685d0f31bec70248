package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import io.dynamapper.Cached;
import io.dynamapper.DynamapperListener;
import io.dynamapper.HashKey;
import io.dynamapper.Key;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.RetryEvent;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.Table;
import io.dynamapper.Version;
import io.dynamapper.engine.internal.cache.SecondLevelCache;
import io.dynamapper.engine.internal.listener.Listeners;
import io.dynamapper.engine.testing.RecordingClient;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The second-level cache seen through sessions: which reads it answers (counted as requests that
 * were not sent), what refreshes and invalidates it, and that a stale cache costs conflicts but
 * never an update.
 */
class SessionCacheTest extends SessionTestSupport {
    @Cached(expireAfterWrite = 30, unit = ChronoUnit.SECONDS)
    @Table("cached_account")
    static class Wallet {
        @HashKey String id;
        long balance;
        @Version long version;

        Wallet() {
        }

        Wallet(String id, long balance) {
            this.id = id;
            this.balance = balance;
        }
    }

    @Cached(cacheNotFound = true)
    @Table("cached_flag")
    static class Flag {
        @HashKey String id;
        boolean on;
        @Version Long version;

        Flag() {
        }

        Flag(String id, boolean on) {
            this.id = id;
            this.on = on;
        }
    }

    /** A Caffeine ticker the test moves by hand. */
    static final class FakeTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong();

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }
    }

    private final FakeTicker ticker = new FakeTicker();
    private final List<RetryEvent> retries = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void cachedFactory() {
        createTable(Wallet.class);
        createTable(Flag.class);
        sessions = factory(recording);
        putRaw("cached_account", Map.of("id", s("w"), "balance", n(100), "version", n(1)));
    }

    private SessionFactory factory(RecordingClient client) {
        DynamapperListener listener = new DynamapperListener() {
            @Override
            public void onRetry(RetryEvent event) {
                retries.add(event);
            }
        };
        return new DefaultSessionFactory(client.client(), policy, SessionOptions.defaults(),
                SecondLevelCache.create(ticker), Listeners.of(List.of(listener)));
    }

    private int gets() {
        return recording.requests(GetItemRequest.class).size();
    }

    private long balance(SessionFactory factory, SessionOptions options) {
        try (Session s = factory.openSession(options)) {
            return s.get(Wallet.class, "w").balance;
        }
    }

    private static void storeRaw(long balance, long version) {
        putRaw("cached_account", Map.of("id", s("w"), "balance", n(balance), "version", n(version)));
    }

    @Test
    void aCachedItemIsReadOnceAndDecodedByEverySessionIntoItsOwnInstance() {
        Wallet first;
        Wallet second;
        try (Session s = sessions.openSession()) {
            first = s.get(Wallet.class, "w");
        }
        try (Session s = sessions.openSession()) {
            second = s.get(Wallet.class, "w");
            assertSame(second, s.get(Wallet.class, "w"));
            second.balance = 5; // a change in one session is not seen by another
        }
        try (Session s = sessions.openSession()) {
            assertEquals(100, s.get(Wallet.class, "w").balance);
        }
        assertEquals(1, gets());
        assertNotSame(first, second);
        assertEquals(100, first.balance);
    }

    @Test
    void uncachedClassesAreReadEveryTime() {
        putRaw("account", Map.of("id", s("a"), "balance", n(1), "version", n(1)));
        for (int i = 0; i < 2; i++) {
            try (Session s = sessions.openSession()) {
                s.get(TestEntities.Account.class, "a");
            }
        }
        assertEquals(2, gets());
    }

    @Test
    void strongConsistentReadsBypassTheCacheAndRefreshIt() {
        assertEquals(100, balance(sessions, SessionOptions.defaults()));
        storeRaw(200, 2); // another process writes
        assertEquals(100, balance(sessions, SessionOptions.defaults()), "eventually consistent: the cached item");
        assertEquals(200, balance(sessions, SessionOptions.defaults().withConsistentReads(true)));
        assertEquals(2, gets());
        assertTrue(recording.requests(GetItemRequest.class).get(1).consistentRead());
        assertEquals(200, balance(sessions, SessionOptions.defaults()), "refreshed by the consistent read");
        assertEquals(2, gets());
    }

    @Test
    void refreshReadsConsistentlyPastTheCacheAndRefreshesIt() {
        assertEquals(100, balance(sessions, SessionOptions.defaults()));
        storeRaw(200, 2);
        try (Session s = sessions.openSession()) {
            Wallet w = s.get(Wallet.class, "w");
            assertEquals(100, w.balance, "the cached item");
            assertEquals(200, s.refresh(w).balance);
        }
        assertEquals(2, gets());
        assertTrue(recording.requests(GetItemRequest.class).get(1).consistentRead());
        assertEquals(200, balance(sessions, SessionOptions.defaults()));
        assertEquals(2, gets(), "the refresh replaced the entry");
    }

    @Test
    void getAllReadsOnlyTheKeysTheCacheDoesNotHold() {
        storeRawWallet("x", 1);
        storeRawWallet("y", 2);
        balance(sessions, SessionOptions.defaults()); // caches "w"
        try (Session s = sessions.openSession()) {
            List<Wallet> all = s.getAll(Wallet.class, List.of(Key.of("w"), Key.of("x"), Key.of("y"), Key.of("none")));
            assertEquals(List.of("w", "x", "y"), all.stream().map(w -> w.id).toList());
        }
        List<BatchGetItemRequest> batches = recording.requests(BatchGetItemRequest.class);
        assertEquals(1, batches.size());
        assertEquals(3, batches.get(0).requestItems().get("cached_account").keys().size());
        try (Session s = sessions.openSession()) {
            assertEquals(3, s.getAll(Wallet.class, List.of(Key.of("w"), Key.of("x"), Key.of("y"))).size());
        }
        assertEquals(1, recording.requests(BatchGetItemRequest.class).size(), "all three are cached now");
    }

    private static void storeRawWallet(String id, long balance) {
        putRaw("cached_account", Map.of("id", s(id), "balance", n(balance), "version", n(1)));
    }

    @Test
    void queriesAndScansRefreshTheEntriesOfTheItemsTheyReturn() {
        storeRawWallet("x", 1);
        try (Session s = sessions.openSession()) {
            assertEquals(2, s.scan(Wallet.class).list().size());
        }
        storeRawWallet("y", 3);
        try (Session s = sessions.openSession()) {
            assertEquals(1, s.query(Wallet.class).hashKey("y").list().size());
        }
        try (Session s = sessions.openSession()) {
            s.get(Wallet.class, "w");
            s.get(Wallet.class, "x");
            s.get(Wallet.class, "y");
        }
        assertEquals(0, gets());
    }

    @Test
    void aCommitCachesTheItemItPutAndDropsTheItemsItUpdatedOrDeleted() {
        try (Session s = sessions.openSession()) {
            s.save(new Wallet("new", 7));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertEquals(1, s.get(Wallet.class, "new").version, "the put item, version included");
        }
        assertEquals(0, gets());

        try (Session s = sessions.openSession()) {
            s.get(Wallet.class, "new").balance = 8;
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            Wallet w = s.get(Wallet.class, "new");
            assertEquals(8, w.balance);
            assertEquals(2, w.version);
            s.delete(w);
            s.commit();
        }
        assertEquals(1, gets(), "the update dropped the entry");
        try (Session s = sessions.openSession()) {
            assertTrue(s.find(Wallet.class, "new").isEmpty());
        }
        assertEquals(2, gets(), "the delete dropped the entry");
    }

    @Test
    void anEventuallyConsistentReadOlderThanTheCommitDoesNotReplaceIt() {
        try (Session s = sessions.openSession()) {
            s.get(Wallet.class, "w").balance = 150; // v2
            s.commit();
        }
        // a read that overtook the commit (or lagged behind it) returns version 1; it must not win
        SecondLevelCache cache = ((DefaultSessionFactory) sessions).cache();
        cache.read(io.dynamapper.engine.internal.mapping.EntityModel.of(Wallet.class),
                Map.of("id", s("w"), "balance", n(100), "version", n(1)));
        assertEquals(150, balance(sessions, SessionOptions.defaults()));
        assertEquals(2, gets(), "the placeholder of version 2 made it a miss");
        assertEquals(150, balance(sessions, SessionOptions.defaults()));
        assertEquals(2, gets(), "version 2, read once, is cached");
    }

    @Test
    void aConflictOnAStaleEntryInvalidatesItAndTheReRunSucceeds() {
        assertEquals(100, balance(sessions, SessionOptions.defaults()));
        storeRaw(200, 2); // another process
        sessions.useTransaction(s -> s.get(Wallet.class, "w").balance += 10);
        assertEquals(210, balance(sessions, SessionOptions.defaults().withConsistentReads(true)));
        assertEquals(2, recording.requests(UpdateItemRequest.class).size(), "one conflict, one success");
        assertEquals(List.of(RetryEvent.Reason.OPTIMISTIC_LOCK), retries.stream().map(RetryEvent::reason).toList());
    }

    @Test
    void aConflictOutsideInTransactionAlsoDropsTheEntry() {
        assertEquals(100, balance(sessions, SessionOptions.defaults()));
        storeRaw(200, 2);
        try (Session s = sessions.openSession()) {
            s.get(Wallet.class, "w").balance = 1;
            assertThrows(OptimisticLockException.class, s::commit);
        }
        assertEquals(200, balance(sessions, SessionOptions.defaults()));
    }

    @Test
    void twoFactoriesWithAStaleReaderNeverLoseAnUpdate() {
        RecordingClient other = RecordingClient.wrap(LOCAL);
        SessionFactory writer = sessions;
        SessionFactory staleReader = factory(other);
        int increments = 0;
        for (int round = 0; round < 5; round++) {
            balance(staleReader, SessionOptions.defaults()); // caches what is stored now
            writer.useTransaction(s -> s.get(Wallet.class, "w").balance += 1);
            staleReader.useTransaction(s -> s.get(Wallet.class, "w").balance += 1); // reads its stale entry first
            increments += 2;
        }
        assertEquals(100 + increments, balance(writer, SessionOptions.defaults().withConsistentReads(true)));
        long conflicts = retries.stream().filter(r -> r.reason() == RetryEvent.Reason.OPTIMISTIC_LOCK).count();
        assertEquals(5, conflicts, "the stale reader conflicted once a round, and re-ran: " + retries);
    }

    @Test
    void entriesExpireAfterTheirClassesDuration() {
        assertEquals(100, balance(sessions, SessionOptions.defaults()));
        storeRaw(200, 2);
        ticker.advance(Duration.ofSeconds(29));
        assertEquals(100, balance(sessions, SessionOptions.defaults()), "29 s: still cached");
        ticker.advance(Duration.ofSeconds(2));
        assertEquals(200, balance(sessions, SessionOptions.defaults()), "31 s: expired, read again");
        assertEquals(2, gets());
    }

    @Test
    void readingAnEntryDoesNotExtendItsLife() {
        assertEquals(100, balance(sessions, SessionOptions.defaults()));
        storeRaw(200, 2);
        for (int i = 0; i < 6; i++) {
            ticker.advance(Duration.ofSeconds(5));
            balance(sessions, SessionOptions.defaults());
        }
        assertEquals(200, balance(sessions, SessionOptions.defaults()));
    }

    @Test
    void notFoundIsCachedOnlyWhenTheClassAsks() {
        for (int i = 0; i < 2; i++) {
            try (Session s = sessions.openSession()) {
                assertTrue(s.find(Wallet.class, "none").isEmpty());
                assertTrue(s.find(Flag.class, "none").isEmpty());
            }
        }
        assertEquals(3, gets(), "Wallet twice, Flag once");
        try (Session s = sessions.openSession()) {
            s.save(new Flag("none", true));
            s.commit();
        }
        try (Session s = sessions.openSession()) {
            assertTrue(s.get(Flag.class, "none").on, "the put replaced the not-found entry");
        }
        assertEquals(3, gets());
    }

    @Test
    void theDisabledCacheCachesNothing() {
        SessionFactory plain = new DefaultSessionFactory(recording.client(), policy, SessionOptions.defaults(),
                SecondLevelCache.disabled(), Listeners.none());
        balance(plain, SessionOptions.defaults());
        balance(plain, SessionOptions.defaults());
        assertEquals(2, gets());
    }
}
