package io.dynamapper.testkit;

import static java.util.Objects.requireNonNull;

import io.dynamapper.RetryPolicy;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.Throughput;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.inmemory.Faults;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A JUnit 5 extension that gives every test fresh DynamoDB tables for its entities and a
 * {@link SessionFactory} over them. The same tests run on any of:
 * <ul>
 * <li>{@link #inMemory()}: an {@link InMemoryDynamoDb} per extension, called in process (the default);</li>
 * <li>{@link #http()}: an {@link InMemoryDynamoDb} of its own served over HTTP, reached through the AWS
 *     SDK's real client;</li>
 * <li>{@link #endpoint(URI)} or {@link #client(Supplier)}: any DynamoDB (AWS test tables, a server the
 *     user runs), with a table name prefix per test and its tables deleted after it, so parallel runs
 *     do not collide.</li>
 * </ul>
 * Faults are injected with {@link #faults()} in every mode.
 *
 * <pre>{@code
 * class DoomMapServiceTest {
 *     @RegisterExtension
 *     static DynamapperExtension db = DynamapperExtension.inMemory().withEntities(DoomMap.class);
 *
 *     @Test
 *     void renames(SessionFactory sessions) {
 *         sessions.useTransaction(s -> s.save(new DoomMap(1, 1, "Hangar")));
 *         new DoomMapService(sessions).rename(1, 1, "Nuclear Plant");
 *         assertEquals("Nuclear Plant", sessions.inTransaction(s -> s.get(DoomMap.class, 1, 1).name));
 *     }
 *
 *     @Test
 *     void retriesThrottledCommits() {
 *         db.faults().on(Operation.PUT_ITEM).failNext(2, Fault.THROTTLING);
 *         new DoomMapService(db.sessions()).create(1, 2, "Nuclear Plant");   // succeeds on the 3rd try
 *     }
 * }
 * }</pre>
 *
 * <h2>Registration</h2>
 * <ul>
 * <li>Programmatically, in a {@code static} {@link RegisterExtension} field (preferred): the
 *     {@code with...} methods configure it, and {@link #sessions()}, {@link #client()} and
 *     {@link #memory()} reach it from any test or lifecycle method. A non-static field works too,
 *     with a new extension per test, but JUnit cannot then inject into the test's constructor.</li>
 * <li>Declaratively, with {@link ExtendWith @ExtendWith(DynamapperExtension.class)}: an in-memory extension
 *     with the default settings, whose entities are listed in an {@link Entities} annotation on the
 *     test class (or a superclass, or the enclosing class of a {@code @Nested} class); objects are
 *     reached through parameters.</li>
 * </ul>
 * Entities listed with {@link Entities} are added to those of {@link #withEntities} in both forms.
 * Use one {@code DynamapperExtension} per test class: two would compete for the same parameters.
 *
 * <h2>Configuration</h2>
 * Like Jdbi's {@code JdbiExtension}, the extension is configured by mutating it: each
 * {@code with...} method changes this extension and returns it, for chaining where it is declared.
 * Configuration ends when the extension starts — at its first callback, first injected parameter or
 * first call of {@link #sessions()} — after which a {@code with...} method throws
 * {@link IllegalStateException}.
 *
 * <h2>What every test gets</h2>
 * <ul>
 * <li>Before each test (and before the class's {@code @BeforeEach} methods): the in-memory database
 *     is emptied (elsewhere: the test gets a new table name prefix), then a table is created for each entity with
 *     {@code schema().createTableIfNotExists(type, Throughput.onDemand())}, with its indexes and time
 *     to live (two entities sharing one table create it once). Seed data in {@code @BeforeEach}, not
 *     {@code @BeforeAll}: nothing outlives a test.</li>
 * <li>Parameters of test methods, lifecycle methods and test constructors whose declared type is
 *     exactly {@link SessionFactory}, {@link DynamoDbClient} or {@link InMemoryDynamoDb}; other
 *     parameter types are left to other resolvers. The same instances serve every test of the
 *     extension.</li>
 * <li>After each test (and after the class's {@code @AfterEach} methods): the leak check, then the
 *     test's tables are dropped and the injected {@linkplain #faults() faults} and their counts are
 *     cleared (the latency sleeper is kept); in memory, the {@linkplain InMemoryDynamoDb#setClock clock}
 *     is reset to the system UTC clock and the {@linkplain InMemoryDynamoDb#requests() request log}
 *     cleared.</li>
 * </ul>
 *
 * <h2>Leak check</h2>
 * The {@link SessionFactory} handed out records where each session was opened. A session still open
 * at the end of a test is closed and fails the test with an {@link AssertionError} naming the method
 * and line that opened it (the full stack trace is the error's cause). Sessions run by
 * {@link SessionFactory#inTransaction} are always closed by the engine. Disable the check with
 * {@link #withLeakCheck withLeakCheck(false)}.
 *
 * <h2>Threads</h2>
 * The extension is thread-safe, but each test empties the whole database, so the tests of one
 * extension must not run concurrently; extensions of different classes are independent (in memory:
 * separate databases; elsewhere: separate table name prefixes).
 */
public final class DynamapperExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /**
     * The entities whose tables a test class needs, for {@code @ExtendWith(DynamapperExtension.class)}
     * (and added to {@link #withEntities} when the extension is registered programmatically). Found on
     * the test class, its superclasses (it is {@link Inherited}), the classes enclosing a
     * {@code @Nested} test class, and as a meta-annotation.
     *
     * <pre>{@code
     * @ExtendWith(DynamapperExtension.class)
     * @DynamapperExtension.Entities({DoomMap.class, Player.class})
     * class DoomMapServiceTest {
     *     @Test
     *     void renames(SessionFactory sessions) { ... }
     * }
     * }</pre>
     */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Entities {
        /**
         * The entity classes; each gets a fresh table for every test.
         *
         * @return the entity classes
         */
        Class<?>[] value();
    }

    /** A retry policy that retries like the default one but never sleeps. */
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.defaults().withSleeper(d -> { });

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynamapperExtension.class);

    private final Supplier<ExtensionBackend> backendFactory;
    private final String mode;                               // how it was created, for messages
    private final Set<Class<?>> entities = new LinkedHashSet<>();
    private RetryPolicy retryPolicy;
    private SessionOptions sessionOptions;
    private boolean leakCheck = true;

    private volatile ExtensionBackend backend;               // at creation in memory, else at start
    private volatile boolean closeRegistered;
    private volatile SessionFactory sessions;                // set at start
    private volatile ExtensionSessionFactory tracker;        // set at start if the leak check is on
    private volatile SessionFactory engineFactory;           // set at start: the factory the engine built

    /**
     * An in-memory extension with the default settings; used by
     * {@code @ExtendWith(DynamapperExtension.class)}. In code, prefer {@link #inMemory()}.
     */
    public DynamapperExtension() {
        this(null, "inMemory()");
        this.backend = ExtensionBackend.inMemory(InMemoryDynamoDb.create());
    }

    /** An extension whose backend {@code backendFactory} creates when the extension starts. */
    private DynamapperExtension(Supplier<ExtensionBackend> backendFactory, String mode) {
        this.backendFactory = backendFactory;
        this.mode = mode;
    }

    /**
     * A new extension over a new, empty {@link InMemoryDynamoDb} of its own, with no entities, a
     * retry policy that does not sleep, default session options and the leak check on.
     *
     * @return a new extension on the in-memory DynamoDB
     */
    public static DynamapperExtension inMemory() {
        return new DynamapperExtension();
    }

    /**
     * A new extension over an {@link InMemoryDynamoDb} of its own reached over HTTP, through the AWS
     * SDK's real client (its serialisation, signing, CRC checks and error parsing), otherwise like
     * {@link #inMemory()}. The server listens on a free loopback port from the extension's start until
     * the end of the test run; {@link #memory()} is the database behind it.
     *
     * @return a new extension
     */
    public static DynamapperExtension http() {
        return new DynamapperExtension(ExtensionBackend::http, "http()");
    }

    /**
     * A new extension over the DynamoDB at {@code endpoint} (a DynamoDB-compatible server, our
     * {@code java -jar} endpoint, ...), with region {@code us-east-1} and placeholder credentials;
     * for AWS use {@link #client(Supplier)}. Like {@link #client(Supplier)}, every test gets a table
     * name prefix of its own and its tables are deleted after it.
     *
     * @param endpoint e.g. {@code URI.create("http://localhost:8000")}
     * @return a new extension
     * @throws NullPointerException if {@code endpoint} is null
     */
    public static DynamapperExtension endpoint(URI endpoint) {
        requireNonNull(endpoint, "endpoint == null");
        return new DynamapperExtension(() -> ExtensionBackend.remote(() -> ExtensionBackend.endpointClient(endpoint),
                "the DynamoDB at " + endpoint), "endpoint(" + endpoint + ")");
    }

    /**
     * A new extension over the DynamoDB a client reaches: AWS test tables, a server the user runs,
     * anything. The supplier is called once, when the extension starts; the client is closed at the end
     * of the test run. Every test gets a fresh table name prefix ({@code dm<random>_}): its entities'
     * tables are created under prefixed names, the client the tests see adds and removes the prefix in
     * every request and response (ListTables shows only the test's tables), and the test's tables are
     * deleted after it. So tests and builds that share one DynamoDB do not collide, and tables of
     * others are never touched. Faults are injected with {@link #faults()}; there is no
     * {@link InMemoryDynamoDb}.
     *
     * @param clients creates the client, e.g. {@code DynamoDbClient::create}
     * @return a new extension
     * @throws NullPointerException if {@code clients} is null
     */
    public static DynamapperExtension client(Supplier<? extends DynamoDbClient> clients) {
        requireNonNull(clients, "clients == null");
        return new DynamapperExtension(() -> ExtensionBackend.remote(clients, "a user-supplied DynamoDbClient"),
                "client(...)");
    }

    /**
     * Adds entity classes: each gets a fresh table, with its indexes, for every test. May be called
     * more than once; adding a class twice has no effect.
     *
     * @param types the entity classes
     * @return this extension
     * @throws NullPointerException if {@code types} or one of them is null
     * @throws IllegalStateException if the extension has started
     */
    public synchronized DynamapperExtension withEntities(Class<?>... types) {
        requireNonNull(types, "types == null");
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new NullPointerException("types[" + i + "] == null");
            }
        }
        requireConfigurable("withEntities");
        entities.addAll(List.of(types));
        return this;
    }

    /**
     * The retry policy of commits and {@link SessionFactory#inTransaction}; default
     * {@code RetryPolicy.defaults().withSleeper(d -> {})}: five attempts that do not sleep.
     *
     * @param policy the retry policy
     * @return this extension
     * @throws NullPointerException if {@code policy} is null
     * @throws IllegalStateException if a retry policy was already set, or the extension has started
     */
    public synchronized DynamapperExtension withRetryPolicy(RetryPolicy policy) {
        requireNonNull(policy, "policy == null");
        requireConfigurable("withRetryPolicy");
        if (retryPolicy != null) {
            throw new IllegalStateException("the retry policy was already set to " + retryPolicy);
        }
        retryPolicy = policy;
        return this;
    }

    /**
     * The options of sessions opened without options; default {@link SessionOptions#defaults()}.
     *
     * @param options the session options
     * @return this extension
     * @throws NullPointerException if {@code options} is null
     * @throws IllegalStateException if session options were already set, or the extension has started
     */
    public synchronized DynamapperExtension withSessionOptions(SessionOptions options) {
        requireNonNull(options, "options == null");
        requireConfigurable("withSessionOptions");
        if (sessionOptions != null) {
            throw new IllegalStateException("the session options were already set to " + sessionOptions);
        }
        sessionOptions = options;
        return this;
    }

    /**
     * Turns the check for sessions left open at the end of a test on (the default) or off. When off,
     * the {@link SessionFactory} handed out is the engine's own.
     *
     * @param enabled whether a session left open fails the test
     * @return this extension
     * @throws IllegalStateException if the extension has started
     */
    public synchronized DynamapperExtension withLeakCheck(boolean enabled) {
        requireConfigurable("withLeakCheck");
        leakCheck = enabled;
        return this;
    }

    /**
     * The session factory of this extension, the one that is injected; starts the extension if
     * needed (ending its configuration).
     *
     * @return the injected session factory
     */
    public SessionFactory sessions() {
        SessionFactory s = sessions;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            startBackend();
            return sessions;
        }
    }

    /**
     * The DynamoDB client of this extension, the one that is injected: the {@link InMemoryDynamoDb} in
     * memory, else a client of the backend that injects {@link #faults()}; starts the extension if
     * needed.
     *
     * @return the client
     */
    public DynamoDbClient client() {
        sessions();
        return backend.client();
    }

    /**
     * The in-memory DynamoDB of this extension, to inject faults, set its clock or read the requests it
     * received; all are reset after each test. For {@link #inMemory()} available from the moment the
     * extension is created; for {@link #http()} it starts the extension.
     *
     * @return the in-memory DynamoDB
     * @throws IllegalStateException for {@link #endpoint} and {@link #client(Supplier)} extensions,
     *     which have none
     */
    public InMemoryDynamoDb memory() {
        ExtensionBackend b = backend;
        if (b == null) {
            sessions();
            b = backend;
        }
        InMemoryDynamoDb memory = b.memory();
        if (memory == null) {
            throw new IllegalStateException(noMemoryMessage());
        }
        return memory;
    }

    /**
     * The fault injection settings of this extension's client, in every mode: the in-memory DynamoDB's
     * own ({@link InMemoryDynamoDb#faults()}), or a decorator in front of the user's client
     * ({@link Faults#decorate}). Cleared after each test. Starts the extension if needed.
     *
     * @return the faults
     */
    public Faults faults() {
        ExtensionBackend b = backend;
        if (b == null) {
            sessions();
            b = backend;
        }
        return b.faults();
    }

    /** Starts the extension (see {@link #beforeEach}); tables are created before each test only. */
    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    /**
     * Starts the extension if needed, empties the database and creates the tables of the entities
     * given to {@link #withEntities} and listed in {@link Entities} annotations.
     *
     * @throws IllegalStateException if a table cannot be created; the message names the entity
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        start(context);
        backend.beforeEach();
        // the factory outlives the test's tables: its second-level cache must not remember their items
        Dynamapper.secondLevelCache(engineFactory).ifPresent(cache -> cache.invalidateAll());
        SessionFactory factory = sessions;
        for (Class<?> type : entitiesOf(context)) {
            try {
                factory.schema().createTableIfNotExists(type, Throughput.onDemand());
            } catch (RuntimeException e) {
                throw new IllegalStateException("DynamapperExtension could not create the table of entity "
                        + type.getName() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Runs the leak check, drops every table and, in memory, clears the faults and resets the clock.
     *
     * @throws AssertionError if the leak check is on and the test left a session open; the message
     *     names where it was opened
     */
    @Override
    public void afterEach(ExtensionContext context) {
        if (sessions == null) {
            return;                                              // never started: nothing to clean
        }
        List<Throwable> leaks = tracker == null ? List.of() : tracker.closeLeaked();
        RuntimeException cleanupFailure = null;
        try {
            backend.afterEach();
        } catch (RuntimeException e) {
            cleanupFailure = e;
        }
        if (!leaks.isEmpty()) {
            AssertionError error = leakError(leaks, context);
            if (cleanupFailure != null) {
                error.addSuppressed(cleanupFailure);
            }
            throw error;
        }
        if (cleanupFailure != null) {
            throw cleanupFailure;
        }
    }

    /**
     * Claims parameters whose declared type is exactly {@link SessionFactory}, {@link DynamoDbClient}
     * or {@link InMemoryDynamoDb}.
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == SessionFactory.class || type == DynamoDbClient.class || type == InMemoryDynamoDb.class;
    }

    /** The extension's session factory, client or in-memory DynamoDB; starts the extension if needed. */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        start(extensionContext);
        if (type == InMemoryDynamoDb.class) {
            InMemoryDynamoDb memory = backend.memory();
            if (memory == null) {
                throw new ParameterResolutionException("cannot inject " + parameterContext.getParameter()
                        + " into " + parameterContext.getDeclaringExecutable() + ": " + noMemoryMessage());
            }
            return memory;
        }
        return type == SessionFactory.class ? sessions : backend.client();
    }

    /** Starts the extension if needed and has JUnit close its backend when the test run ends. */
    private void start(ExtensionContext context) {
        if (sessions == null) {
            synchronized (this) {
                startBackend();
            }
        }
        if (!closeRegistered) {
            synchronized (this) {
                if (!closeRegistered) {
                    context.getRoot().getStore(NAMESPACE).put(this, backend);
                    closeRegistered = true;
                }
            }
        }
    }

    /** Creates the backend if needed and builds the session factory over it; ends configuration. Holds the lock. */
    private void startBackend() {
        if (sessions != null) {
            return;
        }
        if (backend == null) {
            backend = backendFactory.get();
        }
        DynamoDbClient ddb = backend.client();
        SessionFactory engine = Dynamapper.builder()
                .client(ddb)
                .retryPolicy(retryPolicy != null ? retryPolicy : FAST_RETRIES)
                .sessionOptions(sessionOptions != null ? sessionOptions : SessionOptions.defaults())
                .build();
        engineFactory = engine;
        if (leakCheck) {
            tracker = new ExtensionSessionFactory(engine);
            sessions = tracker;
        } else {
            sessions = engine;
        }
    }

    private void requireConfigurable(String method) {
        if (sessions != null) {
            throw new IllegalStateException(method + " was called after the extension started (at its first "
                    + "test, injected parameter or sessions() call); configure it where it is declared, e.g. "
                    + "DynamapperExtension.inMemory().withEntities(DoomMap.class)");
        }
    }

    private Set<Class<?>> entitiesOf(ExtensionContext context) {
        Set<Class<?>> all;
        synchronized (this) {
            all = new LinkedHashSet<>(entities);
        }
        // the test class, then the classes enclosing it if it is an inner (@Nested) class
        for (Class<?> c = context.getTestClass().orElse(null); c != null;
                c = Modifier.isStatic(c.getModifiers()) ? null : c.getEnclosingClass()) {
            AnnotationSupport.findAnnotation(c, Entities.class).ifPresent(a -> all.addAll(List.of(a.value())));
        }
        return all;
    }

    private static AssertionError leakError(List<Throwable> sites, ExtensionContext context) {
        StringBuilder message = new StringBuilder();
        message.append(sites.size() == 1 ? "1 session was" : sites.size() + " sessions were")
                .append(" left open by ").append(context.getDisplayName())
                .append("; close every session (try-with-resources), or disable this check with "
                        + "DynamapperExtension.withLeakCheck(false). Opened at:");
        for (Throwable site : sites) {
            StackTraceElement[] frames = site.getStackTrace();
            message.append("\n    ").append(frames.length > 0 ? frames[0] : "(unknown)");
        }
        AssertionError error = new AssertionError(message.toString(), sites.get(0));
        for (int i = 1; i < sites.size(); i++) {
            error.addSuppressed(sites.get(i));
        }
        return error;
    }

    private String noMemoryMessage() {
        return "DynamapperExtension." + mode + " runs on " + (backend == null ? "a DynamoDB of the user's" : backend.describe())
                + " and has no InMemoryDynamoDb; use client() or a DynamoDbClient parameter, and faults() to inject "
                + "faults";
    }
}
