package io.dynamapper.bench;

import io.dynamapper.HashKey;
import io.dynamapper.RetryPolicy;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.Table;
import io.dynamapper.Throughput;
import io.dynamapper.Version;
import io.dynamapper.engine.Dynamapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P5: contention. {@code threads} threads each run {@code increments} read-modify-write units of
 * work through {@code inTransaction} on 4 hot counters; conflicts are re-run. Prints throughput,
 * attempts per commit and the final sum, which must equal threads × increments (no lost update).
 * Usage: {@code Contention [memory|http] [threads] [increments]}.
 */
public final class Contention {
    /** A hot counter. */
    @Table("counter")
    static class Counter {
        @HashKey String id;
        long value;
        @Version Long version;
    }

    private Contention() {
    }

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "memory";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int increments = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        try (Backend db = Backend.start(backend)) {
            SessionFactory sessions = Dynamapper.builder().client(db.client())
                    .retryPolicy(RetryPolicy.defaults().withMaxAttempts(100).withDelays(Duration.ofMillis(1), Duration.ofMillis(20)))
                    .build();
            sessions.schema().createTable(Counter.class, Throughput.onDemand());
            try (Session s = sessions.openSession()) {
                for (int i = 0; i < 4; i++) {
                    Counter c = new Counter();
                    c.id = "hot-" + i;
                    s.save(c);
                }
                s.commit();
            }
            AtomicLong attempts = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < increments; i++) {
                        String id = "hot-" + ((i + thread) % 4);
                        sessions.useTransaction(s -> {
                            attempts.incrementAndGet();
                            s.get(Counter.class, id).value++;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            long sum = sessions.inTransaction(s -> {
                long total = 0;
                for (int i = 0; i < 4; i++) {
                    total += s.get(Counter.class, "hot-" + i).value;
                }
                return total;
            });
            long commits = (long) threads * increments;
            System.out.printf("backend=%s threads=%d commits=%d seconds=%.2f commitsPerSecond=%.0f attemptsPerCommit=%.3f "
                            + "finalSum=%d expected=%d %s%n", backend, threads, commits, seconds, commits / seconds,
                    attempts.get() / (double) commits, sum, commits, sum == commits ? "OK" : "LOST UPDATES");
            if (sum != commits) {
                System.exit(1);
            }
        }
    }
}
