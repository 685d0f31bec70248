package io.dynamapper.guice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.BindingAnnotation;
import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.OutOfScopeException;
import com.google.inject.spi.Elements;
import com.google.inject.spi.InterceptorBinding;
import io.dynamapper.RetryPolicy;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.guice.TestBackend.RecordingSleeper;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamapperModuleTest {
    private final RetryPolicy policy = TestBackend.policy(3, new RecordingSleeper());

    @BindingAnnotation
    @Retention(RetentionPolicy.RUNTIME)
    @interface Orders {
    }

    @jakarta.inject.Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @interface Audit {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface NotABindingAnnotation {
    }

    @BindingAnnotation
    @interface ClassRetained {
    }

    // --- builder ---------------------------------------------------------------------------------

    static final class LocalClientProvider implements Provider<DynamoDbClient> {
        static volatile int constructed;
        private final String name;

        @Inject
        LocalClientProvider(@Named("client name") String name) {
            this.name = name;
            constructed++;
        }

        @Override
        public DynamoDbClient get() {
            assertEquals("local", name);
            return SharedDb.client();
        }
    }

    @Test
    void builderRejectsMissingAndConflictingClients() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> DynamapperModule.builder().build());
        assertTrue(none.getMessage().contains("a client is required"), none.getMessage());
        IllegalStateException both = assertThrows(IllegalStateException.class, () -> DynamapperModule.builder()
                .client(SharedDb.client()).clientProvider(LocalClientProvider.class).build());
        assertTrue(both.getMessage().contains(LocalClientProvider.class.getName()), both.getMessage());
        assertTrue(both.getMessage().contains("choose one"), both.getMessage());
    }

    @Test
    void builderRejectsNullsAndSettingsGivenTwice() {
        DynamapperModule.Builder builder = DynamapperModule.builder();
        assertEquals("dynamoDbClient == null",
                assertThrows(NullPointerException.class, () -> builder.client(null)).getMessage());
        assertThrows(NullPointerException.class, () -> builder.clientProvider(null));
        assertThrows(NullPointerException.class, () -> builder.retryPolicy(null));
        assertThrows(NullPointerException.class, () -> builder.sessionOptions(null));
        assertThrows(NullPointerException.class, () -> builder.annotatedWith(null));
        assertEquals("client == null", assertThrows(NullPointerException.class,
                () -> new DynamapperModule((software.amazon.awssdk.services.dynamodb.DynamoDbClient) null)).getMessage());
        assertEquals("sessionFactory == null", assertThrows(NullPointerException.class,
                () -> new DynamapperModule((io.dynamapper.SessionFactory) null)).getMessage());
        assertEquals("factory == null", assertThrows(NullPointerException.class,
                () -> builder.sessionFactory(null)).getMessage());

        builder.client(SharedDb.client()).retryPolicy(policy).sessionOptions(SessionOptions.defaults())
                .annotatedWith(Orders.class).clientProvider(LocalClientProvider.class);
        assertTrue(assertThrows(IllegalStateException.class, () -> builder.client(SharedDb.client()))
                .getMessage().startsWith("client was already set to "));
        assertThrows(IllegalStateException.class, () -> builder.clientProvider(LocalClientProvider.class));
        assertTrue(assertThrows(IllegalStateException.class, () -> builder.retryPolicy(policy))
                .getMessage().contains("retryPolicy was already set to " + policy));
        assertThrows(IllegalStateException.class, () -> builder.sessionOptions(SessionOptions.defaults()));
        assertTrue(assertThrows(IllegalStateException.class, () -> builder.annotatedWith(Audit.class))
                .getMessage().contains(Orders.class.getName()));
    }

    @Test
    void builderRejectsWhatIsNotARuntimeBindingAnnotation() {
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class,
                () -> DynamapperModule.builder().annotatedWith(NotABindingAnnotation.class));
        assertTrue(plain.getMessage().contains(NotABindingAnnotation.class.getName()), plain.getMessage());
        IllegalArgumentException retention = assertThrows(IllegalArgumentException.class,
                () -> DynamapperModule.builder().annotatedWith(ClassRetained.class));
        assertTrue(retention.getMessage().contains("RUNTIME"), retention.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DynamapperModule.builder().annotatedWith(Transactional.Default.class));
    }

    // --- bindings --------------------------------------------------------------------------------

    @Test
    void bindsASingletonFactoryTheSessionAndTheUnitOfWork() {
        Injector injector = Guice.createInjector(new DynamapperModule(SharedDb.client()));
        SessionFactory factory = injector.getInstance(SessionFactory.class);
        assertSame(factory, injector.getInstance(SessionFactory.class));
        assertSame(injector.getInstance(Session.class), injector.getInstance(Session.class));
        assertSame(injector.getInstance(UnitOfWork.class), injector.getInstance(UnitOfWork.class));
        try (Session s = factory.openSession()) {
            assertFalse(s.isDirty());
        }
        assertThrows(ConfigurationException.class,
                () -> injector.getInstance(Key.get(DynamoDbClient.class, FactoryClient.class)),
                "the client is private to the module");
    }

    @Test
    void aClientProviderIsConstructedByTheInjector() {
        int before = LocalClientProvider.constructed;
        Injector injector = Guice.createInjector(
                DynamapperModule.builder().clientProvider(LocalClientProvider.class).build(),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bindConstant().annotatedWith(com.google.inject.name.Names.named("client name")).to("local");
                        // the application's own client does not clash with the module's
                        bind(DynamoDbClient.class).toInstance(SharedDb.client());
                    }
                });
        String id = "p-" + UUID.randomUUID();
        injector.getInstance(UnitOfWork.class).run(() -> {
            Session session = injector.getInstance(Session.class);
            session.save(new Counter(id, 5));
            session.commit();
        });
        assertEquals(5, SharedDb.storedValue(id));
        assertEquals(before + 1, LocalClientProvider.constructed);
    }

    @Test
    void aModuleInstanceGivesEachInjectorItsOwnFactoryAndUnit() {
        DynamapperModule module = new DynamapperModule(SharedDb.client());
        Injector first = Guice.createInjector(module);
        Injector second = Guice.createInjector(module);
        assertNotSame(first.getInstance(SessionFactory.class), second.getInstance(SessionFactory.class));
        UnitOfWork firstUnit = first.getInstance(UnitOfWork.class);
        firstUnit.begin();
        try {
            assertFalse(second.getInstance(UnitOfWork.class).isActive());
        } finally {
            firstUnit.end();
        }
    }

    @Test
    void oneInterceptorBindingPerModule() {
        long interceptors = Elements.getElements(new DynamapperModule(SharedDb.client())).stream()
                .filter(InterceptorBinding.class::isInstance).count();
        assertEquals(1, interceptors);
    }

    // --- matching ----------------------------------------------------------------------------------

    interface Handler<T> {
        T handle(T input);
    }

    @Transactional
    static class AnnotatedClass implements Handler<String> {
        @Override
        @Transactional(maxAttempts = 2)
        public String handle(String input) {
            return input;
        }

        public void plain() {
        }
    }

    static class MethodsOnly {
        @Transactional(unit = Orders.class)
        public void orders() {
        }

        public void notTransactional() {
        }
    }

    @Test
    void theMatcherSkipsBridgesAndResolvesTheMethodAnnotationFirst() throws Exception {
        TransactionalMethods methods = new TransactionalMethods(Transactional.Default.class, SessionOptions.defaults());
        Method handle = AnnotatedClass.class.getDeclaredMethod("handle", String.class);
        Method bridge = Arrays.stream(AnnotatedClass.class.getDeclaredMethods())
                .filter(Method::isBridge).findFirst().orElseThrow();
        assertTrue(methods.matches(handle));
        assertFalse(methods.matches(bridge));
        assertEquals(2, methods.attributes(handle).orElseThrow().maxAttempts());
        Method plain = AnnotatedClass.class.getDeclaredMethod("plain");
        assertTrue(methods.matches(plain));
        assertEquals(0, methods.attributes(plain).orElseThrow().maxAttempts());
        assertSame(methods.attributes(plain).orElseThrow(), methods.attributes(plain).orElseThrow(), "cached");

        assertFalse(methods.matches(MethodsOnly.class.getDeclaredMethod("orders")));
        assertFalse(methods.matches(MethodsOnly.class.getDeclaredMethod("notTransactional")));
        assertTrue(new TransactionalMethods(Orders.class, SessionOptions.defaults()).matches(MethodsOnly.class.getDeclaredMethod("orders")));
    }

    static class BadAttempts {
        @Transactional(maxAttempts = -1)
        public void bad() {
        }
    }

    @Test
    void aNegativeMaxAttemptsFailsWhenGuiceFirstBuildsTheClass() {
        Injector injector = Guice.createInjector(new DynamapperModule(SharedDb.client()));
        Exception e = assertThrows(Exception.class, () -> injector.getInstance(BadAttempts.class));
        assertTrue(String.valueOf(e.getMessage()).contains("maxAttempts = -1"), e.getMessage());
    }

    // --- several factories -------------------------------------------------------------------------

    static class OrdersAndAudit {
        final Session orders;
        final Session audit;
        final UnitOfWork ordersUnit;
        final UnitOfWork auditUnit;
        final AuditLog auditLog;

        @Inject
        OrdersAndAudit(@Orders Session orders, @Audit Session audit, @Orders UnitOfWork ordersUnit,
                       @Audit UnitOfWork auditUnit, AuditLog auditLog) {
            this.orders = orders;
            this.audit = audit;
            this.ordersUnit = ordersUnit;
            this.auditUnit = auditUnit;
            this.auditLog = auditLog;
        }

        @Transactional(unit = Orders.class)
        void placeOrder(String id, String auditId) {
            assertTrue(ordersUnit.isActive());
            assertFalse(auditUnit.isActive());
            assertThrows(OutOfScopeException.class, () -> audit.find(Counter.class, auditId));
            orders.save(new Counter(id, 1));
            auditLog.record(auditId);   // its own transaction in the audit unit, committed on return
        }
    }

    static class AuditLog {
        final Session audit;
        final UnitOfWork auditUnit;

        @Inject
        AuditLog(@Audit Session audit, @Audit UnitOfWork auditUnit) {
            this.audit = audit;
            this.auditUnit = auditUnit;
        }

        @Transactional(unit = Audit.class)
        void record(String id) {
            assertTrue(auditUnit.isActive());
            audit.save(new Counter(id, 2));
        }
    }

    @Test
    void twoFactoriesWithBindingAnnotationsEachRunTheirOwnUnit() {
        RecordingClient ordersClient = new RecordingClient(SharedDb.client());
        RecordingClient auditClient = new RecordingClient(SharedDb.client());
        Injector injector = Guice.createInjector(
                TestBackend.module(ordersClient.client(), policy).annotatedWith(Orders.class).build(),
                TestBackend.module(auditClient.client(), policy).annotatedWith(Audit.class).build());
        assertNotSame(injector.getInstance(Key.get(SessionFactory.class, Orders.class)),
                injector.getInstance(Key.get(SessionFactory.class, Audit.class)));
        assertThrows(ConfigurationException.class, () -> injector.getInstance(SessionFactory.class));

        String orderId = "o-" + UUID.randomUUID();
        String auditId = "a-" + UUID.randomUUID();
        injector.getInstance(OrdersAndAudit.class).placeOrder(orderId, auditId);

        assertEquals(1, SharedDb.storedValue(orderId));
        assertEquals(2, SharedDb.storedValue(auditId));
        assertEquals(1, ordersClient.writes().size());
        assertEquals(1, auditClient.writes().size());
        for (Class<? extends Annotation> a : java.util.List.of(Orders.class, Audit.class)) {
            ThreadUnitOfWork unit = (ThreadUnitOfWork) injector.getInstance(Key.get(UnitOfWork.class, a));
            assertFalse(unit.isActive());
            assertFalse(unit.isTransactionActive());
        }
    }

    static class UnitProbe {
        final UnitOfWork defaultUnit;
        final UnitOfWork ordersUnit;

        @Inject
        UnitProbe(UnitOfWork defaultUnit, @Orders UnitOfWork ordersUnit) {
            this.defaultUnit = defaultUnit;
            this.ordersUnit = ordersUnit;
        }

        @Transactional
        String inDefault() {
            return "default " + defaultUnit.isActive() + ", orders " + ordersUnit.isActive();
        }

        @Transactional(unit = Orders.class)
        String inOrders() {
            return "default " + defaultUnit.isActive() + ", orders " + ordersUnit.isActive();
        }
    }

    @Test
    void eachModuleRunsOnlyTheMethodsOfItsUnit() {
        Injector injector = Guice.createInjector(
                new DynamapperModule(SharedDb.client()),
                TestBackend.module(SharedDb.client(), policy).annotatedWith(Orders.class).build());
        UnitProbe probe = injector.getInstance(UnitProbe.class);
        assertEquals("default true, orders false", probe.inDefault());
        assertEquals("default false, orders true", probe.inOrders());
        assertFalse(probe.defaultUnit.isActive());
        assertFalse(probe.ordersUnit.isActive());
    }
}
