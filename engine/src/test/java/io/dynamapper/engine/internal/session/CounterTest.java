package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Counter;
import io.dynamapper.CounterLimitException;
import io.dynamapper.HashKey;
import io.dynamapper.Key;
import io.dynamapper.MappingException;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.Table;
import io.dynamapper.Version;
import io.dynamapper.engine.internal.mapping.EntityModel;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class CounterTest extends SessionTestSupport {

    @Table("stock")
    static class Stock {
        @HashKey String sku;
        String title;
        @Counter(min = 0) long available;
        @Counter(max = 100) Integer reserved;
        @Counter long views;
        @Version Long version;
    }

    @Table("hits")
    record Hits(@HashKey String page, @Counter long count) {
    }

    @Table("bad_counter")
    static class TextCounter {
        @HashKey String id;
        @Counter String count;
    }

    @Table("bad_bounds")
    static class Bounds {
        @HashKey String id;
        @Counter(min = 5, max = 1) long count;
    }

    @BeforeEach
    void tables() {
        createTable(Stock.class);
        createTable(Hits.class);
        putRaw("stock", Map.of("sku", s("bfg"), "title", s("BFG 9000"), "available", n(10), "reserved", n(0),
                "views", n(0), "version", n(3)));
    }

    private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> stored() {
        return getRaw("stock", Map.of("sku", s("bfg")));
    }

    @Test
    void aCounterOnlyChangeIsAnAddWithoutTheVersionInATransactionWithAToken() {
        try (Session session = sessions.openSession()) {
            Stock stock = session.get(Stock.class, "bfg");
            stock.views += 5;
            stock.available -= 2;
            recording.clear();
            session.commit();
            assertEquals(3L, stock.version, "the version is not bumped");
            assertEquals(8, stock.available, "the field holds read value + delta");
        }
        TransactWriteItemsRequest tx = recording.requests(TransactWriteItemsRequest.class).get(0);
        assertTrue(tx.clientRequestToken() != null);
        Update update = tx.transactItems().get(0).update();
        assertEquals("ADD #c0 :c0, #c1 :c1", update.updateExpression());
        assertEquals("attribute_exists(#ch) AND #c0 >= :cl0", update.conditionExpression());
        assertEquals(n(-2), update.expressionAttributeValues().get(":c0"));
        assertEquals(n(2), update.expressionAttributeValues().get(":cl0"), "available >= 0 - (-2)");
        assertEquals(n(3), stored().get("version"));
        assertEquals(n(8), stored().get("available"));
        assertEquals(n(5), stored().get("views"));
    }

    @Test
    void concurrentIncrementsNeitherConflictNorGetLost() throws Exception {
        SessionFactory other = new DefaultSessionFactory(LOCAL, policy, SessionOptions.defaults());
        int threads = 6;
        int increments = 10;
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                SessionFactory factory = t % 2 == 0 ? sessions : other;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < increments; i++) {
                        factory.useTransaction(s -> {
                            attempts.incrementAndGet();
                            s.get(Stock.class, "bfg").views++;
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(n(threads * increments), stored().get("views"));
        assertEquals(threads * increments, attempts.get(), "no unit of work was re-run: no conflicts");
        assertEquals(n(3), stored().get("version"));
    }

    @Test
    void aChangeBesidesCountersKeepsTheVersionCondition() {
        try (Session session = sessions.openSession()) {
            Stock stock = session.get(Stock.class, "bfg");
            stock.title = "BFG 10K";
            stock.views++;
            recording.clear();
            session.commit();
            assertEquals(4L, stock.version);
        }
        Update update = recording.requests(TransactWriteItemsRequest.class).get(0).transactItems().get(0).update();
        assertEquals("SET #a0 = :v0, #v = :next ADD #c0 :c0", update.updateExpression());
        assertEquals("#v = :expected", update.conditionExpression());
        assertEquals(n(4), stored().get("version"));
        assertEquals(n(1), stored().get("views"));
    }

    @Test
    void otherSessionsChangesToTheCounterAreKept() {
        try (Session a = sessions.openSession(); Session b = sessions.openSession()) {
            Stock x = a.get(Stock.class, "bfg");
            Stock y = b.get(Stock.class, "bfg");
            x.available -= 3;
            y.available -= 4;
            a.commit();
            b.commit();
            assertEquals(6, y.available, "b's own view: read value + its delta");
        }
        assertEquals(n(3), stored().get("available"));
    }

    @Test
    void crossingTheMinimumFailsTheWholeCommitWithNothingWritten() {
        try (Session session = sessions.openSession()) {
            Stock stock = session.get(Stock.class, "bfg");
            // another shop sells 8 meanwhile
            LOCAL.updateItem(UpdateItemRequest.builder().tableName("stock").key(Map.of("sku", s("bfg")))
                    .updateExpression("SET available = :two").expressionAttributeValues(Map.of(":two", n(2))).build());
            stock.available -= 3;
            stock.views++;
            putRaw("account", Map.of("id", s("a"), "balance", n(1), "version", n(1)));
            TestEntities.Account account = session.get(TestEntities.Account.class, "a");
            account.balance = 99;
            CounterLimitException e = assertThrows(CounterLimitException.class, session::commit);
            assertEquals(Stock.class, e.entityType());
            assertEquals(Key.of("bfg"), e.key());
            assertEquals("available", e.field());
            assertEquals(new BigDecimal(-3), e.delta());
            assertEquals(BigDecimal.ZERO, e.bound());
            assertTrue(e.getMessage().contains("Stock.available") && e.getMessage().contains("minimum 0"),
                    e.getMessage());
            assertInstanceOf(OptimisticLockException.class, e.getCause());
            assertTrue(session.isDirty(), "the session is unchanged");
            assertEquals(7, stock.available);
        }
        assertEquals(n(2), stored().get("available"));
        assertEquals(n(0), stored().get("views"));
        assertEquals(n(1), getRaw("account", Map.of("id", s("a"))).get("balance"));
    }

    @Test
    void crossingTheMaximumIsACounterLimitException() {
        try (Session session = sessions.openSession()) {
            Stock stock = session.get(Stock.class, "bfg");
            stock.reserved = 101;
            CounterLimitException e = assertThrows(CounterLimitException.class, session::commit);
            assertEquals("reserved", e.field());
            assertEquals(new BigDecimal(100), e.bound());
        }
    }

    @Test
    void aShopNeverOversellsUnderContention() throws Exception {
        int buyers = 15;
        AtomicInteger sold = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < buyers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        sessions.useTransaction(s -> s.get(Stock.class, "bfg").available--);
                        sold.incrementAndGet();
                    } catch (CounterLimitException e) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, sold.get());
        assertEquals(5, refused.get());
        assertEquals(n(0), stored().get("available"));
    }

    @Test
    void aCounterUpdateNeverRecreatesADeletedItem() {
        try (Session session = sessions.openSession()) {
            Stock stock = session.get(Stock.class, "bfg");
            LOCAL.deleteItem(b -> b.tableName("stock").key(Map.of("sku", s("bfg"))));
            stock.views++;
            assertThrows(OptimisticLockException.class, session::commit);
        }
        assertNull(stored());
    }

    @Test
    void aRetryAfterALostResponseDoesNotAddTwice() {
        FaultyClient faulty = FaultyClient.wrap(LOCAL);
        faulty.applyThenFail("transactWriteItems", () -> SdkClientException.create("lost",
                new IOException("connection reset")));
        SessionFactory factory = new DefaultSessionFactory(faulty.client(), policy, SessionOptions.defaults());
        try (Session session = factory.openSession()) {
            session.get(Stock.class, "bfg").views += 7;
            session.commit();
        }
        assertEquals(n(7), stored().get("views"));
    }

    @Test
    void newEntitiesArePutWithTheirValueAndRecordsCountToo() {
        try (Session session = sessions.openSession()) {
            session.save(new Hits("home", 3));
            session.commit();
        }
        try (Session session = sessions.openSession()) {
            Hits hits = session.get(Hits.class, "home");
            session.save(new Hits("home", hits.count() + 2));
            recording.clear();
            session.commit();
        }
        assertEquals("ADD #c0 :c0", recording.requests(TransactWriteItemsRequest.class).get(0).transactItems().get(0)
                .update().updateExpression());
        assertEquals(n(5), getRaw("hits", Map.of("page", s("home"))).get("count"));
    }

    @Test
    void countersMustBeIntegralNumbersWithSaneBounds() {
        assertTrue(assertThrows(MappingException.class, () -> EntityModel.of(TextCounter.class)).getMessage()
                .contains("@Counter"));
        assertTrue(assertThrows(MappingException.class, () -> EntityModel.of(Bounds.class)).getMessage()
                .contains("min is greater than max"));
    }
}
