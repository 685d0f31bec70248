package io.dynamapper.inmemory.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fixed expected outcome of every case of one suite: the resource {@code <Suite>.outcomes} next
 * to the suite's class, one block per case,
 *
 * <pre>
 * == case name
 * the rendered outcome (one or more lines)
 * </pre>
 *
 * The outcomes were first recorded from the in-memory DynamoDB when it matched DynamoDB Local on every
 * case, then corrected where DynamoDB Local departs from the AWS API reference (see
 * {@code package-info.java}). To add a case: write it, run the suite (it fails for the missing
 * outcome), check the outcome it wrote to {@code target/contract-outcomes/<backend>/<Suite>.outcomes}
 * against the AWS documentation, and copy the block into the resource.
 */
final class RecordedOutcomes {
    private static final String HEADER = "== ";

    private final String suite;
    private final Map<String, String> outcomes;

    private RecordedOutcomes(String suite, Map<String, String> outcomes) {
        this.suite = suite;
        this.outcomes = outcomes;
    }

    /** The recorded outcomes of {@code suite}; none if it has no resource yet. */
    static RecordedOutcomes of(Class<?> suite) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        try (InputStream in = suite.getResourceAsStream(suite.getSimpleName() + ".outcomes")) {
            if (in != null) {
                parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), outcomes, suite);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RecordedOutcomes(suite.getSimpleName(), outcomes);
    }

    private static void parse(BufferedReader reader, Map<String, String> out, Class<?> suite) throws IOException {
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith(HEADER)) {
                put(out, name, body, suite);
                name = line.substring(HEADER.length());
                body.setLength(0);
            } else if (name != null) {
                body.append(body.length() > 0 ? "\n" : "").append(line);
            } else if (!line.isBlank()) {
                throw new IllegalStateException(suite.getSimpleName() + ".outcomes: text before the first '== name' line: "
                        + line);
            }
        }
        put(out, name, body, suite);
    }

    private static void put(Map<String, String> out, String name, StringBuilder body, Class<?> suite) {
        if (name != null && out.put(name, body.toString().stripTrailing()) != null) {
            throw new IllegalStateException(suite.getSimpleName() + ".outcomes records '" + name + "' twice");
        }
    }

    /** Asserts that {@code outcome} is the one recorded for the case {@code name}. */
    void assertOutcome(String name, String backend, Outcome outcome) {
        String expected = outcomes.get(name);
        if (expected == null) {
            fail(suite + ".outcomes has no outcome for '" + name + "'; " + backend + " rendered:\n" + outcome.render()
                    + "\n(check it against the AWS documentation, then add it; see target/contract-outcomes/)");
        }
        assertEquals(expected, outcome.render(), () -> backend + " differs from the recorded outcome of '" + name + "'");
    }

    /** Asserts that the resource records exactly the cases named. */
    void assertRecordsExactly(List<String> names) {
        Set<String> extra = new TreeSet<>(outcomes.keySet());
        names.forEach(extra::remove);
        Set<String> missing = new TreeSet<>(names);
        missing.removeAll(outcomes.keySet());
        if (!extra.isEmpty() || !missing.isEmpty()) {
            fail(suite + ".outcomes does not match the suite's cases: recorded but no such case " + extra
                    + "; cases without a recorded outcome " + missing);
        }
    }

    /** Writes what {@code backend} rendered for the suite's cases so far, for review and for new cases. */
    static synchronized void write(String suite, String backend, Map<String, String> rendered) {
        Path file = Path.of("target", "contract-outcomes", backend, suite + ".outcomes");
        StringBuilder text = new StringBuilder();
        rendered.forEach((name, outcome) -> text.append(HEADER).append(name).append('\n').append(outcome).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
        }
    }
}
