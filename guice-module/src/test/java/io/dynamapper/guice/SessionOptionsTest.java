package io.dynamapper.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.dynamapper.Isolation;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.guice.TestBackend.RecordingSleeper;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** {@code @Transactional(consistentReads = ..., isolation = ...)}: the session a method runs in. */
class SessionOptionsTest {
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private RecordingClient recording;
    private String a;
    private String b;

    static class Service {
        final Session session;
        final AtomicInteger runs = new AtomicInteger();

        @Inject
        Service(Session session) {
            this.session = session;
        }

        @Transactional
        long plain(String id) {
            runs.incrementAndGet();
            return session.get(Counter.class, id).value;
        }

        @Transactional(consistentReads = true)
        long consistent(String id) {
            runs.incrementAndGet();
            return session.get(Counter.class, id).value;
        }

        /** Reads {@code read}, writes {@code written}: serializable, the commit checks {@code read}. */
        @Transactional(isolation = Isolation.SERIALIZABLE)
        void copy(String read, String written) {
            runs.incrementAndGet();
            session.get(Counter.class, written).value = session.get(Counter.class, read).value;
        }

        @Transactional
        long plainCallingConsistent(String id) {
            return consistent(id);
        }
    }

    @BeforeEach
    void setUp() {
        recording = new RecordingClient(SharedDb.client());
        a = "a-" + UUID.randomUUID();
        b = "b-" + UUID.randomUUID();
        SessionFactory seed = io.dynamapper.engine.Dynamapper.builder().client(SharedDb.client()).build();
        seed.useTransaction(s -> {
            s.save(new Counter(a, 1));
            s.save(new Counter(b, 2));
        });
    }

    private Service service(DynamapperModule.Builder module) {
        Injector injector = Guice.createInjector(module.build());
        return injector.getInstance(Service.class);
    }

    private List<Boolean> consistentGets() {
        return recording.requests(GetItemRequest.class).stream().map(GetItemRequest::consistentRead).toList();
    }

    @Test
    void consistentReadsOnlyWhereAMethodAsksForThem() {
        Service service = service(TestBackend.module(recording.client(), TestBackend.policy(3, sleeper)));
        assertEquals(1, service.plain(a));
        assertEquals(1, service.consistent(a));
        assertEquals(List.of(false, true), consistentGets());
    }

    @Test
    void serializableChecksWhatTheMethodOnlyRead() {
        Service service = service(TestBackend.module(recording.client(), TestBackend.policy(3, sleeper)));
        service.copy(a, b);
        List<TransactWriteItemsRequest> commits = recording.requests(TransactWriteItemsRequest.class);
        assertEquals(1, commits.size(), "the update of b and the check of a, in one transaction");
        assertEquals(1, commits.get(0).transactItems().stream().filter(i -> i.conditionCheck() != null).count());
        assertEquals(1, SharedDb.storedValue(b));
    }

    @Test
    void methodOptionsStrengthenTheModulesAndNeverWeakenThem() {
        Service service = service(TestBackend.module(recording.client(), TestBackend.policy(3, sleeper))
                .sessionOptions(SessionOptions.defaults().withConsistentReads(true)));
        service.copy(a, b);   // serializable, and still consistent as the module says
        assertEquals(List.of(true, true), consistentGets());
        assertEquals(1, recording.requests(TransactWriteItemsRequest.class).size());
        service.plain(a);
        assertEquals(List.of(true, true, true), consistentGets());
    }

    @Test
    void aSessionOpenedWithoutTheOptionsIsAnErrorBeforeTheMethodRuns() throws Exception {
        Injector injector = Guice.createInjector(
                TestBackend.module(recording.client(), TestBackend.policy(3, sleeper)).build());
        Service service = injector.getInstance(Service.class);
        UnitOfWork unit = injector.getInstance(UnitOfWork.class);
        Session session = injector.getInstance(Session.class);

        IllegalStateException opened = assertThrows(IllegalStateException.class, () -> unit.call(() -> {
            session.find(Counter.class, a);                 // the unit's session, opened eventually consistent
            return service.consistent(a);
        }));
        assertTrue(opened.getMessage().contains("needs consistent reads")
                && opened.getMessage().contains("already opened in the unit of work"), opened.getMessage());

        IllegalStateException joined = assertThrows(IllegalStateException.class, () -> service.plainCallingConsistent(a));
        assertTrue(joined.getMessage().contains("of the transaction it joins"), joined.getMessage());
        assertEquals(0, service.runs.get(), "the method never ran");

        assertEquals(1, unit.call(() -> service.consistent(a)), "options apply when the method opens the session");
        assertEquals(List.of(false, true), consistentGets());
        assertFalse(unit.isActive());
    }

    @Test
    void aModuleOverAnExistingFactoryBindsThatFactory() {
        SessionFactory factory = io.dynamapper.engine.Dynamapper.builder().client(recording.client()).build();
        Injector injector = Guice.createInjector(DynamapperModule.builder().sessionFactory(factory)
                .retryPolicy(TestBackend.policy(3, sleeper)).build());
        assertSame(factory, injector.getInstance(SessionFactory.class));
        Service service = injector.getInstance(Service.class);
        assertEquals(2, service.plain(b));
        assertEquals(2, service.consistent(b));
        assertEquals(List.of(false, true), consistentGets());

        assertSame(factory, Guice.createInjector(new DynamapperModule(factory)).getInstance(SessionFactory.class));
    }

    @Test
    void aGivenFactoryExcludesOtherSourcesAndSessionOptions() {
        SessionFactory factory = io.dynamapper.engine.Dynamapper.builder().client(SharedDb.client()).build();
        IllegalStateException two = assertThrows(IllegalStateException.class, () -> DynamapperModule.builder()
                .sessionFactory(factory).client(SharedDb.client()).build());
        assertTrue(two.getMessage().contains("choose one"), two.getMessage());
        IllegalStateException options = assertThrows(IllegalStateException.class, () -> DynamapperModule.builder()
                .sessionFactory(factory).sessionOptions(SessionOptions.defaults()).build());
        assertTrue(options.getMessage().contains("the factory's own options apply"), options.getMessage());
        assertThrows(IllegalStateException.class, () -> DynamapperModule.builder().sessionFactory(factory)
                .sessionFactory(factory));
    }
}
