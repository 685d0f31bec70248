package io.dynamapper.engine.internal.session;

import static java.util.Objects.requireNonNull;

import io.dynamapper.BulkWriteOptions;
import io.dynamapper.BulkWriter;
import io.dynamapper.DynamapperException;
import io.dynamapper.ItemMapper;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.RetryEvent;
import io.dynamapper.RetryPolicy;
import io.dynamapper.SchemaManager;
import io.dynamapper.Session;
import io.dynamapper.SessionCallback;
import io.dynamapper.SessionConsumer;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.bulk.BatchWriter;
import io.dynamapper.engine.internal.keys.KeyGenerator;
import io.dynamapper.engine.internal.mapping.EntityItemMapper;
import io.dynamapper.engine.internal.cache.SecondLevelCache;
import io.dynamapper.engine.internal.listener.Listeners;
import io.dynamapper.engine.internal.mapping.ModelRegistry;
import io.dynamapper.engine.internal.retry.RetryBudget;
import io.dynamapper.engine.internal.schema.TableManager;
import io.dynamapper.engine.internal.validation.EntityValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The engine's {@link SessionFactory}: immutable and thread-safe; sessions it opens are not.
 *
 * <p>Every retry of a unit of work draws from one {@link RetryBudget} of the factory's
 * {@link RetryPolicy} (or the session options' own): a commit's transient retries (throttling,
 * transaction conflicts, 5xx, timeouts), a read's, and, in {@link #inTransaction}, re-runs of the
 * whole work in a fresh session after an {@link OptimisticLockException}. The SDK client's own retry
 * strategy, whatever it is configured to, runs inside each attempt.
 */
public final class DefaultSessionFactory implements SessionFactory {
    private final DynamoDbClient client;
    private final RetryPolicy retryPolicy;
    private final SessionOptions defaults;
    private final SchemaManager schema;
    private final SessionServices services;
    private final ItemMapper mapper;
    private final LongSupplier nanoClock;
    private final SecondLevelCache cache;
    private final Listeners listeners;
    private final ModelRegistry models;

    /** Creates a factory without second-level cache, listeners and validator; sends no request. */
    public DefaultSessionFactory(DynamoDbClient client, RetryPolicy retryPolicy, SessionOptions defaults) {
        this(client, retryPolicy, defaults, SecondLevelCache.disabled(), Listeners.none(), System::nanoTime,
                Optional.empty(), ModelRegistry.DEFAULT);
    }

    /**
     * Creates a factory; sends no request.
     *
     * @param cache the second-level cache its sessions share ({@link SecondLevelCache#disabled()} for none)
     * @param listeners told of commits, reads and retries
     * @param validator validates new and changed entities before each commit, if present
     * @param models the factory's entity models, with its registered codecs
     */
    public DefaultSessionFactory(DynamoDbClient client, RetryPolicy retryPolicy, SessionOptions defaults,
                                 SecondLevelCache cache, Listeners listeners, Optional<EntityValidator> validator,
                                 ModelRegistry models) {
        this(client, retryPolicy, defaults, cache, listeners, System::nanoTime, validator, models);
    }

    /**
     * Creates a factory without a validator, with the built-in codecs only; sends no request.
     *
     * @param cache the second-level cache its sessions share ({@link SecondLevelCache#disabled()} for none)
     * @param listeners told of commits, reads and retries
     */
    public DefaultSessionFactory(DynamoDbClient client, RetryPolicy retryPolicy, SessionOptions defaults,
                                 SecondLevelCache cache, Listeners listeners) {
        this(client, retryPolicy, defaults, cache, listeners, Optional.empty(), ModelRegistry.DEFAULT);
    }

    /** A factory whose commits measure DynamoDB's token window with {@code nanoClock}, for tests. */
    DefaultSessionFactory(DynamoDbClient client, RetryPolicy retryPolicy, SessionOptions defaults,
                          LongSupplier nanoClock) {
        this(client, retryPolicy, defaults, SecondLevelCache.disabled(), Listeners.none(), nanoClock,
                Optional.empty(), ModelRegistry.DEFAULT);
    }

    private DefaultSessionFactory(DynamoDbClient client, RetryPolicy retryPolicy, SessionOptions defaults,
                                  SecondLevelCache cache, Listeners listeners, LongSupplier nanoClock,
                                  Optional<EntityValidator> validator, ModelRegistry models) {
        this.client = requireNonNull(client, "client == null");
        this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
        this.defaults = requireNonNull(defaults, "defaults == null");
        this.cache = requireNonNull(cache, "cache == null");
        this.listeners = requireNonNull(listeners, "listeners == null");
        this.nanoClock = requireNonNull(nanoClock, "nanoClock == null");
        this.models = requireNonNull(models, "models == null");
        this.schema = new TableManager(client, models);
        this.mapper = new EntityItemMapper(models);
        this.services = new SessionServices(new KeyGenerator(client),
                requireNonNull(validator, "validator == null").orElse(null));
    }

    @Override
    public Session openSession() {
        return openSession(defaults);
    }

    @Override
    public Session openSession(SessionOptions options) {
        requireNonNull(options, "options == null");
        return new SessionImpl(client, options.retryPolicy().orElse(retryPolicy), options, nanoClock, cache,
                listeners, services, models);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each run opens a session with the factory's default options, runs the work, commits and
     * closes the session. Every retry inside (a commit's, a read's) and every re-run draws from one
     * retry budget of the policy, so the work runs at most {@code maxAttempts} times and at most
     * {@code maxAttempts - 1} requests are sent again in all. A {@link RetriesExhaustedException}
     * means the budget is spent: it is not re-run. The work may run more than once, each time in a
     * fresh session: it must be safe to re-run (no side effects outside the session, or idempotent
     * ones).
     */
    @Override
    public <R, X extends Exception> R inTransaction(SessionCallback<R, X> work) throws X {
        requireNonNull(work, "work == null");
        RetryBudget budget = RetryBudget.current(new RetryBudget(defaults.retryPolicy().orElse(retryPolicy)));
        return RetryBudget.within(budget, () -> runWithRetries(work, budget));
    }

    private <R, X extends Exception> R runWithRetries(SessionCallback<R, X> work, RetryBudget budget) throws X {
        List<DynamapperException> failures = new ArrayList<>(2);
        for (int run = 1; ; run++) {
            try (Session session = openSession()) {
                R result = work.run(session);
                session.commit();
                return result;
            } catch (OptimisticLockException e) {
                failures.add(e);
                boolean retry;
                try {
                    retry = budget.awaitRetry();
                } catch (InterruptedException interrupted) {
                    retry = false;
                }
                if (!retry) {
                    failures.remove(failures.size() - 1);
                    failures.forEach(e::addSuppressed);
                    throw e;
                }
                listeners.retry(RetryEvent.Operation.UNIT_OF_WORK, RetryEvent.Reason.OPTIMISTIC_LOCK, run, null);
            } catch (RetriesExhaustedException e) {
                failures.forEach(e::addSuppressed);
                throw e;
            }
        }
    }

    /** {@inheritDoc} Runs like {@link #inTransaction}. */
    @Override
    public <X extends Exception> void useTransaction(SessionConsumer<X> work) throws X {
        requireNonNull(work, "work == null");
        inTransaction(session -> {
            work.accept(session);
            return null;
        });
    }

    @Override
    public SchemaManager schema() {
        return schema;
    }

    @Override
    public BulkWriter bulkWriter() {
        return bulkWriter(BulkWriteOptions.defaults());
    }

    @Override
    public BulkWriter bulkWriter(BulkWriteOptions options) {
        requireNonNull(options, "options == null");
        return new BatchWriter(client, services.keys(), options.retryPolicy().orElse(retryPolicy), options,
                models);
    }

    @Override
    public ItemMapper mapper() {
        return mapper;
    }

    /** The second-level cache its sessions share. */
    public SecondLevelCache cache() {
        return cache;
    }

    DynamoDbClient client() {
        return client;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }
}
