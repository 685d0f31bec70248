package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Isolation;
import io.dynamapper.Key;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.OptimisticLockException.Conflict;
import io.dynamapper.Session;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.session.TestEntities.Account;
import io.dynamapper.engine.internal.session.TestEntities.Counter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class SessionConflictTest extends SessionTestSupport {

    private void storeAccount(String id, long balance, long version) {
        putRaw("account", Map.of("id", s(id), "balance", n(balance), "version", n(version)));
    }

    @Test
    void versionConflictOnUpdateNamesEntityKeyAndBothVersions() {
        storeAccount("alice", 10, 1);
        try (Session mine = sessions.openSession(); Session theirs = sessions.openSession()) {
            Account a = mine.get(Account.class, "alice");
            Account b = theirs.get(Account.class, "alice");
            b.balance = 20;
            theirs.commit();
            a.balance = 30;
            OptimisticLockException e = assertThrows(OptimisticLockException.class, mine::commit);
            assertEquals(List.of(new Conflict(Account.class, Key.of("alice"), "expected version 1", Optional.of(1L),
                    Optional.of(2L), Optional.of(true))), e.conflicts());
            assertTrue(e.getCause() instanceof ConditionalCheckFailedException);
            assertTrue(e.getMessage().contains("Account ('alice') (expected version 1, found version 2)"), e.getMessage());
        }
        assertEquals(n(20), getRaw("account", Map.of("id", s("alice"))).get("balance"));
    }

    @Test
    void versionConflictOnDelete() {
        storeAccount("alice", 10, 1);
        try (Session mine = sessions.openSession(); Session theirs = sessions.openSession()) {
            Account a = mine.get(Account.class, "alice");
            theirs.get(Account.class, "alice").balance = 20;
            theirs.commit();
            mine.delete(a);
            OptimisticLockException e = assertThrows(OptimisticLockException.class, mine::commit);
            assertEquals(Optional.of(2L), e.conflicts().get(0).actualVersion());
        }
        assertNotNull(getRaw("account", Map.of("id", s("alice"))));
    }

    @Test
    void deleteOfAnItemDeletedMeanwhileIsAConflictSayingTheItemIsGone() {
        storeAccount("alice", 10, 1);
        try (Session mine = sessions.openSession(); Session theirs = sessions.openSession()) {
            Account a = mine.get(Account.class, "alice");
            theirs.delete(theirs.get(Account.class, "alice"));
            theirs.commit();
            a.balance = 1;
            OptimisticLockException e = assertThrows(OptimisticLockException.class, mine::commit);
            assertEquals(Optional.of(false), e.conflicts().get(0).itemExists());
            assertEquals(Optional.empty(), e.conflicts().get(0).actualVersion());
        }
    }

    @Test
    void insertConflictWhenTwoSessionsSaveTheSameNewKey() {
        try (Session one = sessions.openSession(); Session two = sessions.openSession()) {
            one.save(new Account("bob", 1));
            two.save(new Account("bob", 2));
            one.commit();
            OptimisticLockException e = assertThrows(OptimisticLockException.class, two::commit);
            Conflict c = e.conflicts().get(0);
            assertEquals("expected no item", c.reason());
            assertEquals(Optional.empty(), c.expectedVersion());
            assertEquals(Optional.of(1L), c.actualVersion());
            assertEquals(Optional.of(true), c.itemExists());
        }
        assertEquals(n(1), getRaw("account", Map.of("id", s("bob"))).get("balance"));
    }

    @Test
    void transactionConflictsAreMappedToTheirEntitiesByPosition() {
        storeAccount("a", 1, 1);
        storeAccount("b", 1, 1);
        storeAccount("c", 1, 1);
        try (Session mine = sessions.openSession(); Session theirs = sessions.openSession()) {
            for (String id : List.of("a", "b", "c")) {
                mine.get(Account.class, id).balance = 5;
            }
            theirs.get(Account.class, "b").balance = 9;
            theirs.commit();
            OptimisticLockException e = assertThrows(OptimisticLockException.class, mine::commit);
            assertTrue(e.getCause() instanceof TransactionCanceledException);
            assertEquals(1, e.conflicts().size());
            assertEquals(Key.of("b"), e.conflicts().get(0).key());
            assertEquals(Optional.of(2L), e.conflicts().get(0).actualVersion());
        }
        assertEquals(n(1), getRaw("account", Map.of("id", s("a"))).get("balance"), "nothing was written");
    }

    @Test
    void afterAFailedCommitTheSessionIsUnchangedAndCanBeFixedAndCommitted() {
        storeAccount("a", 1, 1);
        storeAccount("b", 1, 1);
        putRaw("counter", Map.of("id", s("c"), "count", n(1), "version", n(1)));
        try (Session mine = sessions.openSession(); Session theirs = sessions.openSession()) {
            Account a = mine.get(Account.class, "a");
            Account b = mine.get(Account.class, "b");
            a.balance = 100;
            b.balance = 200;
            Counter c = mine.get(Counter.class, "c");
            mine.save(c.withCount(2));
            Account fresh = new Account("new", 7);
            mine.save(fresh);
            theirs.get(Account.class, "b").balance = 9;
            theirs.commit();

            assertThrows(OptimisticLockException.class, mine::commit);
            assertEquals(1, a.version);
            assertEquals(1, b.version);
            assertEquals(0, fresh.version);
            assertEquals(new Counter("c", 2, null, 1), mine.get(Counter.class, "c"));
            assertTrue(mine.isDirty());
            assertThrows(OptimisticLockException.class, mine::commit, "the same pending changes fail the same way");

            // fix: give up the change to the conflicting entity and commit the rest
            b.balance = 1;
            mine.commit();
            assertEquals(2, a.version);
            assertEquals(1, fresh.version);
            assertEquals(2, mine.get(Counter.class, "c").version());
        }
        assertEquals(n(100), getRaw("account", Map.of("id", s("a"))).get("balance"));
        assertEquals(n(9), getRaw("account", Map.of("id", s("b"))).get("balance"));
        assertEquals(n(7), getRaw("account", Map.of("id", s("new"))).get("balance"));
    }

    @Test
    void serializableChecksEveryVersionedEntityReadButNotWritten() {
        storeAccount("a", 1, 1);
        storeAccount("b", 1, 1);
        try (Session mine = sessions.openSession(SessionOptions.defaults().withIsolation(Isolation.SERIALIZABLE));
             Session theirs = sessions.openSession()) {
            Account a = mine.get(Account.class, "a");
            Account b = mine.get(Account.class, "b");
            a.balance = a.balance + b.balance;
            theirs.get(Account.class, "b").balance = 50;
            theirs.commit();
            recording.clearRequests();
            OptimisticLockException e = assertThrows(OptimisticLockException.class, mine::commit);
            TransactWriteItemsRequest tx = recording.requests(TransactWriteItemsRequest.class).get(0);
            assertEquals(2, tx.transactItems().size(), "one update and one read check: a transaction");
            assertNotNull(tx.transactItems().get(1).conditionCheck());
            assertEquals(Key.of("b"), e.conflicts().get(0).key());
            assertTrue(e.conflicts().get(0).reason().contains("read"), e.conflicts().get(0).reason());
        }
        assertEquals(n(1), getRaw("account", Map.of("id", s("a"))).get("balance"));
    }

    @Test
    void serializableSucceedsWhenNothingReadChanged() {
        storeAccount("a", 1, 1);
        storeAccount("b", 1, 1);
        try (Session mine = sessions.openSession(SessionOptions.defaults().withIsolation(Isolation.SERIALIZABLE))) {
            Account a = mine.get(Account.class, "a");
            mine.get(Account.class, "b");
            a.balance = 2;
            mine.commit();
            assertEquals(1, recording.requests(TransactWriteItemsRequest.class).size());
            assertEquals(0, recording.requests(UpdateItemRequest.class).size());
            assertEquals(2, a.version);
            assertEquals(1, mine.get(Account.class, "b").version, "a read check bumps nothing");
            recording.clearRequests();
            mine.commit();
            assertEquals(List.of(), recording.requests(), "only reads: nothing to send");
        }
    }

    @Test
    void readCommittedDoesNotCheckReads() {
        storeAccount("a", 1, 1);
        storeAccount("b", 1, 1);
        try (Session mine = sessions.openSession()) {
            mine.get(Account.class, "a").balance = 2;
            mine.get(Account.class, "b");
            mine.commit();
            assertEquals(1, recording.requests(UpdateItemRequest.class).size());
            assertEquals(0, recording.requests(TransactWriteItemsRequest.class).size());
        }
    }

    @Test
    void aDetachedCopyWithAStaleVersionConflicts() {
        storeAccount("a", 1, 3);
        Account stale = new Account("a", 99);
        stale.version = 2;
        try (Session s = sessions.openSession()) {
            s.save(stale);
            OptimisticLockException e = assertThrows(OptimisticLockException.class, s::commit);
            assertEquals(Optional.of(2L), e.conflicts().get(0).expectedVersion());
            assertEquals(Optional.of(3L), e.conflicts().get(0).actualVersion());
            assertEquals(2, stale.version);
            assertSame(stale, s.get(Account.class, "a"));
        }
        assertEquals(n(1), getRaw("account", Map.of("id", s("a"))).get("balance"));
    }
}
