package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.ItemNotFoundException;
import io.dynamapper.Key;
import io.dynamapper.Session;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.session.TestEntities.Account;
import io.dynamapper.engine.internal.session.TestEntities.Counter;
import io.dynamapper.engine.internal.session.TestEntities.DoomMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

class SessionIdentityTest extends SessionTestSupport {

    private void storeDoomMap(long episode, int map, String name) {
        putRaw("doom_map", Map.of("episode", n(episode), "map", n(map), "name", s(name), "version", n(1)));
    }

    @Test
    void everyFindOfAKeyReturnsTheSameInstanceWhateverTheNumberTypeOfTheKey() {
        storeDoomMap(1, 1, "Hangar");
        try (Session s = sessions.openSession()) {
            DoomMap a = s.get(DoomMap.class, 1, 1);
            DoomMap b = s.find(DoomMap.class, 1L, (short) 1).orElseThrow();
            DoomMap c = s.get(DoomMap.class, Integer.valueOf(1), Long.valueOf(1));
            assertSame(a, b);
            assertSame(a, c);
            assertEquals("Hangar", a.name);
            assertEquals(1L, a.version);
            assertEquals(1, recording.requests(GetItemRequest.class).size(), "later finds come from the identity map");
        }
    }

    @Test
    void localChangesWinOverALaterRead() {
        storeDoomMap(1, 1, "Hangar");
        try (Session s = sessions.openSession()) {
            DoomMap a = s.get(DoomMap.class, 1, 1);
            a.name = "changed here";
            // the entity loader, as queries and scans use it, is handed a newer item for the same key
            DoomMap loaded = ((SessionImpl) s).load(EntityModel.of(DoomMap.class), Map.of("episode", n(1), "map", n(1),
                    "name", s("changed elsewhere"), "version", n(7)));
            assertSame(a, loaded);
            assertEquals("changed here", a.name);
            assertEquals(1L, a.version);
        }
    }

    @Test
    void entitiesOfOtherReadPathsJoinTheIdentityMap() {
        try (Session s = sessions.openSession()) {
            DoomMap loaded = ((SessionImpl) s).load(EntityModel.of(DoomMap.class), Map.of("episode", n(2), "map", n(3),
                    "name", s("Refinery"), "version", n(4)));
            assertSame(loaded, s.get(DoomMap.class, 2, 3));
            assertEquals(0, recording.requests(GetItemRequest.class).size());
        }
    }

    @Test
    void aSavedEntityIsFoundWithoutARequest() {
        try (Session s = sessions.openSession()) {
            Account a = new Account("alice", 10);
            s.save(a);
            assertSame(a, s.get(Account.class, "alice"));
            assertEquals(0, recording.requests().size());
        }
    }

    @Test
    void findOfAMissingItemIsEmptyAndGetThrowsNamingTheKey() {
        try (Session s = sessions.openSession()) {
            assertEquals(Optional.empty(), s.find(DoomMap.class, 9, 9));
            ItemNotFoundException e = assertThrows(ItemNotFoundException.class, () -> s.get(DoomMap.class, 9, 8));
            assertEquals(DoomMap.class, e.entityType());
            assertEquals(Key.of(9, 8), e.key());
            assertTrue(e.getMessage().contains("doom_map"), e.getMessage());
        }
    }

    @Test
    void aPendingDeleteHidesTheEntity() {
        storeDoomMap(1, 1, "Hangar");
        try (Session s = sessions.openSession()) {
            DoomMap a = s.get(DoomMap.class, 1, 1);
            s.delete(a);
            assertEquals(Optional.empty(), s.find(DoomMap.class, 1, 1));
            assertThrows(ItemNotFoundException.class, () -> s.get(DoomMap.class, 1, 1));
            assertEquals(null, ((SessionImpl) s).load(EntityModel.of(DoomMap.class), Map.of("episode", n(1), "map", n(1))));
        }
    }

    @Test
    void consistentReadsAsTheOptionsAsk() {
        storeDoomMap(1, 1, "Hangar");
        try (Session s = sessions.openSession(SessionOptions.defaults().withConsistentReads(true))) {
            s.get(DoomMap.class, 1, 1);
        }
        try (Session s = sessions.openSession()) {
            s.get(DoomMap.class, 1, 1);
        }
        var gets = recording.requests(GetItemRequest.class);
        assertTrue(gets.get(0).consistentRead());
        assertFalse(gets.get(1).consistentRead());
    }

    @Test
    void recordsAreManagedToo() {
        putRaw("counter", Map.of("id", s("c"), "count", n(3), "version", n(2)));
        try (Session s = sessions.openSession()) {
            Counter c = s.get(Counter.class, "c");
            assertEquals(new Counter("c", 3, null, 2), c);
            assertSame(c, s.get(Counter.class, "c"));
        }
    }
}
