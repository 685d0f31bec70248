package io.dynamapper.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * P1 ratios that hold up on a loaded machine: the variants of {@link UnitOfWork} on one backend,
 * warmed up, then measured in alternating blocks (Dynamapper, SDK plain, SDK with token, in a rotating
 * order; with a fifth argument {@code enhanced}, the Enhanced Client as a fourth), so that each block of Dynamapper is compared with baseline blocks run a moment apart under
 * the same background load. Prints the median over blocks of the per-block ratios and of the µs per unit.
 * Usage: {@code Interleaved [memory|http] [warm-up units per variant] [blocks] [units per block] [enhanced]};
 * with 0 warm-up units and 1 block of 300 in a fresh JVM it measures the cold start instead.
 *
 * <p>A second line gives the same figures in CPU time of the measuring thread
 * ({@link ThreadMXBean#getCurrentThreadCpuTime()}): on a machine shared with other work, wall time
 * includes the time the thread waited for a core, CPU time does not. It leaves out what other threads
 * do for a variant (the garbage collector, the JIT compiler; in process the in-memory DynamoDB runs
 * on the calling thread, over HTTP its server threads are left out), so it slightly favours the
 * variant that allocates more; quote it in process, next to the wall-time line.
 *
 * <p>The Enhanced Client is left out unless asked for: it allocates several times more than the
 * others and runs code paths of the SDK and the in-memory DynamoDB with other types, which makes the
 * other variants slower in its company (Dynamapper more than the hand-written code), so P1's ratios are
 * taken without it.
 */
public final class Interleaved {
    private Interleaved() {
    }

    public static void main(String[] args) {
        String backend = args.length > 0 ? args[0] : "memory";
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int perBlock = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        boolean withEnhanced = args.length > 4 && args[4].equals("enhanced");
        try (UnitOfWork work = new UnitOfWork(backend, 1 << 14)) {
            List<Supplier<Object>> variants = new ArrayList<>(List.of(work::dynamapper, work::sdkPlain, work::sdkToken));
            if (withEnhanced) {
                variants.add(work::enhanced);
            }
            for (int i = 0; i < warmup; i++) {
                for (Supplier<Object> v : variants) {
                    v.get();
                }
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int n = variants.size();
            double[][] micros = new double[n][blocks];
            double[][] cpuMicros = new double[n][blocks];
            for (int b = 0; b < blocks; b++) {
                for (int j = 0; j < n; j++) {
                    int v = (b + j) % n;
                    long cpu = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    for (int i = 0; i < perBlock; i++) {
                        variants.get(v).get();
                    }
                    micros[v][b] = (System.nanoTime() - start) / 1e3 / perBlock;
                    cpuMicros[v][b] = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / perBlock;
                }
            }
            print(backend + ", " + warmup + " warm-up units per variant, " + blocks + " blocks of " + perBlock, micros);
            print(backend + ", the same blocks in CPU time of the measuring thread", cpuMicros);
        }
    }

    private static void print(String what, double[][] micros) {
        int blocks = micros[0].length;
        double[] toPlain = new double[blocks];
        double[] toToken = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            toPlain[b] = micros[0][b] / micros[1][b];
            toToken[b] = micros[0][b] / micros[2][b];
        }
        String enhanced = "";
        if (micros.length > 3) {
            double[] toEnhanced = new double[blocks];
            for (int b = 0; b < blocks; b++) {
                toEnhanced[b] = micros[0][b] / micros[3][b];
            }
            enhanced = String.format("; enhanced %.1f µs, dynamapper/enhanced %.3f (quartiles %s)",
                    median(micros[3]), median(toEnhanced), quartiles(toEnhanced));
        }
        System.out.printf("%s: dynamapper %.1f µs, sdkPlain %.1f µs, "
                        + "sdkToken %.1f µs per unit (medians); dynamapper/sdkPlain %.3f (quartiles %s), dynamapper/sdkToken %.3f (quartiles %s)%s%n",
                what, median(micros[0]), median(micros[1]), median(micros[2]),
                median(toPlain), quartiles(toPlain), median(toToken), quartiles(toToken), enhanced);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String quartiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        List<String> q = new ArrayList<>();
        q.add(String.format("%.3f", sorted[sorted.length / 4]));
        q.add(String.format("%.3f", sorted[(3 * sorted.length) / 4]));
        return String.join("-", q);
    }
}
