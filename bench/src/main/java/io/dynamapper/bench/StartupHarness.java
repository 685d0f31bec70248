package io.dynamapper.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P7: launches {@link FirstCommit} in {@code runs} fresh JVMs (same java, same classpath) and prints
 * the median, minimum and maximum of the time from JVM start to the first committed session, and of
 * the time from JVM start to {@code main}. Usage: {@code StartupHarness [memory|http] [runs] [jvm options...]}.
 */
public final class StartupHarness {
    private static final Pattern LINE = Pattern.compile("first committed session (\\d+) ms after JVM start \\(main entered at (\\d+) ms\\)");

    private StartupHarness() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String backend = args.length > 0 ? args[0] : "memory";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Long> firstCommit = new ArrayList<>();
        List<Long> toMain = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(List.of(args).subList(Math.min(2, args.length), args.length));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), FirstCommit.class.getName(), backend));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                output = String.join("\n", in.lines().toList());
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException("FirstCommit " + backend + " failed:\n" + output);
            }
            Matcher m = LINE.matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("FirstCommit printed no timing:\n" + output);
            }
            firstCommit.add(Long.parseLong(m.group(1)));
            toMain.add(Long.parseLong(m.group(2)));
        }
        System.out.println(backend + ", " + runs + " fresh JVMs: JVM start to first committed session "
                + summary(firstCommit) + "; JVM start to main " + summary(toMain));
    }

    private static String summary(List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        int n = sorted.size();
        long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return "median " + median + " ms (min " + sorted.get(0) + ", max " + sorted.get(n - 1) + ")";
    }
}
