package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.DynamapperException;
import io.dynamapper.Key;
import io.dynamapper.MappingException;
import io.dynamapper.Session;
import io.dynamapper.engine.internal.session.TestEntities.Account;
import io.dynamapper.engine.internal.session.TestEntities.Counter;
import io.dynamapper.engine.internal.session.TestEntities.DoomMap;
import io.dynamapper.engine.internal.session.TestEntities.Unmapped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SessionLifecycleTest extends SessionTestSupport {

    @Test
    void rollbackRevertsManagedEntitiesInPlaceAndForgetsNewOnesAndDeletes() {
        putRaw("doom_map", Map.of("episode", n(1), "map", n(1), "name", s("Hangar"), "version", n(3),
                "cheats", AttributeValue.fromSs(List.of("Konami"))));
        putRaw("counter", Map.of("id", s("c"), "count", n(1), "version", n(1)));
        putRaw("account", Map.of("id", s("gone"), "balance", n(1), "version", n(1)));
        try (Session s = sessions.openSession()) {
            DoomMap m = s.get(DoomMap.class, 1, 1);
            Counter c = s.get(Counter.class, "c");
            Account gone = s.get(Account.class, "gone");
            m.name = "changed";
            m.cheats.add("idkfa");
            m.version = 42L;
            s.save(c.withCount(9));
            s.delete(gone);
            Account fresh = new Account("fresh", 1);
            s.save(fresh);
            assertTrue(s.isDirty());

            s.rollback();

            assertFalse(s.isDirty());
            assertSame(m, s.get(DoomMap.class, 1, 1), "the same instance, reverted in place");
            assertEquals("Hangar", m.name);
            assertEquals(Set.of("Konami"), m.cheats);
            assertEquals(3L, m.version);
            assertSame(c, s.get(Counter.class, "c"), "the record as loaded is back");
            assertSame(gone, s.get(Account.class, "gone"));
            recording.clear();
            assertTrue(s.find(Account.class, "fresh").isEmpty());
            s.commit();
            assertEquals(List.of(), recording.requests().stream()
                    .filter(r -> !r.getClass().getSimpleName().startsWith("GetItem")).toList());

            // still usable
            m.name = "Nuclear Plant";
            s.commit();
            assertEquals(4L, m.version);
        }
    }

    @Test
    void closeDiscardsAndEveryLaterUseFailsNamingTheSession() {
        Session s = sessions.openSession();
        s.save(new Account("a", 1));
        s.close();
        s.close(); // harmless
        String name = s.toString().replace(" (closed)", "");
        List<Executable> uses = List.of(
                () -> s.find(Account.class, "a"),
                () -> s.find(DoomMap.class, 1, 1),
                () -> s.get(Account.class, "a"),
                () -> s.get(DoomMap.class, 1, 1),
                () -> s.getAll(Account.class, List.of(Key.of("a"))),
                () -> s.query(Account.class),
                () -> s.scan(Account.class),
                () -> s.save(new Account("b", 1)),
                () -> s.delete(new Account("b", 1)),
                s::commit,
                s::rollback,
                s::isDirty);
        for (Executable use : uses) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use);
            assertTrue(e.getMessage().contains(name) && e.getMessage().contains("closed"), e.getMessage());
        }
        assertEquals(List.of(), recording.requests());
        assertEquals(null, getRaw("account", Map.of("id", s("a"))));
    }

    @Test
    void badInputFailsClearlyBeforeAnyRequest() {
        try (Session s = sessions.openSession()) {
            Unmapped unmapped = new Unmapped();
            assertThrows(MappingException.class, () -> s.save(unmapped));
            assertThrows(MappingException.class, () -> s.delete(unmapped));
            assertThrows(MappingException.class, () -> s.find(Unmapped.class, "x"));
            assertEquals("entity == null", assertThrows(NullPointerException.class, () -> s.save(null)).getMessage());
            assertEquals("entity == null", assertThrows(NullPointerException.class, () -> s.delete(null)).getMessage());
            assertEquals("type == null", assertThrows(NullPointerException.class, () -> s.find(null, "x")).getMessage());

            assertEquals("hashKey == null",
                    assertThrows(NullPointerException.class, () -> s.find(Account.class, null)).getMessage());
            assertEquals("rangeKey == null",
                    assertThrows(NullPointerException.class, () -> s.get(DoomMap.class, 1, null)).getMessage());
            IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                    () -> s.find(DoomMap.class, "one", 1));
            assertTrue(wrongType.getMessage().contains("DoomMap.episode"), wrongType.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.find(DoomMap.class, 1, 1.5));

            MappingException extraRange = assertThrows(MappingException.class, () -> s.find(Account.class, "a", 1));
            assertTrue(extraRange.getMessage().contains("no range key"), extraRange.getMessage());
            MappingException missingRange = assertThrows(MappingException.class, () -> s.get(DoomMap.class, 1));
            assertTrue(missingRange.getMessage().contains("range key"), missingRange.getMessage());

            IllegalArgumentException nullKeyField = assertThrows(IllegalArgumentException.class,
                    () -> s.save(new Account(null, 1)));
            assertTrue(nullKeyField.getMessage().contains("Account.id"), nullKeyField.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.save(new Account("", 1)));
        }
        assertEquals(List.of(), recording.requests());
    }

    @Test
    void aSecondMutableInstanceForAManagedKeyIsAnError() {
        putRaw("account", Map.of("id", s("a"), "balance", n(1), "version", n(1)));
        try (Session s = sessions.openSession()) {
            Account managed = s.get(Account.class, "a");
            Account copy = new Account("a", 5);
            copy.version = 1;
            recording.clear();
            DynamapperException e = assertThrows(DynamapperException.class, () -> s.save(copy));
            assertTrue(e.getMessage().contains("different instance") && e.getMessage().contains("('a')"), e.getMessage());
            assertThrows(DynamapperException.class, () -> s.delete(copy));
            s.save(managed); // the managed instance itself: nothing to do
            assertFalse(s.isDirty());
            assertEquals(List.of(), recording.requests());
        }
    }

    @Test
    void saveAfterDeleteKeepsTheEntity() {
        putRaw("account", Map.of("id", s("a"), "balance", n(1), "version", n(1)));
        try (Session s = sessions.openSession()) {
            Account a = s.get(Account.class, "a");
            s.delete(a);
            assertTrue(s.isDirty());
            s.save(a);
            assertFalse(s.isDirty());
        }
    }
}
