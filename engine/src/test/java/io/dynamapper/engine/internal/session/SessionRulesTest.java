package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.DynamapperException;
import io.dynamapper.HashKey;
import io.dynamapper.IndexHashKey;
import io.dynamapper.ItemNotFoundException;
import io.dynamapper.MappingException;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.RangeKey;
import io.dynamapper.Session;
import io.dynamapper.Table;
import io.dynamapper.Version;
import io.dynamapper.engine.internal.mapping.EntityModel;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The correctness rules of a session: unversioned writes are guarded, versions never overflow,
 * stale record copies are rejected, bad values are caught before sending, and the smaller API
 * (delete by key, refresh, detach, clear, current).
 */
class SessionRulesTest extends SessionTestSupport {

    /** No version: guarded by the item existing and the old values. */
    @Table("tally")
    static class Tally {
        @HashKey String id;
        long count;
        String label;
    }

    /** Opted out: last writer wins. */
    @Table(value = "lww_cache", optimisticLocking = false)
    static class CacheEntry {
        @HashKey String id;
        String value;
    }

    @Table(value = "bad_opt_out", optimisticLocking = false)
    static class VersionedOptOut {
        @HashKey String id;
        @Version Long version;
    }

    @Table("int_versioned")
    static class IntVersioned {
        @HashKey String id;
        String name;
        @Version int version;
    }

    @Table("long_versioned")
    static class LongVersioned {
        @HashKey String id;
        String name;
        @Version long version;
    }

    @Table("short_versioned")
    static class ShortVersioned {
        @HashKey String id;
        String name;
        @Version short version;
    }

    @Table("indexed")
    static class Indexed {
        @HashKey String id;
        @IndexHashKey("by_email") String email;
    }

    @Table("numbers")
    static class Numbers {
        @HashKey String id;
        Set<BigDecimal> decimals = new HashSet<>();
        Set<Double> doubles = new HashSet<>();
    }

    @Table("orders")
    record Order(@HashKey String customer, @RangeKey String id, String status, @Version Long version) {
        Order withStatus(String newStatus) {
            return new Order(customer, id, newStatus, version);
        }
    }

    @BeforeEach
    void moreTables() {
        for (Class<?> type : List.of(Tally.class, CacheEntry.class, IntVersioned.class, LongVersioned.class,
                ShortVersioned.class, Indexed.class, Numbers.class, Order.class)) {
            createTable(type);
        }
    }

    private static Tally tally(Session s) {
        return s.get(Tally.class, "t");
    }

    // ------------------------------------------------------------- unversioned entities (item 2)

    @Test
    void concurrentIncrementsOfAnUnversionedCounterLoseNothing() {
        putRaw("tally", Map.of("id", s("t"), "count", n(0)));
        try (Session first = sessions.openSession(); Session second = sessions.openSession()) {
            Tally a = tally(first);
            Tally b = tally(second);
            b.count++;
            second.commit();
            a.count++;
            OptimisticLockException e = assertThrows(OptimisticLockException.class, first::commit);
            assertTrue(e.getMessage().contains("count"), "names the attribute that differed: " + e.getMessage());
            assertTrue(first.isDirty(), "the session keeps its change");
        }
        assertEquals(n(1), getRaw("tally", Map.of("id", s("t"))).get("count"));
    }

    @Test
    void anUpdateOfAnUnversionedItemDeletedMeanwhileDoesNotBringItBack() {
        putRaw("tally", Map.of("id", s("t"), "count", n(0)));
        try (Session first = sessions.openSession(); Session second = sessions.openSession()) {
            Tally a = tally(first);
            second.delete(tally(second));
            second.commit();
            a.label = "late";
            OptimisticLockException e = assertThrows(OptimisticLockException.class, first::commit);
            assertEquals(java.util.Optional.of(false), e.conflicts().get(0).itemExists());
        }
        assertNull(getRaw("tally", Map.of("id", s("t"))), "no partial item resurrected");
    }

    @Test
    void aDeleteOfAnUnversionedItemIsConditionalOnItExisting() {
        putRaw("tally", Map.of("id", s("t"), "count", n(0)));
        try (Session first = sessions.openSession(); Session second = sessions.openSession()) {
            Tally a = tally(first);
            second.delete(tally(second));
            second.commit();
            first.delete(a);
            assertThrows(OptimisticLockException.class, first::commit);
        }
    }

    @Test
    void aTableThatOptsOutIsLastWriterWins() {
        putRaw("lww_cache", Map.of("id", s("k"), "value", s("0")));
        try (Session first = sessions.openSession(); Session second = sessions.openSession()) {
            CacheEntry a = first.get(CacheEntry.class, "k");
            CacheEntry b = second.get(CacheEntry.class, "k");
            b.value = "b";
            second.commit();
            a.value = "a";
            first.commit();
            assertTrue(recording.requests(UpdateItemRequest.class).stream().allMatch(u -> u.conditionExpression() == null));
            first.delete(a);
            first.commit();
            assertNull(recording.requests(DeleteItemRequest.class).get(0).conditionExpression());
        }
    }

