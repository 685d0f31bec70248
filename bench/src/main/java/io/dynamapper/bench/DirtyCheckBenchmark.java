package io.dynamapper.bench;

import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * P3: how dirty checking scales. A session holds {@code managed} entities of seven attributes (read by
 * a scan of the in-memory DynamoDB): {@link ProbeItem}, whose attributes include a {@code List<String>}
 * of three strings ({@code shape = list}), or {@link ScalarProbeItem}, the same with a string in its
 * place ({@code scalar}). {@link #commitTenDirty} changes 10 of them and commits, {@link #isDirtyClean}
 * checks a session where nothing changed. Cost per clean entity: {@code isDirtyClean / managed}, and
 * for the commit the slope between sizes, (t(100 000) - t(1 000)) / 99 000. Run with {@code -prof gc}
 * for allocation per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DirtyCheckBenchmark {
    @Param({"1000", "10000", "100000"})
    int managed;

    @Param({"list", "scalar"})
    String shape;

    private Backend db;
    private Session session;
    private List<ProbeItem> lists;
    private List<ScalarProbeItem> scalars;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        db = Backend.start("memory");
        SessionFactory sessions = db.sessions();
        boolean list = switch (shape) {
            case "list" -> true;
            case "scalar" -> false;
            default -> throw new IllegalArgumentException("shape must be list or scalar, was " + shape);
        };
        Class<?> type = list ? ProbeItem.class : ScalarProbeItem.class;
        sessions.schema().createTableIfNotExists(type, Throughput.onDemand());
        String table = list ? "probe_item" : "scalar_probe_item";
        List<WriteRequest> batch = new ArrayList<>(25);
        for (int i = 0; i < managed; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(i, list)).build()).build());
            if (batch.size() == 25 || i == managed - 1) {
                db.client().batchWriteItem(BatchWriteItemRequest.builder().requestItems(Map.of(table, List.copyOf(batch))).build());
                batch.clear();
            }
        }
        session = sessions.openSession();
        int scanned;
        if (list) {
            lists = session.scan(ProbeItem.class).list();
            scanned = lists.size();
        } else {
            scalars = session.scan(ScalarProbeItem.class).list();
            scanned = scalars.size();
        }
        if (scanned != managed) {
            throw new IllegalStateException("expected " + managed + " entities, scanned " + scanned);
        }
    }

    private static Map<String, AttributeValue> item(int i, boolean list) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS("item-" + i));
        item.put("name", AttributeValue.fromS("name of item " + i));
        item.put("city", AttributeValue.fromS("city " + (i % 97)));
        item.put("n1", AttributeValue.fromN(Integer.toString(i)));
        item.put("n2", AttributeValue.fromN("0"));
        item.put("tags", list
                ? AttributeValue.fromL(List.of(AttributeValue.fromS("red-" + i), AttributeValue.fromS("green"), AttributeValue.fromS("blue")))
                : AttributeValue.fromS("red-" + i + ",green,blue"));
        item.put("version", AttributeValue.fromN("1"));
        return item;
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
            if (lists != null) {
                lists.get(next).n2++;
            } else {
                scalars.get(next).n2++;
            }
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
