package io.dynamapper.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * P1 cold with the background load shared fairly: {@code rounds} times, one fresh JVM per variant
 * (Dynamapper, SDK plain, SDK with token, Enhanced Client, in a rotating order), each timing its first
 * {@value ColdCommitBenchmark#UNITS} units of work after the same set-up as {@link ColdCommitBenchmark};
 * prints the median time per variant and the medians of the per-round ratios. JMH's single-shot forks
 * measure the same thing but run all forks of one variant before the next, minutes apart on a shared
 * machine. Usage: {@code ColdHarness [memory|http] [rounds]}.
 *
 * <p>A second line gives the same in CPU time of the whole child process over the 300 units
 * ({@code OperatingSystemMXBean.getProcessCpuTime()}: its threads, the JIT compiler's and the garbage
 * collector's included): what the cold start costs in work, which the waits for a core on a machine
 * shared with other builds do not inflate.
 */
public final class ColdHarness {
    private static final List<String> VARIANTS = List.of("dynamapper", "sdkPlain", "sdkToken", "enhanced");

    private ColdHarness() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 3 && args[0].equals("child")) {
            child(args[1], args[2]);
            return;
        }
        String backend = args.length > 0 ? args[0] : "memory";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int n = VARIANTS.size();
        double[][] ms = new double[n][rounds];
        double[][] cpuMs = new double[n][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < n; j++) {
                int v = (r + j) % n;
                double[] measured = launch(backend, VARIANTS.get(v));
                ms[v][r] = measured[0];
                cpuMs[v][r] = measured[1];
            }
        }
        print(String.format("%s cold, %d rounds of 4 fresh JVMs, first %d units", backend, rounds, ColdCommitBenchmark.UNITS), ms);
        print(backend + " cold, the same runs in CPU time of the child process", cpuMs);
    }

    private static void print(String what, double[][] ms) {
        int rounds = ms[0].length;
        double[] toPlain = new double[rounds];
        double[] toToken = new double[rounds];
        double[] toEnhanced = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            toPlain[r] = ms[0][r] / ms[1][r];
            toToken[r] = ms[0][r] / ms[2][r];
            toEnhanced[r] = ms[0][r] / ms[3][r];
        }
        System.out.printf("%s: dynamapper %.0f ms, sdkPlain %.0f ms, sdkToken %.0f ms, enhanced %.0f ms "
                        + "(medians); dynamapper/sdkPlain %.2f, dynamapper/sdkToken %.2f, dynamapper/enhanced %.2f "
                        + "(medians of per-round ratios)%n",
                what, median(ms[0]), median(ms[1]), median(ms[2]), median(ms[3]),
                median(toPlain), median(toToken), median(toEnhanced));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void child(String backend, String variant) {
        try (UnitOfWork work = new UnitOfWork(backend, ColdCommitBenchmark.UNITS)) {
            Supplier<Object> unit = switch (variant) {
                case "dynamapper" -> work::dynamapper;
                case "sdkPlain" -> work::sdkPlain;
                case "sdkToken" -> work::sdkToken;
                case "enhanced" -> work::enhanced;
                default -> throw new IllegalArgumentException("variant must be one of " + VARIANTS + ", was " + variant);
            };
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            for (int i = 0; i < ColdCommitBenchmark.UNITS; i++) {
                unit.get();
            }
            long end = System.nanoTime();
            System.out.println("cold ms " + (end - start) / 1e6 + " cpu " + (processCpuNanos() - cpu) / 1e6);
        }
    }

    /** One fresh JVM: {wall ms, process CPU ms} of its first units. */
    private static double[] launch(String backend, String variant) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), ColdHarness.class.getName(), "child", backend, variant);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines = new ArrayList<>(in.lines().toList());
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("cold " + backend + " " + variant + " failed:\n" + String.join("\n", lines));
        }
        return lines.stream().filter(l -> l.startsWith("cold ms ")).map(l -> l.substring(8).split(" cpu "))
                .map(parts -> new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])}).findFirst()
                .orElseThrow(() -> new IllegalStateException("cold " + backend + " " + variant + " printed no timing:\n" + String.join("\n", lines)));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
