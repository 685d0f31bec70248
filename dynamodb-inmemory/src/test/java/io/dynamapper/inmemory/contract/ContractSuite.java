package io.dynamapper.inmemory.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the cases of a subclass on every selected backend. For each case and backend one test:
 * the backend's outcome must meet the case's expectation and equal the case's recorded outcome
 * ({@link RecordedOutcomes}, a string diff on failure). One more test checks that the recorded
 * outcomes name exactly the suite's cases.
 */
@ExtendWith(RunningBackends.Resolver.class)
abstract class ContractSuite {

    /** Adds this area's cases. */
    protected abstract void define(Cases cases);

    @TestFactory
    Stream<DynamicNode> contract(RunningBackends backends) {
        Cases cases = new Cases();
        define(cases);
        RecordedOutcomes recorded = RecordedOutcomes.of(getClass());
        String suite = getClass().getSimpleName();
        Map<String, Map<String, String>> rendered = new LinkedHashMap<>();
        List<DynamicNode> nodes = new ArrayList<>();
        for (ContractCase c : cases.all()) {
            nodes.add(forCase(c, backends, recorded, suite, rendered));
        }
        List<String> names = cases.all().stream().map(ContractCase::name).toList();
        nodes.add(DynamicTest.dynamicTest("recorded outcomes name exactly these cases",
                () -> recorded.assertRecordsExactly(names)));
        return nodes.stream();
    }

    private static DynamicNode forCase(ContractCase c, RunningBackends backends, RecordedOutcomes recorded,
            String suite, Map<String, Map<String, String>> rendered) {
        List<DynamicTest> tests = new ArrayList<>();
        for (RunningBackends.Running backend : backends.all()) {
            tests.add(DynamicTest.dynamicTest(backend.name(), () -> {
                Outcome outcome = run(c, backend);
                Map<String, String> mine = rendered.computeIfAbsent(backend.name(), k -> new LinkedHashMap<>());
                mine.put(c.name(), outcome.render());
                RecordedOutcomes.write(suite, backend.name(), mine);
                c.verify(outcome);
                recorded.assertOutcome(c.name(), backend.name(), outcome);
            }));
        }
        return DynamicContainer.dynamicContainer(c.name(), tests);
    }

    static Outcome run(ContractCase c, RunningBackends.Running backend) {
        Db db = new Db(backend.instance().client());
        db.dropAllTables();
        Object value;
        try {
            value = c.action().run(db);
        } catch (Db.SetupFailed e) {
            throw e;
        } catch (Exception e) {
            return Outcome.failure(e, c.messages());
        }
        return Outcome.success(value);
    }
}
