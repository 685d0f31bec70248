package io.dynamapper.bench;

import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import java.lang.management.ManagementFactory;

/**
 * P4 start-up: the time from JVM start (the runtime's start time) to the first committed session on a
 * fresh in-memory DynamoDB, in process or over HTTP. Usage: {@code FirstCommit [memory|http]}; run each
 * in a fresh JVM ({@link StartupHarness} does, many times).
 */
public final class FirstCommit {
    private FirstCommit() {
    }

    public static void main(String[] args) {
        long mainEntered = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String backend = args.length > 0 ? args[0] : "memory";
        try (Backend db = Backend.start(backend)) {
            SessionFactory sessions = db.sessionsWithTable();
            try (Session s = sessions.openSession()) {
                s.save(new BenchItem("first"));
                s.commit();
            }
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println(backend + ": first committed session " + sinceStart + " ms after JVM start (main entered at "
                    + mainEntered + " ms)");
        }
    }
}
