package io.dynamapper.micrometer;

import static java.util.Objects.requireNonNull;

import io.dynamapper.CommitEvent;
import io.dynamapper.DynamapperListener;
import io.dynamapper.ReadEvent;
import io.dynamapper.RetryEvent;
import io.dynamapper.SessionFactory;
import io.dynamapper.engine.Dynamapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dynamapper's commits, reads, retries and second-level cache as Micrometer meters: a
 * {@link DynamapperListener} to register on the factory's builder, and a binder of the factory's
 * cache statistics.
 *
 * <pre>{@code
 * DynamapperMetrics metrics = DynamapperMetrics.create(registry);
 * SessionFactory sessions = Dynamapper.builder().client(client).listener(metrics).build();
 * metrics.bindCache(sessions);
 * }</pre>
 *
 * <table>
 * <caption>Meters (every one also carries the common tags given to {@link #create(MeterRegistry, Iterable)})</caption>
 * <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 * <tr><td>{@code dynamapper.commit}</td><td>timer</td><td>{@code outcome}, {@code table}</td>
 *     <td>commits that sent or tried to send writes</td></tr>
 * <tr><td>{@code dynamapper.commit.writes}</td><td>distribution summary</td><td>{@code table}</td>
 *     <td>actions per commit</td></tr>
 * <tr><td>{@code dynamapper.commit.conflicts}</td><td>counter</td><td>{@code table}</td>
 *     <td>commits that failed a version condition</td></tr>
 * <tr><td>{@code dynamapper.commit.unknown}</td><td>counter</td><td>{@code table}</td>
 *     <td>commits whose outcome is unknown</td></tr>
 * <tr><td>{@code dynamapper.retries}</td><td>counter</td><td>{@code operation}, {@code reason}, {@code table}</td>
 *     <td>requests sent again and units of work re-run</td></tr>
 * <tr><td>{@code dynamapper.read}</td><td>timer</td><td>{@code operation}, {@code table}, {@code cache}</td>
 *     <td>read requests and second-level cache hits</td></tr>
 * <tr><td>{@code dynamapper.read.items}</td><td>distribution summary</td><td>{@code operation}, {@code table}</td>
 *     <td>items per read</td></tr>
 * </table>
 *
 * <p>Tag values: {@code outcome} is {@code committed}, {@code conflict}, {@code retries_exhausted},
 * {@code outcome_unknown} or {@code rejected}; {@code operation} of reads is {@code get},
 * {@code batch_get}, {@code query} or {@code scan}, of retries {@code commit}, {@code read} or
 * {@code unit_of_work}; {@code reason} is {@code throttled}, {@code transaction_conflict},
 * {@code server_or_network}, {@code unprocessed_keys} or {@code optimistic_lock};
 * {@code cache} is {@code hit}, {@code miss} or {@code none};
 * {@code table} is the table's name, {@value #MULTIPLE} for a commit of several tables, or
 * {@value #NONE} for a unit of work.
 *
 * <p>{@link #bindCache(SessionFactory)} adds Micrometer's Caffeine meters ({@code cache.gets} with
 * {@code result} hit/miss, {@code cache.puts}, {@code cache.evictions}, {@code cache.size}, ...) tagged
 * {@code cache=dynamapper}.
 *
 * <p>Thread-safe; one instance may serve several factories.
 */
public final class DynamapperMetrics implements DynamapperListener {
    /** The {@code table} tag of a commit that wrote several tables. */
    public static final String MULTIPLE = "multiple";
    /** The {@code table} tag of a retry that concerns no single table (a unit of work). */
    public static final String NONE = "none";
    /** The {@code cache} tag of the second-level cache's meters bound by {@link #bindCache(SessionFactory)}. */
    public static final String CACHE_NAME = "dynamapper";

    private final MeterRegistry registry;
    private final Tags common;
    private final Map<Object, Timer> timers = new ConcurrentHashMap<>();
    private final Map<Object, DistributionSummary> summaries = new ConcurrentHashMap<>();
    private final Map<Object, Counter> counters = new ConcurrentHashMap<>();

    private DynamapperMetrics(MeterRegistry registry, Tags common) {
        this.registry = registry;
        this.common = common;
    }

    /**
     * Metrics recorded in {@code registry}, without common tags.
     *
     * @param registry where meters are registered
     * @return a listener to pass to {@code Dynamapper.builder().listener(...)}
     * @throws NullPointerException if {@code registry} is null
     */
    public static DynamapperMetrics create(MeterRegistry registry) {
        return create(registry, Tags.empty());
    }

    /**
     * Metrics recorded in {@code registry}, every meter also tagged with {@code tags}.
     *
     * @param registry where meters are registered
     * @param tags tags added to every meter, e.g. {@code Tags.of("factory", "orders")}
     * @return a listener to pass to {@code Dynamapper.builder().listener(...)}
     * @throws NullPointerException if {@code registry} or {@code tags} is null
     */
    public static DynamapperMetrics create(MeterRegistry registry, Iterable<Tag> tags) {
        requireNonNull(registry, "registry == null");
        requireNonNull(tags, "tags == null");
        return new DynamapperMetrics(registry, Tags.of(tags));
    }

    /**
     * Binds the statistics of {@code sessions}' second-level cache with Micrometer's Caffeine binder,
     * tagged {@code cache=dynamapper} and the common tags. Does nothing if the factory's cache is
     * switched off. For several factories in one registry, give each its own common tags.
     *
     * @param sessions a factory built by {@code Dynamapper.builder()}
     * @return this
     * @throws NullPointerException if {@code sessions} is null
     * @throws IllegalArgumentException if {@code sessions} was not built by {@code Dynamapper.builder()}
     */
    public DynamapperMetrics bindCache(SessionFactory sessions) {
        requireNonNull(sessions, "sessions == null");
        Dynamapper.secondLevelCache(sessions)
                .ifPresent(cache -> CaffeineCacheMetrics.monitor(registry, cache, CACHE_NAME, common));
        return this;
    }

    @Override
    public void onCommit(CommitEvent event) {
        String table = event.tables().size() == 1 ? event.tables().iterator().next() : MULTIPLE;
        String outcome = tag(event.outcome());
        timers.computeIfAbsent(new Key("commit", outcome, table, null), k -> Timer.builder("dynamapper.commit")
                .description("Commits that sent or tried to send writes")
                .tags(common).tag("outcome", outcome).tag("table", table).register(registry))
                .record(event.duration());
        summaries.computeIfAbsent(new Key("writes", table, null, null), k -> DistributionSummary
                .builder("dynamapper.commit.writes").description("Actions per commit").baseUnit("actions")
                .tags(common).tag("table", table).register(registry))
                .record(event.writes());
        if (event.outcome() == CommitEvent.Outcome.CONFLICT) {
            counter("dynamapper.commit.conflicts", "Commits that failed a version condition", table);
        } else if (event.outcome() == CommitEvent.Outcome.OUTCOME_UNKNOWN) {
            counter("dynamapper.commit.unknown", "Commits whose outcome is unknown", table);
        }
    }

    private void counter(String name, String description, String table) {
        counters.computeIfAbsent(new Key(name, table, null, null), k -> Counter.builder(name).description(description)
                .tags(common).tag("table", table).register(registry)).increment();
    }

    @Override
    public void onRead(ReadEvent event) {
        String operation = tag(event.operation());
        String cache = tag(event.cache());
        String table = event.table();
        timers.computeIfAbsent(new Key("read", operation, table, cache), k -> Timer.builder("dynamapper.read")
                .description("Read requests and second-level cache hits")
                .tags(common).tag("operation", operation).tag("table", table).tag("cache", cache).register(registry))
                .record(event.duration());
        summaries.computeIfAbsent(new Key("items", operation, table, null), k -> DistributionSummary
                .builder("dynamapper.read.items").description("Items per read").baseUnit("items")
                .tags(common).tag("operation", operation).tag("table", table).register(registry))
                .record(event.items());
    }

    @Override
    public void onRetry(RetryEvent event) {
        String operation = tag(event.operation());
        String reason = tag(event.reason());
        String table = event.table().orElse(event.operation() == RetryEvent.Operation.COMMIT ? MULTIPLE : NONE);
        counters.computeIfAbsent(new Key("retries", operation, reason, table), k -> Counter.builder("dynamapper.retries")
                .description("Requests sent again and units of work re-run")
                .tags(common).tag("operation", operation).tag("reason", reason).tag("table", table).register(registry))
                .increment();
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The identity of a meter among those of one kind. */
    private record Key(String kind, String a, String b, String c) {
    }

    @Override
    public String toString() {
        return "DynamapperMetrics(" + registry.getClass().getSimpleName() + common + ")";
    }
}
