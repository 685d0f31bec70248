package io.dynamapper.bench;

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
 * P1 steady state: the {@link UnitOfWork} (load 10 entities of 11 attributes, keys at random among
 * 500, change one attribute each, commit) through Dynamapper against the same work written by hand
 * with the SDK, without a ClientRequestToken ({@code sdkPlain}, what users write) and with one
 * ({@code sdkToken}, what Dynamapper sends), and through the SDK's Enhanced Client ({@code enhanced}); in process ({@code memory}) and over the in-memory
 * DynamoDB's HTTP endpoint on loopback ({@code http}). Ratios are taken between variants of one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CommitOverheadBenchmark {
    @Param({"memory", "http"})
    String backend;

    private UnitOfWork work;

    @Setup(Level.Trial)
    public void setUp() {
        work = new UnitOfWork(backend, 1 << 14);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        work.close();
    }

    /** Dynamapper: a session, get ×10, a field changed on each, commit. */
    @Benchmark
    public Object dynamapper() {
        return work.dynamapper();
    }

    /** By hand without a ClientRequestToken: GetItem ×10, TransactWriteItems of 10 versioned updates. */
    @Benchmark
    public Object sdkPlain() {
        return work.sdkPlain();
    }

    /** By hand with a ClientRequestToken (a random UUID), as Dynamapper sends. */
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
