package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.AutoIncrement;
import io.dynamapper.AutoUuid;
import io.dynamapper.HashKey;
import io.dynamapper.MappingException;
import io.dynamapper.RangeKey;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.Table;
import io.dynamapper.engine.internal.mapping.EntityModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class GeneratedKeysTest extends SessionTestSupport {

    @Table("player")
    static class Player {
        @HashKey @AutoIncrement(blockSize = 10) long id;
        String name;

        Player() {
        }

        Player(String name) {
            this.name = name;
        }
    }

    @Table("ticket")
    static class Ticket {
        @HashKey @AutoIncrement Integer id;
        String what;
    }

    @Table("demo")
    static class Demo {
        @HashKey @AutoUuid UUID id;
        @RangeKey @AutoUuid String part;
    }

    @Table("bad_record")
    record GeneratedRecord(@HashKey @AutoIncrement long id) {
    }

    @Table("bad_type")
    static class StringCounter {
        @HashKey @AutoIncrement String id;
    }

    @Table("bad_place")
    static class NotAKey {
        @HashKey String id;
        @AutoUuid UUID other;
    }

    @Table("bad_block")
    static class EmptyBlock {
        @HashKey @AutoIncrement(blockSize = 0) long id;
    }

    @BeforeEach
    void tables() {
        createTable(Player.class);
        createTable(Ticket.class);
        createTable(Demo.class);
    }

    private static long save(SessionFactory factory, Player player) {
        try (Session s = factory.openSession()) {
            s.save(player);
            s.commit();
        }
        return player.id;
    }

    @Test
    void keysAreAssignedAtSaveFromOneCounterUpdatePerBlock() {
        List<Long> ids = new ArrayList<>();
        try (Session s = sessions.openSession()) {
            for (int i = 0; i < 12; i++) {
                Player p = new Player("p" + i);
                s.save(p);
                ids.add(p.id);
            }
            s.commit();
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L), ids);
        List<UpdateItemRequest> counterUpdates = recording.requests(UpdateItemRequest.class);
        assertEquals(2, counterUpdates.size(), "12 keys in blocks of 10: two counter updates");
        assertEquals("ADD #s :n", counterUpdates.get(0).updateExpression());
        assertEquals(Map.of("id", n(0)), counterUpdates.get(0).key());
        assertEquals(n(20), getRaw("player", Map.of("id", n(0))).get(EntityModel.SEQUENCE_ATTRIBUTE));
        try (Session s = sessions.openSession()) {
            assertEquals("p11", s.get(Player.class, 12L).name);
        }
    }

    @Test
    void aKeyThatIsSetIsKept() {
        Player p = new Player("given");
        p.id = 77;
        assertEquals(77, save(sessions, p));
        assertTrue(recording.requests(UpdateItemRequest.class).isEmpty());
    }

    @Test
    void aBoxedKeyIsUnsetWhenNullOrZero() {
        try (Session s = sessions.openSession()) {
            Ticket a = new Ticket();
            Ticket b = new Ticket();
            b.id = 0;
            s.save(a);
            s.save(b);
            assertEquals(1, a.id);
            assertEquals(2, b.id);
        }
    }

    @Test
    void readsSkipTheCounterItem() {
        save(sessions, new Player("only"));
        try (Session s = sessions.openSession()) {
            assertEquals(List.of("only"), s.scan(Player.class).list().stream().map(p -> p.name).toList());
            assertTrue(s.find(Player.class, 0).isEmpty());
        }
    }

    @Test
    void anotherFactoryTakesTheNextBlock() {
        SessionFactory other = new DefaultSessionFactory(LOCAL, policy, SessionOptions.defaults());
        assertEquals(1, save(sessions, new Player("a")));
        assertEquals(11, save(other, new Player("b")));
        assertEquals(2, save(sessions, new Player("c")));
    }

    @Test
    void concurrentFactoriesNeverHandOutTheSameKey() throws Exception {
        SessionFactory one = new DefaultSessionFactory(LOCAL, policy, SessionOptions.defaults());
        SessionFactory two = new DefaultSessionFactory(LOCAL, policy, SessionOptions.defaults());
        int threads = 8;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                SessionFactory factory = t % 2 == 0 ? one : two;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(save(factory, new Player("x")));
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<Long> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get(2, TimeUnit.MINUTES));
            }
            Set<Long> distinct = new HashSet<>(all);
            assertEquals(threads * perThread, distinct.size(), "no key handed out twice");
            try (Session s = sessions.openSession()) {
                assertEquals(threads * perThread, s.scan(Player.class).list().size(), "every insert stored");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void uuidKeysAreVersion7AndTimeOrdered() {
        List<Demo> demos = new ArrayList<>();
        try (Session s = sessions.openSession()) {
            for (int i = 0; i < 3; i++) {
                Demo d = new Demo();
                s.save(d);
                demos.add(d);
            }
            s.commit();
        }
        for (Demo d : demos) {
            assertNotNull(d.id);
            assertEquals(7, d.id.version());
            assertEquals(2, d.id.variant());
            assertEquals(7, UUID.fromString(d.part).version());
            assertEquals(d.part, d.part.toLowerCase());
        }
        long now = System.currentTimeMillis();
        long millis = demos.get(0).id.getMostSignificantBits() >>> 16;
        assertTrue(Math.abs(now - millis) < 60_000, "the first 48 bits are the Unix time in ms: " + millis);
    }

    @Test
    void generatedKeysOnRecordsAndNonKeysAndWrongTypesAreMappingErrors() {
        assertThrows(MappingException.class, () -> EntityModel.of(GeneratedRecord.class));
        assertTrue(assertThrows(MappingException.class, () -> EntityModel.of(StringCounter.class)).getMessage()
                .contains("@AutoIncrement"));
        assertTrue(assertThrows(MappingException.class, () -> EntityModel.of(NotAKey.class)).getMessage()
                .contains("@AutoUuid"));
        assertTrue(assertThrows(MappingException.class, () -> EntityModel.of(EmptyBlock.class)).getMessage()
                .contains("blockSize = 0"));
    }

    @Test
    void aMissingTableIsAClearErrorAndNothingIsManaged() {
        LOCAL.deleteTable(b -> b.tableName("ticket"));
        try (Session s = sessions.openSession()) {
            Ticket t = new Ticket();
            var e = assertThrows(io.dynamapper.DynamapperException.class, () -> s.save(t));
            assertTrue(e.getMessage().contains("'ticket'"), e.getMessage());
            assertTrue(!s.isDirty());
        }
    }

}
