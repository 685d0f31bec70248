package io.dynamapper.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P7: launches {@link FirstCommit} in {@code runs} fresh JVMs (same java, same classpath) and prints
 * the median, minimum and maximum of the time from JVM start to the first committed session, and of
 * the time from JVM start to {@code main}. Usage: {@code StartupHarness [memory|http] [runs] [dynamapper|sdk|enhanced|all]}; without a variant,
 * Dynamapper and the SDK by hand alternate (one JVM of each per run), so that the two medians see the
 * same background load; {@code all} adds the Enhanced Client to the rotation.
 */
public final class StartupHarness {
    private static final Pattern LINE = Pattern.compile("first committed session (\\d+) ms after JVM start \\(main entered at (\\d+) ms\\), process CPU (\\d+) ms");

    private StartupHarness() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String backend = args.length > 0 ? args[0] : "memory";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        List<String> variants = args.length < 3 ? List.of("dynamapper", "sdk")
                : args[2].equals("all") ? List.of("dynamapper", "sdk", "enhanced") : List.of(args[2]);
        Map<String, List<Long>> firstCommit = new LinkedHashMap<>();
        Map<String, List<Long>> toMain = new LinkedHashMap<>();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            for (String variant : variants) {
                long[] ms = launch(backend, variant);
                firstCommit.computeIfAbsent(variant, v -> new ArrayList<>()).add(ms[0]);
                toMain.computeIfAbsent(variant, v -> new ArrayList<>()).add(ms[1]);
                cpu.computeIfAbsent(variant, v -> new ArrayList<>()).add(ms[2]);
            }
        }
        for (String variant : variants) {
            System.out.println(backend + " " + variant + ", " + runs + " fresh JVMs: JVM start to first committed session "
                    + summary(firstCommit.get(variant)) + "; JVM start to main " + summary(toMain.get(variant))
                    + "; process CPU time until the first commit " + summary(cpu.get(variant)));
        }
    }

    /** One fresh JVM: {ms to the first committed session, ms to main, process CPU ms until then}. */
    private static long[] launch(String backend, String variant) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), FirstCommit.class.getName(), backend, variant);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output = String.join("\n", in.lines().toList());
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("FirstCommit " + backend + " " + variant + " failed:\n" + output);
        }
        Matcher m = LINE.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("FirstCommit printed no timing:\n" + output);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    private static String summary(List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        int n = sorted.size();
        long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return "median " + median + " ms (min " + sorted.get(0) + ", max " + sorted.get(n - 1) + ")";
    }
}
