package io.dynamapper.bench;

import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import java.util.ArrayList;
import java.util.List;
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
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * P3: how dirty checking scales. A session holds {@code managed} entities (read by a scan of the
 * in-memory DynamoDB); {@link #commitTenDirty} changes 10 of them and commits, {@link #isDirtyClean}
 * checks a session where nothing changed. The cost per clean entity is the slope between sizes:
 * (t(100 000) - t(1 000)) / 99 000. Run with {@code -prof gc} for allocation per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DirtyCheckBenchmark {
    @Param({"1000", "10000", "100000"})
    int managed;

    private Backend db;
    private Session session;
    private List<BenchItem> entities;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        db = Backend.start("memory");
        SessionFactory sessions = db.sessionsWithTable();
        // engine internals on purpose: bench is not published (never installed or deployed), and
        // seeding items without a session keeps the set-up out of the measured session
        var model = io.dynamapper.engine.internal.mapping.EntityModel.of(BenchItem.class);
        List<WriteRequest> batch = new ArrayList<>(25);
        for (int i = 0; i < managed; i++) {
            BenchItem item = new BenchItem("item-" + i);
            item.version = 1L;
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(model.toItem(item)).build()).build());
            if (batch.size() == 25 || i == managed - 1) {
                db.client().batchWriteItem(BatchWriteItemRequest.builder()
                        .requestItems(java.util.Map.of(CommitOverheadBenchmark.TABLE, List.copyOf(batch))).build());
                batch.clear();
            }
        }
        session = sessions.openSession();
        entities = session.scan(BenchItem.class).list();
        if (entities.size() != managed) {
            throw new IllegalStateException("expected " + managed + " entities, scanned " + entities.size());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        session.close();
        db.close();
    }

    /** Changes 10 entities and commits: one transaction of 10 updates, plus a check of every clean entity. */
    @Benchmark
    public Object commitTenDirty() {
        for (int i = 0; i < 10; i++) {
            entities.get(next).n2++;
            next = (next + 1) % managed;
        }
        session.commit();
        return session;
    }

    /** Checks a session in which nothing changed: the pure cost of comparing every entity with its snapshot. */
    @Benchmark
    public boolean isDirtyClean() {
        return session.isDirty();
    }
}