    @Test
    void optingOutOfLockingWithAVersionIsAMappingError() {
        MappingException e = assertThrows(MappingException.class, () -> EntityModel.of(VersionedOptOut.class));
        assertTrue(e.getMessage().contains("optimisticLocking") && e.getMessage().contains("version"), e.getMessage());
    }

    // ------------------------------------------------------------- version overflow (item 3)

    @Test
    void anIntVersionAtItsMaximumIsRefusedBeforeSending() {
        assertOverflowRefused("int_versioned", IntVersioned.class, Integer.MAX_VALUE, e -> ((IntVersioned) e).name = "x");
    }

    @Test
    void aLongVersionAtItsMaximumIsRefusedBeforeSending() {
        assertOverflowRefused("long_versioned", LongVersioned.class, Long.MAX_VALUE, e -> ((LongVersioned) e).name = "x");
    }

    @Test
    void aShortVersionAtItsMaximumIsRefusedBeforeSending() {
        assertOverflowRefused("short_versioned", ShortVersioned.class, Short.MAX_VALUE,
                e -> ((ShortVersioned) e).name = "x");
    }

    private void assertOverflowRefused(String table, Class<?> type, long max, java.util.function.Consumer<Object> change) {
        putRaw(table, Map.of("id", s("v"), "name", s("a"), "version", n(max)));
        try (Session s = sessions.openSession()) {
            Object entity = s.get(type, "v");
            change.accept(entity);
            recording.clear();
            DynamapperException e = assertThrows(DynamapperException.class, s::commit);
            assertTrue(e.getMessage().contains(type.getSimpleName()) && e.getMessage().contains("'v'")
                    && e.getMessage().contains(Long.toString(max)), e.getMessage());
            assertEquals(0, recording.requests(UpdateItemRequest.class).size(), "nothing was sent");
        }
        assertEquals(n(max), getRaw(table, Map.of("id", s("v"))).get("version"));
    }

    // ------------------------------------------------------------- stale record copies (item 4)

    @Test
    void aStaleRecordCopyIsRejectedAtSaveAndTheSessionIsUnchanged() {
        try (Session s = sessions.openSession()) {
            Order placed = new Order("alice", "o1", "PLACED", null);
            s.save(placed);
            s.commit();
            Order v1 = s.current(placed);
            assertEquals(1L, v1.version());
            s.save(v1.withStatus("SHIPPED"));
            s.commit();
            Order v2 = s.current(v1);
            assertEquals(2L, v2.version());
            assertEquals("SHIPPED", v2.status());

            OptimisticLockException e = assertThrows(OptimisticLockException.class,
                    () -> s.save(v1.withStatus("CANCELLED")));
            assertTrue(e.getMessage().contains("stale"), e.getMessage());
            assertSame(v2, s.current(v1), "the session is unchanged");
            assertFalse(s.isDirty());
            assertThrows(OptimisticLockException.class, () -> s.delete(v1));
            assertFalse(s.isDirty());
        }
        assertEquals(s("SHIPPED"), getRaw("orders", Map.of("customer", s("alice"), "id", s("o1"))).get("status"));
    }

    // ------------------------------------------------------------- bad input (items 6, 7, 8)

    @Test
    void anEmptyIndexKeyOfALoadedEntityIsAMappingErrorBeforeSending() {
        putRaw("indexed", Map.of("id", s("i"), "email", s("a@example.com")));
        try (Session s = sessions.openSession()) {
            s.get(Indexed.class, "i").email = "";
            recording.clear();
            MappingException e = assertThrows(MappingException.class, s::commit);
            assertTrue(e.getMessage().contains("Indexed.email") && e.getMessage().contains("empty"), e.getMessage());
            assertEquals(0, recording.requests(UpdateItemRequest.class).size());
        }
    }

    @Test
    void anUnstorableNumberAddedToALoadedSetIsAMappingErrorNamingFieldAndValue() {
        putRaw("numbers", Map.of("id", s("n"), "decimals", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                .fromNs(List.of("1")), "doubles", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                .fromNs(List.of("2"))));
        try (Session s = sessions.openSession()) {
            Numbers numbers = s.get(Numbers.class, "n");
            numbers.decimals.add(new BigDecimal("1e126"));
            MappingException commit = assertThrows(MappingException.class, s::commit);
            assertTrue(commit.getMessage().contains("Numbers.decimals") && commit.getMessage().contains("1E+126"),
                    commit.getMessage());
            assertThrows(MappingException.class, s::isDirty);
            s.rollback();
            numbers.doubles.add(Double.NaN);
            MappingException nan = assertThrows(MappingException.class, s::isDirty);
            assertTrue(nan.getMessage().contains("Numbers.doubles") && nan.getMessage().contains("NaN"),
                    nan.getMessage());
        }
    }

    @Test
    void aNullRangeKeyIsReportedAsSuch() {
        try (Session s = sessions.openSession()) {
            NullPointerException e = assertThrows(NullPointerException.class, () -> s.find(Order.class, "alice", null));
            assertEquals("rangeKey == null", e.getMessage());
        }
    }

    // ------------------------------------------------------------- the smaller API (item 10)

