package io.dynamapper.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Cached;
import io.dynamapper.CommitOutcomeUnknownException;
import io.dynamapper.HashKey;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.RetryPolicy;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.Table;
import io.dynamapper.Throughput;
import io.dynamapper.Version;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.inmemory.Fault;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.inmemory.Operation;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

class DynamapperMetricsTest {
    @Cached
    @Table("gauges")
    static class Gauge {
        @HashKey String id;
        long level;
        @Version long version;

        Gauge() {
        }

        Gauge(String id, long level) {
            this.id = id;
            this.level = level;
        }
    }

    @Table("plain_gauges")
    static class PlainGauge {
        @HashKey String id;
        long level;
        @Version long version;

        PlainGauge() {
        }

        PlainGauge(String id, long level) {
            this.id = id;
            this.level = level;
        }
    }

    private final InMemoryDynamoDb memory = InMemoryDynamoDb.create();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DynamapperMetrics metrics = DynamapperMetrics.create(registry, Tags.of("app", "test"));
    private SessionFactory sessions;

    @BeforeEach
    void factory() {
        sessions = Dynamapper.builder().client(memory)
                .retryPolicy(RetryPolicy.defaults().withMaxAttempts(3).withSleeper(d -> { }))
                .listener(metrics)
                .build();
        metrics.bindCache(sessions);
        sessions.schema().createTable(Gauge.class, Throughput.onDemand());
        sessions.schema().createTable(PlainGauge.class, Throughput.onDemand());
    }

    private double timerCount(String name, String... tags) {
        var timer = registry.find(name).tags(tags).timer();
        return timer == null ? 0 : timer.count();
    }

    private double counter(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void commitsAndReadsAreTimedByOutcomeTableAndCache() {
        sessions.useTransaction(s -> s.save(new Gauge("a", 1)));
        try (Session s = sessions.openSession()) {
            assertEquals(1, s.get(Gauge.class, "a").level);   // the commit's put is cached
            assertTrue(s.find(Gauge.class, "b").isEmpty());   // a miss
            s.save(new PlainGauge("p", 1));
            s.commit();
        }
        assertEquals(1, memory.requests(GetItemRequest.class).size(), "the hit sent nothing to the in-memory DynamoDB");
        assertEquals(1, timerCount("dynamapper.commit", "outcome", "committed", "table", "gauges", "app", "test"));
        assertEquals(1, timerCount("dynamapper.commit", "outcome", "committed", "table", "plain_gauges"));
        assertEquals(1, timerCount("dynamapper.read", "operation", "get", "table", "gauges", "cache", "hit"));
        assertEquals(1, timerCount("dynamapper.read", "operation", "get", "table", "gauges", "cache", "miss"));
        assertEquals(2, registry.find("dynamapper.read.items").tags("table", "gauges").summary().count());
        assertEquals(1, registry.find("dynamapper.read.items").tags("table", "gauges").summary().totalAmount());
        assertEquals(2, registry.find("dynamapper.commit.writes").summaries().stream().mapToLong(x -> x.count()).sum());
        assertEquals(1, registry.find("cache.gets").tags("cache", "dynamapper", "result", "hit").functionCounter().count());
        assertEquals(1, registry.find("cache.gets").tags("cache", "dynamapper", "result", "miss").functionCounter().count());
        assertNotNull(registry.find("cache.size").tags("cache", "dynamapper", "app", "test").gauge());
    }

    @Test
    void conflictsRetriesAndUnknownOutcomesAreCounted() {
        sessions.useTransaction(s -> {
            s.save(new PlainGauge("x", 1));
            s.save(new PlainGauge("y", 1));
        });
        // a transient transaction conflict, retried
        memory.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(1, Fault.TRANSACTION_CONFLICT);
        sessions.useTransaction(s -> {
            s.get(PlainGauge.class, "x").level = 2;
            s.get(PlainGauge.class, "y").level = 2;
        });
        assertEquals(1, counter("dynamapper.retries", "operation", "commit", "reason", "transaction_conflict",
                "table", "plain_gauges"));

        // a version conflict, re-run as a unit of work
        int[] runs = {0};
        sessions.useTransaction(s -> {
            s.get(PlainGauge.class, "x").level = 3;
            if (runs[0]++ == 0) {
                sessions.useTransaction(other -> other.get(PlainGauge.class, "x").level = 9);
            }
        });
        assertEquals(1, counter("dynamapper.commit.conflicts", "table", "plain_gauges"));
        assertEquals(1, timerCount("dynamapper.commit", "outcome", "conflict", "table", "plain_gauges"));
        assertEquals(1, counter("dynamapper.retries", "operation", "unit_of_work", "reason", "optimistic_lock",
                "table", "none"));

        // applied, then the response is lost, and the retries cannot tell
        memory.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(1, Fault.IO_ERROR_AFTER_APPLY)
                .failNext(2, Fault.IO_ERROR_BEFORE_SEND);
        try (Session s = sessions.openSession()) {
            s.get(PlainGauge.class, "x").level = 4;
            s.get(PlainGauge.class, "y").level = 4;
            assertThrows(CommitOutcomeUnknownException.class, s::commit);
        }
        assertEquals(1, counter("dynamapper.commit.unknown", "table", "plain_gauges"));
        assertEquals(2, counter("dynamapper.retries", "operation", "commit", "reason", "server_or_network",
                "table", "plain_gauges"));
        assertNull(registry.find("dynamapper.commit").tags("outcome", "rejected").timer());
    }

    @Test
    void aStaleCacheCostsAConflictThatIsCounted() {
        sessions.useTransaction(s -> s.save(new Gauge("g", 1)));
        SessionFactory other = Dynamapper.builder().client(memory).secondLevelCache(false).build();
        other.useTransaction(s -> s.get(Gauge.class, "g").level = 5);  // another process
        try (Session s = sessions.openSession()) {
            s.get(Gauge.class, "g").level += 1;   // from the stale cache
            assertThrows(OptimisticLockException.class, s::commit);
        }
        assertEquals(1, counter("dynamapper.commit.conflicts", "table", "gauges"));
        sessions.useTransaction(s -> s.get(Gauge.class, "g").level += 1);
        try (Session s = sessions.openSession(io.dynamapper.SessionOptions.defaults().withConsistentReads(true))) {
            assertEquals(6, s.get(Gauge.class, "g").level);
        }
    }

    @Test
    void aFactoryWithoutCacheBindsNoCacheMeters() {
        SessionFactory uncached = Dynamapper.builder().client(memory).secondLevelCache(false).build();
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        DynamapperMetrics.create(own).bindCache(uncached);
        assertTrue(own.getMeters().isEmpty());
        assertThrows(NullPointerException.class, () -> DynamapperMetrics.create(null));
        assertThrows(NullPointerException.class, () -> metrics.bindCache(null));
    }
}
