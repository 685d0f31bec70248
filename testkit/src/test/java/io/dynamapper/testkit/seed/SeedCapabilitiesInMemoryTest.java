package io.dynamapper.testkit.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.AutoIncrement;
import io.dynamapper.BulkWriteOptions;
import io.dynamapper.BulkWriter;
import io.dynamapper.Counter;
import io.dynamapper.CounterLimitException;
import io.dynamapper.HashKey;
import io.dynamapper.Migrate;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.RangeKey;
import io.dynamapper.RetryPolicy;
import io.dynamapper.SchemaVersion;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.Table;
import io.dynamapper.Throughput;
import io.dynamapper.Version;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.inmemory.Fault;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.inmemory.Operation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The seed capabilities on the in-memory DynamoDB, with its fault injection: generated keys,
 * migrations, counters and bulk writes behave there as on DynamoDB.
 */
class SeedCapabilitiesInMemoryTest {

    @Table("seed_player")
    static class Player {
        @HashKey @AutoIncrement(blockSize = 3) long id;
        @RangeKey String season = "s1";
        String name;
    }

    @Table("seed_stock")
    @SchemaVersion(2)
    static class Stock {
        @HashKey String sku;
        @Counter(min = 0) long available;
        @Version Long version;

        @Migrate(from = 1)
        static Map<String, AttributeValue> quantityToAvailable(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> lifted = new HashMap<>(item);
            lifted.put("available", lifted.remove("quantity"));
            return lifted;
        }
    }

    final InMemoryDynamoDb db = InMemoryDynamoDb.create();
    SessionFactory sessions;

    @BeforeEach
    void setUp() {
        sessions = Dynamapper.builder().client(db).retryPolicy(RetryPolicy.defaults().withSleeper(d -> { })).build();
        sessions.schema().createTable(Player.class, Throughput.onDemand());
        sessions.schema().createTable(Stock.class, Throughput.onDemand());
    }

    private Map<String, AttributeValue> stock() {
        return db.getItem(b -> b.tableName("seed_stock").key(Map.of("sku", AttributeValue.fromS("bfg")))).item();
    }

    @Test
    void autoIncrementKeysOfTwoFactoriesNeverCollide() {
        SessionFactory other = Dynamapper.builder().client(db).build();
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            for (SessionFactory f : List.of(sessions, other)) {
                try (Session s = f.openSession()) {
                    Player p = new Player();
                    s.save(p);
                    s.commit();
                    ids.add(p.id);
                }
            }
        }
        assertEquals(20, ids.size());
        try (Session s = sessions.openSession()) {
            assertEquals(20, s.scan(Player.class).list().size(), "the counter item is not an entity");
        }
    }

    @Test
    void aMigratedItemIsWrittenBackAndItsCountersKeepTheirBounds() {
        db.putItem(b -> b.tableName("seed_stock").item(Map.of("sku", AttributeValue.fromS("bfg"),
                "quantity", AttributeValue.fromN("2"), "version", AttributeValue.fromN("1"))));
        try (Session s = sessions.openSession()) {
            assertEquals(2, s.get(Stock.class, "bfg").available);
            s.commit();
        }
        assertEquals(AttributeValue.fromN("2"), stock().get("_schema"));
        assertEquals(AttributeValue.fromN("2"), stock().get("version"));
        try (Session s = sessions.openSession()) {
            s.get(Stock.class, "bfg").available -= 2;
            s.commit();
        }
        assertEquals(AttributeValue.fromN("0"), stock().get("available"));
        assertEquals(AttributeValue.fromN("2"), stock().get("version"), "a counter-only change keeps the version");
        CounterLimitException e = assertThrows(CounterLimitException.class,
                () -> sessions.useTransaction(s -> s.get(Stock.class, "bfg").available--));
        assertEquals("available", e.field());
        assertEquals(AttributeValue.fromN("0"), stock().get("available"));
    }

    @Test
    void aCounterRetryAfterAnUnknownOutcomeAddsOnce() {
        db.putItem(b -> b.tableName("seed_stock").item(Map.of("sku", AttributeValue.fromS("bfg"),
                "available", AttributeValue.fromN("5"), "_schema", AttributeValue.fromN("2"))));
        db.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(1, Fault.IO_ERROR_AFTER_APPLY);
        sessions.useTransaction(s -> s.get(Stock.class, "bfg").available += 3);
        assertEquals(AttributeValue.fromN("8"), stock().get("available"));
    }

    @Test
    void aCounterUpdateOfADeletedItemIsAConflict() {
        db.putItem(b -> b.tableName("seed_stock").item(Map.of("sku", AttributeValue.fromS("bfg"),
                "available", AttributeValue.fromN("5"), "_schema", AttributeValue.fromN("2"))));
        try (Session s = sessions.openSession()) {
            Stock stock = s.get(Stock.class, "bfg");
            db.deleteItem(b -> b.tableName("seed_stock").key(Map.of("sku", AttributeValue.fromS("bfg"))));
            stock.available++;
            assertThrows(OptimisticLockException.class, s::commit);
        }
        assertTrue(stock().isEmpty(), "not recreated");
    }

    @Test
    void bulkWritesRetryThrottledRequests() {
        db.faults().on(Operation.BATCH_WRITE_ITEM).failNext(2, Fault.THROTTLING);
        try (BulkWriter writer = sessions.bulkWriter(BulkWriteOptions.defaults().withParallelism(2))) {
            for (int i = 0; i < 60; i++) {
                Player p = new Player();
                p.name = "p" + i;
                writer.put(p);
            }
        }
        try (Session s = sessions.openSession()) {
            assertEquals(60, s.scan(Player.class).list().size());
        }
    }
}