    @Test
    void deleteByKeyIsUnconditionalForAnUnmanagedEntity() {
        putRaw("account", Map.of("id", s("a"), "balance", n(1), "version", n(7)));
        try (Session s = sessions.openSession()) {
            s.delete(TestEntities.Account.class, "a");
            s.delete(TestEntities.Account.class, "nobody");
            s.commit();
        }
        assertNull(getRaw("account", Map.of("id", s("a"))));
        List<TransactWriteItemsRequest> sent = recording.requests(TransactWriteItemsRequest.class);
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).transactItems().stream().allMatch(i -> i.delete().conditionExpression() == null));
    }

    @Test
    void deleteByKeyOfAManagedEntityIsConditionalOnItsVersion() {
        storeDoom();
        try (Session s = sessions.openSession(); Session other = sessions.openSession()) {
            s.get(TestEntities.DoomMap.class, 1, 1);
            other.get(TestEntities.DoomMap.class, 1, 1).name = "changed";
            other.commit();
            s.delete(TestEntities.DoomMap.class, 1L, 1);
            assertThrows(OptimisticLockException.class, s::commit);
            assertThrows(MappingException.class, () -> s.delete(TestEntities.DoomMap.class, 1));
            assertThrows(NullPointerException.class, () -> s.delete(TestEntities.DoomMap.class, 1, null));
        }
    }

    private static void storeDoom() {
        putRaw("doom_map", Map.of("episode", n(1), "map", n(1), "name", s("Hangar"), "version", n(1)));
    }

    @Test
    void refreshDiscardsPendingChangesAndReadsTheStoredState() {
        storeDoom();
        try (Session s = sessions.openSession(); Session other = sessions.openSession()) {
            TestEntities.DoomMap m = s.get(TestEntities.DoomMap.class, 1, 1);
            m.name = "mine";
            other.get(TestEntities.DoomMap.class, 1, 1).name = "theirs";
            other.commit();
            assertSame(m, s.refresh(m));
            assertEquals("theirs", m.name);
            assertEquals(2L, m.version);
            assertFalse(s.isDirty());
            m.name = "after refresh";
            s.commit();
        }
        assertEquals(s("after refresh"), getRaw("doom_map", doomKey(1, 1)).get("name"));
    }

    @Test
    void refreshOfAGoneItemThrowsAndForgetsIt() {
        storeDoom();
        try (Session s = sessions.openSession()) {
            TestEntities.DoomMap m = s.get(TestEntities.DoomMap.class, 1, 1);
            LOCAL.deleteItem(b -> b.tableName("doom_map").key(doomKey(1, 1)));
            assertThrows(ItemNotFoundException.class, () -> s.refresh(m));
            assertThrows(IllegalArgumentException.class, () -> s.current(m));
            assertThrows(IllegalArgumentException.class, () -> s.refresh(new TestEntities.DoomMap(1, 1, "copy")));
        }
    }

    @Test
    void refreshOfARecordReturnsTheStoredRecord() {
        try (Session s = sessions.openSession(); Session other = sessions.openSession()) {
            s.save(new Order("bob", "o2", "PLACED", null));
            s.commit();
            Order mine = s.get(Order.class, "bob", "o2");
            other.save(other.get(Order.class, "bob", "o2").withStatus("SHIPPED"));
            other.commit();
            s.save(mine.withStatus("LOCAL"));
            Order fresh = s.refresh(mine);
            assertEquals(new Order("bob", "o2", "SHIPPED", 2L), fresh);
            assertSame(fresh, s.current(mine));
            assertFalse(s.isDirty());
        }
    }

    @Test
    void detachAndClearStopManagingWithoutWriting() {
        storeDoom();
        try (Session s = sessions.openSession()) {
            TestEntities.DoomMap m = s.get(TestEntities.DoomMap.class, 1, 1);
            m.name = "never written";
            s.detach(m);
            assertFalse(s.isDirty());
            TestEntities.DoomMap again = s.get(TestEntities.DoomMap.class, 1, 1);
            assertNotSame(m, again);
            assertEquals("Hangar", again.name);
            again.name = "also never written";
            s.save(new TestEntities.DoomMap(1, 2, "new"));
            s.clear();
            assertFalse(s.isDirty());
            recording.clear();
            s.commit();
            assertEquals(0, recording.requests(UpdateItemRequest.class).size()
                    + recording.requests(PutItemRequest.class).size());
            assertNotSame(again, s.get(TestEntities.DoomMap.class, 1, 1));
        }
        assertEquals(s("Hangar"), getRaw("doom_map", doomKey(1, 1)).get("name"));
    }

    @Test
    void currentGivesTheCommittedInstance() {
        storeDoom();
        try (Session s = sessions.openSession()) {
            TestEntities.DoomMap m = s.get(TestEntities.DoomMap.class, 1, 1);
            m.name = "x";
            s.commit();
            assertSame(m, s.current(m));
            assertEquals(2L, m.version);
            assertThrows(IllegalArgumentException.class, () -> s.current(new TestEntities.DoomMap(9, 9, "unknown")));
            assertThrows(NullPointerException.class, () -> s.current(null));
        }
    }
}
