package io.dynamapper.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.dynamapper.RetryPolicy;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.testkit.DynamapperExtension;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A module over the testkit extension's factory: fresh tables per test, the extension's leak check. */
class ExtensionFactoryTest {
    @RegisterExtension
    static final DynamapperExtension DB = DynamapperExtension.inMemory().withEntities(Counter.class);

    static class Counters {
        private final Session session;

        @Inject
        Counters(Session session) {
            this.session = session;
        }

        @Transactional
        void create(String id, long value) {
            session.save(new Counter(id, value));
        }
    }

    @Test
    void transactionalMethodsRunInTheExtensionsSessions(SessionFactory sessions) {
        Injector injector = Guice.createInjector(DynamapperModule.builder().sessionFactory(sessions)
                .retryPolicy(RetryPolicy.defaults().withSleeper(d -> { })).build());
        assertSame(sessions, injector.getInstance(SessionFactory.class));
        injector.getInstance(Counters.class).create("x", 5);
        long stored = sessions.inTransaction(s -> s.get(Counter.class, "x").value);
        assertEquals(5, stored);
    }
}
