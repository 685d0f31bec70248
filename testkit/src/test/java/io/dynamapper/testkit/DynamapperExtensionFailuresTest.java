package io.dynamapper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.testkit.DynamapperExtensionCases.Player;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * How tests using {@link DynamapperExtension} fail: each fixture class below is run through the
 * Jupiter engine with {@link EngineTestKit}, and the outcome of each of its tests is checked. The
 * fixtures are nested classes (Surefire does not run those on their own) and disabled unless the
 * configuration parameter {@value #FIXTURES} is set, so an IDE does not run them either.
 */
class DynamapperExtensionFailuresTest {
    static final String FIXTURES = "io.dynamapper.testkit.extension-fixtures";

    /** Keeps the fixtures below from running except through {@link #run}. */
    static final class OnlyThroughEngineTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(FIXTURES, Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("run by DynamapperExtensionFailuresTest")
                    : ConditionEvaluationResult.disabled("a fixture of DynamapperExtensionFailuresTest");
        }
    }

    /** Runs a fixture class and returns the finished tests' results by method name. */
    private static Map<String, TestExecutionResult> run(Class<?> fixture) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .configurationParameter(FIXTURES, "true")
                .execute()
                .testEvents();
        Map<String, TestExecutionResult> results = new TreeMap<>();
        for (Event e : tests.finished().list()) {
            String name = e.getTestDescriptor().getDisplayName().replaceAll("\\(.*", "");
            results.put(name, e.getRequiredPayload(TestExecutionResult.class));
        }
        return results;
    }

    private static Throwable failure(TestExecutionResult result) {
        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus(), () -> "expected a failure: " + result);
        return result.getThrowable().orElseThrow();
    }

    private static void assertSucceeded(TestExecutionResult result) {
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, result.getStatus(),
                () -> "expected success: " + result.getThrowable().map(Throwable::toString).orElse(""));
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), () -> "expected to contain <" + expected + "> but was <" + actual + ">");
    }

    // ---- the leak check, in memory ------------------------------------------------------------

    static Session leaked;

    @ExtendWith(OnlyThroughEngineTestKit.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class LeakyInMemory {
        @RegisterExtension
        static final DynamapperExtension db = DynamapperExtension.inMemory().withEntities(Player.class);

        @Test
        @Order(1)
        void leaksOne(SessionFactory sessions) {
            leaked = sessions.openSession();
            leaked.find(Player.class, "alice");
        }

        @Test
        @Order(2)
        void leaksTwo(SessionFactory sessions) {
            sessions.openSession();
            db.sessions().openSession();
        }

        @Test
        @Order(3)
        void closesItsSession(SessionFactory sessions) {
            try (Session s = sessions.openSession()) {
                s.save(new Player("alice", "Alice"));
                s.commit();
            }
            sessions.useTransaction(s -> s.get(Player.class, "alice").name = "Alicia");
        }
    }

    @Test
    void aSessionLeftOpenFailsTheTestNamingWhereItWasOpened() {
        Map<String, TestExecutionResult> results = run(LeakyInMemory.class);
        assertEquals(3, results.size(), results::toString);

        Throwable one = failure(results.get("leaksOne"));
        assertInstanceOf(AssertionError.class, one);
        assertContains("1 session was left open by leaksOne(SessionFactory)", one.getMessage());
        assertContains("withLeakCheck(false)", one.getMessage());
        assertContains("Opened at:\n    io.dynamapper.testkit.DynamapperExtensionFailuresTest$LeakyInMemory"
                + ".leaksOne(DynamapperExtensionFailuresTest.java:", one.getMessage());
        assertNotNull(one.getCause(), "the stack trace where the session was opened");
        assertEquals("leaksOne", one.getCause().getStackTrace()[0].getMethodName());

        Throwable two = failure(results.get("leaksTwo"));
        assertContains("2 sessions were left open by leaksTwo(SessionFactory)", two.getMessage());
        assertEquals(2, two.getMessage().split("\\.leaksTwo\\(", -1).length - 1, two.getMessage());
        assertEquals(1, two.getSuppressed().length);

        assertSucceeded(results.get("closesItsSession"));
        assertThrows(IllegalStateException.class, () -> leaked.find(Player.class, "alice"),
                "the extension closes the session it reports");
    }

    // ---- the leak check turned off ------------------------------------------------------------

    @ExtendWith(OnlyThroughEngineTestKit.class)
    static class LeakCheckOff {
        @RegisterExtension
        static final DynamapperExtension db = DynamapperExtension.inMemory().withEntities(Player.class)
                .withLeakCheck(false);

        @Test
        void leaks(SessionFactory sessions) {
            sessions.openSession().find(Player.class, "alice");
        }
    }

    @Test
    void withLeakCheckFalseLetsASessionStayOpen() {
        assertSucceeded(run(LeakCheckOff.class).get("leaks"));
    }

    // ---- parameters the extension does not claim, and entities it cannot create ----------------

    @ExtendWith(OnlyThroughEngineTestKit.class)
    static class BadParameterAndBadEntity {
        @RegisterExtension
        static final DynamapperExtension db = DynamapperExtension.inMemory();

        @Test
        void wantsAReportEntry(ReportEntry unsupported) {
        }
    }

    @Test
    void aParameterOfAnotherTypeIsLeftToOtherResolvers() {
        Throwable e = failure(run(BadParameterAndBadEntity.class).get("wantsAReportEntry"));
        assertContains("No ParameterResolver registered for parameter [org.junit.platform.engine.reporting.ReportEntry",
                e.getMessage());
    }

    @ExtendWith(OnlyThroughEngineTestKit.class)
    static class NotAnEntity {
        @RegisterExtension
        static final DynamapperExtension db = DynamapperExtension.inMemory().withEntities(String.class);

        @Test
        void needsATableForString() {
        }
    }

    @Test
    void aClassThatIsNotAnEntityFailsTheTestNamingIt() {
        Throwable e = failure(run(NotAnEntity.class).get("needsATableForString"));
        assertInstanceOf(IllegalStateException.class, e);
        assertContains("DynamapperExtension could not create the table of entity java.lang.String", e.getMessage());
    }
}
