package io.dynamapper.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P1 cold: the first {@value #UNITS} units of work of {@link CommitOverheadBenchmark} in a fresh JVM,
 * what a short test run pays. One shot of {@value #UNITS} calls per fork, no warm-up; the score is the
 * time of the whole batch, averaged over forks. The backend (table, items, session factory) is set up
 * with the plain SDK before the shot, so the shot includes everything Dynamapper does on first use of
 * the entity class (model building, class loading, interpretation before JIT compilation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1, batchSize = ColdCommitBenchmark.UNITS)
@Fork(20)
public class ColdCommitBenchmark {
    static final int UNITS = 300;

    @Param({"memory", "http"})
    String backend;

    private UnitOfWork work;

    @Setup(Level.Trial)
    public void setUp() {
        work = new UnitOfWork(backend, UNITS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        work.close();
    }

    /** Dynamapper's unit of work, from the first one on. */
    @Benchmark
    public Object dynamapper() {
        return work.dynamapper();
    }

    /** By hand without a ClientRequestToken. */
    @Benchmark
    public Object sdkPlain() {
        return work.sdkPlain();
    }

    /** By hand with a ClientRequestToken. */
    @Benchmark
    public Object sdkToken() {
        return work.sdkToken();
    }

    /** Through the AWS SDK's Enhanced Client. */
    @Benchmark
    public Object enhanced() {
        return work.enhanced();
    }
}
