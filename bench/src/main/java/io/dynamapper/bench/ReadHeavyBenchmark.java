package io.dynamapper.bench;

import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.inmemory.Operation;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A read-heavy unit of work with the second-level cache on and off: a session reads 10 of 1 000
 * versioned entities by key (uniformly at random), and one unit in ten also changes one of them and
 * commits; with the cache on, the loading commits leave every item cached, so this is the steady
 * state. On the in-memory DynamoDB, with no added latency (what the engine itself costs) and with
 * {@code latencyMicros} added before every request (a stand-in for the network round trip to
 * DynamoDB, which is what the cache saves).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReadHeavyBenchmark {
    static final int ITEMS = 1_000;
    static final int READS = 10;

    @Param({"off", "on"})
    String cache;

    @Param({"0", "500"})
    int latencyMicros;

    private InMemoryDynamoDb memory;
    private SessionFactory sessions;
    private final String[] ids = new String[ITEMS];
    private long units;

    @Setup(Level.Trial)
    public void setUp() {
        memory = InMemoryDynamoDb.create();
        sessions = Dynamapper.builder().client(memory).secondLevelCache("on".equals(cache)).build();
        sessions.schema().createTableIfNotExists(CachedBenchItem.class, Throughput.onDemand());
        for (int from = 0; from < ITEMS; from += 100) {
            try (Session s = sessions.openSession()) {
                for (int i = from; i < from + 100; i++) {
                    ids[i] = "item-" + i;
                    s.save(new CachedBenchItem(ids[i]));
                }
                s.commit();
            }
        }
        if (latencyMicros > 0) {
            Duration latency = Duration.ofNanos(latencyMicros * 1_000L);
            for (Operation op : new Operation[] {Operation.GET_ITEM, Operation.UPDATE_ITEM, Operation.BATCH_GET_ITEM}) {
                memory.faults().on(op).addLatency(latency);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Dynamapper.secondLevelCache(sessions).ifPresent(c -> System.out.printf("%n[cache %s] hit rate %.3f, %d entries%n",
                cache, c.stats().hitRate(), c.estimatedSize()));
        memory.close();
    }

    /** One unit of work: 10 reads by key; every tenth unit also updates one entity and commits. */
    @Benchmark
    public long readMostly() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long sum = 0;
        try (Session s = sessions.openSession()) {
            CachedBenchItem last = null;
            for (int i = 0; i < READS; i++) {
                last = s.get(CachedBenchItem.class, ids[random.nextInt(ITEMS)]);
                sum += last.n1;
            }
            if (++units % 10 == 0) {
                last.n1++;
                s.commit();
            }
        }
        return sum;
    }
}
