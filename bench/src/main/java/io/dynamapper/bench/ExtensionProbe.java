package io.dynamapper.bench;

import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.testkit.DynamapperExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test class {@link ExtensionPerTest} runs: each repetition gets fresh tables from
 * {@link DynamapperExtension}, saves one entity and reads it back in a second session, which is what
 * a small unit test of a repository does.
 */
public class ExtensionProbe {
    static final int TESTS = 200;

    @RegisterExtension
    static DynamapperExtension db = DynamapperExtension.inMemory().withEntities(UnitItem.class);

    @RepeatedTest(TESTS)
    void savesAndReads(SessionFactory sessions) {
        UnitItem item = new UnitItem();
        item.id = "probe";
        item.s1 = "alpha";
        item.n1 = 1;
        sessions.useTransaction(s -> s.save(item));
        try (Session s = sessions.openSession()) {
            if (s.get(UnitItem.class, "probe").n1 != 1) {
                throw new AssertionError("read back a different n1");
            }
        }
    }
}
