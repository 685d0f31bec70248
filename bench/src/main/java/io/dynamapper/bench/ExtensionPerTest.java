package io.dynamapper.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * P7 per test: runs {@link ExtensionProbe} ({@value ExtensionProbe#TESTS} tests, each with fresh tables
 * from {@code DynamapperExtension}) through the JUnit Platform in this JVM and prints the time of the
 * first test (which starts the extension and the in-memory DynamoDB and builds the entity model) and
 * the median and mean of the others, from the engine's start-of-test to end-of-test events (the
 * extension's before- and after-each callbacks included). Run in a fresh JVM.
 */
public final class ExtensionPerTest {
    private ExtensionPerTest() {
    }

    public static void main(String[] args) {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> started = new HashMap<>();
        TestExecutionListener timer = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier test) {
                if (test.isTest()) {
                    started.put(test.getUniqueId(), System.nanoTime());
                }
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failures.add(test.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse("aborted"));
                }
                if (test.isTest()) {
                    nanos.add(System.nanoTime() - started.get(test.getUniqueId()));
                }
            }
        };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ExtensionProbe.class)).build(), timer);
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        if (!failures.isEmpty() || nanos.size() != ExtensionProbe.TESTS) {
            throw new IllegalStateException(nanos.size() + " of " + ExtensionProbe.TESTS + " tests ran; failures: " + failures);
        }
        List<Long> rest = new ArrayList<>(nanos.subList(1, nanos.size()));
        double mean = rest.stream().mapToLong(Long::longValue).average().orElseThrow() / 1e6;
        Collections.sort(rest);
        System.out.printf("DynamapperExtension, %d tests: first %.1f ms; the others median %.2f ms, mean %.2f ms, max %.1f ms; "
                        + "JVM start to the end of the run %d ms%n",
                nanos.size(), nanos.get(0) / 1e6, rest.get(rest.size() / 2) / 1e6, mean, rest.get(rest.size() - 1) / 1e6, sinceStart);
    }
}
