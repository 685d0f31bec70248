package io.dynamapper.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the cases of a subclass on every selected backend. For each case and backend one test:
 * the backend's outcome must meet the case's expectation, and a backend other than the
 * reference must produce exactly the reference's normalised outcome (a string diff on failure).
 */
@ExtendWith(RunningBackends.Resolver.class)
abstract class ContractSuite {

    /** Adds this area's cases. */
    protected abstract void define(Cases cases);

    @TestFactory
    Stream<DynamicNode> contract(RunningBackends backends) {
        Cases cases = new Cases();
        define(cases);
        return cases.all().stream().map(c -> forCase(c, backends));
    }

    private static DynamicNode forCase(ContractCase c, RunningBackends backends) {
        Optional<RunningBackends.Running> reference =
                backends.all().stream().filter(RunningBackends.Running::isReference).findFirst();
        Outcome[] referenceOutcome = new Outcome[1];
        List<DynamicTest> tests = new ArrayList<>();
        for (RunningBackends.Running backend : backends.all()) {
            tests.add(DynamicTest.dynamicTest(backend.name(), () -> {
                Outcome outcome = run(c, backend);
                if (backend.isReference()) {
                    referenceOutcome[0] = outcome;
                }
                c.verify(outcome);
                if (!backend.isReference() && reference.isPresent()) {
                    Outcome expected = referenceOutcome[0] != null ? referenceOutcome[0] : run(c, reference.get());
                    assertEquals(expected.render(), outcome.render(),
                            () -> backend.name() + " differs from " + ContractBackends.REFERENCE + " on '" + c.name() + "'");
                }
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
            return Outcome.failure(e);
        }
        return Outcome.success(value);
    }
}
