package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Filter;
import io.dynamapper.Isolation;
import io.dynamapper.Key;
import io.dynamapper.KeyCondition;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.Session;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.session.TestEntities.DoomMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Query, scan and getAll through a real session: one identity map for every read path. */
class SessionReadsTest extends SessionTestSupport {
    @BeforeEach
    void maps() {
        for (int map = 1; map <= 9; map++) {
            putRaw("doom_map", Map.of("episode", n(1), "map", n(map), "name", s("E1M" + map), "version", n(1)));
        }
    }

    @Test
    void everyReadPathReturnsTheManagedInstance() {
        try (Session s = sessions.openSession()) {
            DoomMap e1m3 = s.get(DoomMap.class, 1, 3);
            List<DoomMap> queried = s.query(DoomMap.class).hashKey(1).list();
            assertSame(e1m3, queried.get(2));
            assertSame(e1m3, s.scan(DoomMap.class).filter(Filter.eq("name", "E1M3")).list().get(0));
            assertSame(e1m3, s.getAll(DoomMap.class, List.of(Key.of(1, 3))).get(0));
            assertSame(queried.get(8), s.query(DoomMap.class).hashKey(1L).rangeKey(KeyCondition.eq(9)).first().orElseThrow());
            assertSame(queried.get(0), s.find(DoomMap.class, 1, 1).orElseThrow(), "a queried entity is managed");
        }
    }

    @Test
    void localChangesWinOverALaterQueryAndAreCommittedAlone() {
        try (Session s = sessions.openSession()) {
            DoomMap e1m2 = s.query(DoomMap.class).hashKey(1).rangeKey(KeyCondition.eq(2)).list().get(0);
            e1m2.name = "Nuclear Plant";
            putRaw("doom_map", Map.of("episode", n(1), "map", n(2), "name", s("changed meanwhile"), "version", n(1)));
            assertEquals("Nuclear Plant", s.query(DoomMap.class).hashKey(1).list().get(1).name);
            s.commit();
        }
        List<UpdateItemRequest> updates = recording.requests(UpdateItemRequest.class);
        assertEquals(1, updates.size(), "only the changed entity is written");
        assertEquals(Map.of("#a0", "name", "#v", "version"), updates.get(0).expressionAttributeNames());
        assertEquals(s("Nuclear Plant"), getRaw("doom_map", doomKey(1, 2)).get("name"));
    }

    @Test
    void aPendingDeleteIsSkippedByQueries() {
        try (Session s = sessions.openSession()) {
            s.delete(s.get(DoomMap.class, 1, 4));
            assertEquals(8, s.query(DoomMap.class).hashKey(1).list().size());
            assertTrue(s.scan(DoomMap.class).list().stream().noneMatch(m -> m.map == 4));
        }
    }

    @Test
    void getAllReadsInBatchesOf100InTheOrderAskedAndSkipsMissingKeys() {
        for (int map = 10; map <= 150; map++) {
            putRaw("doom_map", Map.of("episode", n(2), "map", n(map), "version", n(1)));
        }
        List<Key> keys = new ArrayList<>();
        for (int map = 150; map >= 5; map--) {
            keys.add(Key.of(2, map));
        }
        try (Session s = sessions.openSession()) {
            DoomMap managed = s.get(DoomMap.class, 2, 77);
            List<DoomMap> found = s.getAll(DoomMap.class, keys);
            assertEquals(141, found.size(), "maps 5 to 9 of episode 2 do not exist");
            assertEquals(150, found.get(0).map);
            assertEquals(10, found.get(140).map);
            assertSame(managed, found.get(150 - 77));
        }
        assertEquals(2, recording.requests(BatchGetItemRequest.class).size());
    }

    @Test
    void serializableChecksEntitiesReadByAQuery() {
        try (Session s = sessions.openSession(SessionOptions.defaults().withIsolation(Isolation.SERIALIZABLE))) {
            List<DoomMap> maps = s.query(DoomMap.class).hashKey(1).rangeKey(KeyCondition.le(2)).list();
            maps.get(0).name = "Hangar";
            putRaw("doom_map", Map.of("episode", n(1), "map", n(2), "name", s("changed"), "version", n(2)));
            OptimisticLockException e = assertThrows(OptimisticLockException.class, s::commit);
            assertEquals(2, e.conflicts().get(0).key().rangeKey().map(Number.class::cast).orElseThrow().intValue());
        }
        assertEquals(s("E1M1"), getRaw("doom_map", doomKey(1, 1)).get("name"), "nothing was written");
    }
}
