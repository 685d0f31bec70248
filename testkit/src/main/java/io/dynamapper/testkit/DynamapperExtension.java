package io.dynamapper.testkit;

import static java.util.Objects.requireNonNull;

import io.dynamapper.RetryPolicy;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.Throughput;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A JUnit 5 extension that gives every test fresh DynamoDB tables for its entities and a
 * {@link SessionFactory} over them, in memory ({@link #inMemory()}, an {@link InMemoryDynamoDb} per
 * extension).
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
 *         db.memory().faults().on(Operation.PUT_ITEM).failNext(2, Fault.THROTTLING);
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
 * <li>Before each test (and before the class's {@code @BeforeEach} methods): the database is
 *     emptied, then a table is created for each entity with
 *     {@code schema().createTableIfNotExists(type, Throughput.onDemand())}, with its indexes and time
 *     to live (two entities sharing one table create it once). Seed data in {@code @BeforeEach}, not
 *     {@code @BeforeAll}: nothing outlives a test.</li>
 * <li>Parameters of test methods, lifecycle methods and test constructors whose declared type is
 *     exactly {@link SessionFactory}, {@link DynamoDbClient} or {@link InMemoryDynamoDb}; other
 *     parameter types are left to other resolvers. The same instances serve every test of the
 *     extension.</li>
 * <li>After each test (and after the class's {@code @AfterEach} methods): the leak check, then every
 *     table is dropped; for the in-memory flavour the injected {@linkplain InMemoryDynamoDb#faults()
 *     faults} and their counts are cleared and the {@linkplain InMemoryDynamoDb#setClock clock} is
 *     reset to the system UTC clock (the faults' latency sleeper is kept).</li>
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
 * extension must not run concurrently; in-memory extensions of different classes are independent.
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
        /** The entity classes; each gets a fresh table for every test. */
        Class<?>[] value();
    }

    /** A retry policy that retries like the default one but never sleeps. */
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.defaults().withSleeper(d -> { });

    private final InMemoryDynamoDb memory;
    private final Set<Class<?>> entities = new LinkedHashSet<>();
    private RetryPolicy retryPolicy;
    private SessionOptions sessionOptions;
    private boolean leakCheck = true;

    private volatile DynamoDbClient client;
    private volatile SessionFactory sessions;                // set at start
    private volatile ExtensionSessionFactory tracker;        // set at start if the leak check is on

    /**
     * An in-memory extension with the default settings; used by
     * {@code @ExtendWith(DynamapperExtension.class)}. In code, prefer {@link #inMemory()}.
     */
    public DynamapperExtension() {
        this(InMemoryDynamoDb.create());
    }

    /** An extension over {@code memory}. */
    private DynamapperExtension(InMemoryDynamoDb memory) {
        this.memory = memory;
        this.client = memory;
    }

    /**
     * A new extension over a new, empty {@link InMemoryDynamoDb} of its own, with no entities, a
     * retry policy that does not sleep, default session options and the leak check on.
     */
    public static DynamapperExtension inMemory() {
        return new DynamapperExtension();
    }

    /**
     * Adds entity classes: each gets a fresh table, with its indexes, for every test. May be called
     * more than once; adding a class twice has no effect.
     *
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
     */
    public SessionFactory sessions() {
        SessionFactory s = sessions;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            start(memory);
            return sessions;
        }
    }

    /** The DynamoDB client of this extension, the one that is injected: the {@link InMemoryDynamoDb}. */
    public DynamoDbClient client() {
        return client;
    }

    /**
     * The in-memory DynamoDB of this extension, to inject faults or set its clock; both are reset
     * after each test. Available from the moment the extension is created.
     */
    public InMemoryDynamoDb memory() {
        return memory;
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
        dropAllTables();
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
            dropAllTables();
        } catch (RuntimeException e) {
            cleanupFailure = e;
        } finally {
            memory.faults().clear();
            memory.setClock(Clock.systemUTC());
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
        if (type == InMemoryDynamoDb.class) {
            return memory;
        }
        start(extensionContext);
        return type == SessionFactory.class ? sessions : client;
    }

    private void start(ExtensionContext context) {
        if (sessions != null) {
            return;
        }
        synchronized (this) {
            if (sessions == null) {
                start(memory);
            }
        }
    }

    /** Builds the session factory over {@code ddb}; ends configuration. Called holding the lock. */
    private void start(DynamoDbClient ddb) {
        if (sessions != null) {
            return;
        }
        SessionFactory engine = Dynamapper.builder()
                .client(ddb)
                .retryPolicy(retryPolicy != null ? retryPolicy : FAST_RETRIES)
                .sessionOptions(sessionOptions != null ? sessionOptions : SessionOptions.defaults())
                .build();
        client = ddb;
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

    /** Empties the database. */
    private void dropAllTables() {
        memory.reset();
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
}
