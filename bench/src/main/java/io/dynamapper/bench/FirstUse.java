package io.dynamapper.bench;

import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.engine.Dynamapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * P7, what Dynamapper does on first use, in phases: in a fresh JVM, first the SDK by hand's first
 * commit ({@link FirstCommit}'s {@code sdk} variant: what any DynamoDB code pays), then, on the same
 * in-memory DynamoDB, building a session factory, building the entity model of {@link UnitItem}
 * ({@code mapper().toItem}: annotations, codecs, accessors, key and dirty-check set-up),
 * {@code createTableIfNotExists}, and the first session that saves and commits. Prints each phase's
 * CPU time of the main thread and wall time, in ms. Run it in many fresh JVMs, alternating the builds
 * compared: {@code FirstUse}.
 */
public final class FirstUse {
    private FirstUse() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Backend db = Backend.start("memory")) {
            FirstCommit.byHand(db.client());
            long[] cpu = new long[5];
            long[] wall = new long[5];
            cpu[0] = threads.getCurrentThreadCpuTime();
            wall[0] = System.nanoTime();
            SessionFactory sessions = Dynamapper.builder().client(db.client()).build();
            cpu[1] = threads.getCurrentThreadCpuTime();
            wall[1] = System.nanoTime();
            int attributes = sessions.mapper().toItem(item("model")).size();
            cpu[2] = threads.getCurrentThreadCpuTime();
            wall[2] = System.nanoTime();
            sessions.schema().createTableIfNotExists(UnitItem.class, Throughput.onDemand());
            cpu[3] = threads.getCurrentThreadCpuTime();
            wall[3] = System.nanoTime();
            try (Session s = sessions.openSession()) {
                s.save(item("first"));
                s.commit();
            }
            cpu[4] = threads.getCurrentThreadCpuTime();
            wall[4] = System.nanoTime();
            String[] phases = {"factory", "model", "table", "commit"};
            StringBuilder line = new StringBuilder("first use (CPU/wall ms):");
            for (int i = 0; i < phases.length; i++) {
                line.append(String.format(" %s %.1f/%.1f", phases[i], (cpu[i + 1] - cpu[i]) / 1e6,
                        (wall[i + 1] - wall[i]) / 1e6));
            }
            System.out.println(line + " (" + attributes + " attributes)");
        }
    }

    private static UnitItem item(String id) {
        UnitItem item = new UnitItem();
        item.id = id;
        item.s1 = "alpha-" + id;
        item.n1 = 1;
        return item;
    }
}
