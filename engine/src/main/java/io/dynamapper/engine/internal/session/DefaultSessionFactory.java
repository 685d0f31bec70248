package io.dynamapper.engine.internal.session;

import static java.util.Objects.requireNonNull;

import io.dynamapper.DynamapperException;
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
import io.dynamapper.engine.internal.cache.SecondLevelCache;
import io.dynamapper.engine.internal.listener.Listeners;
import io.dynamapper.engine.internal.schema.TableManager;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The engine's {@link SessionFactory}: immutable and thread-safe; sessions it opens are not.
 *
 * <p>Retries happen at two levels, both with the factory's {@link RetryPolicy} (or the session
 * options' own): a commit retries transient failures of its request (throttling, transaction
 * conflicts, 5xx, timeouts) idempotently, and {@link #inTransaction} re-runs the whole unit of work
 * in a fresh session after an {@link OptimisticLockException} or a {@link RetriesExhaustedException}.
 * The SDK client's own retry strategy, whatever it is configured to, runs inside each attempt.
 */
public final class DefaultSessionFactory implements SessionFactory {
    private final DynamoDbClient client;
    private final RetryPolicy retryPolicy;
    private final SessionOptions defaults;
    private final SchemaManager schema;
    private final SecondLevelCache cache;
    private final Listeners listeners;

    /** Creates a factory without second-level cache and listeners; sends no request. */
    public DefaultSessionFactory(DynamoDbClient client, RetryPolicy retryPolicy, SessionOptions defaults) {
        this(client, retryPolicy, defaults, SecondLevelCache.disabled(), Listeners.none());
    }

    /**
     * Creates a factory; sends no request.
     *
     * @param cache the second-level cache its sessions share ({@link SecondLevelCache#disabled()} for none)
     * @param listeners told of commits, reads and retries
     */
    public DefaultSessionFactory(DynamoDbClient client, RetryPolicy retryPolicy, SessionOptions defaults,
                                 SecondLevelCache cache, Listeners listeners) {
        this.client = requireNonNull(client, "client == null");
        this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
        this.defaults = requireNonNull(defaults, "defaults == null");
        this.cache = requireNonNull(cache, "cache == null");
        this.listeners = requireNonNull(listeners, "listeners == null");
        this.schema = new TableManager(client);
    }

    @Override
    public Session openSession() {
        return openSession(defaults);
    }

    @Override
    public Session openSession(SessionOptions options) {
        requireNonNull(options, "options == null");
        return new SessionImpl(client, options.retryPolicy().orElse(retryPolicy), options, cache, listeners);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each attempt opens a session with the factory's default options, runs the work, commits
     * and closes the session. The work may run more than once, each time in a fresh session: it must
     * be safe to re-run (no side effects outside the session, or idempotent ones).
     */
    @Override
    public <R, X extends Exception> R inTransaction(SessionCallback<R, X> work) throws X {
        requireNonNull(work, "work == null");
        RetryPolicy policy = defaults.retryPolicy().orElse(retryPolicy);
        List<DynamapperException> failures = new ArrayList<>(2);
        for (int attempt = 1; ; attempt++) {
            try (Session session = openSession()) {
                R result = work.run(session);
                session.commit();
                return result;
            } catch (OptimisticLockException | RetriesExhaustedException e) {
                if (attempt >= policy.maxAttempts()) {
                    failures.forEach(e::addSuppressed);
                    throw e;
                }
                failures.add(e);
                listeners.retry(RetryEvent.Operation.UNIT_OF_WORK, e instanceof OptimisticLockException
                        ? RetryEvent.Reason.OPTIMISTIC_LOCK : RetryEvent.Reason.RETRIES_EXHAUSTED, attempt, null);
                pause(policy, attempt, failures, e);
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

    private static void pause(RetryPolicy policy, int attempt, List<DynamapperException> failures,
                              DynamapperException last) {
        try {
            policy.backoff(attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failures.remove(failures.size() - 1);
            failures.forEach(last::addSuppressed);
            throw last;
        }
    }

    @Override
    public SchemaManager schema() {
        return schema;
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
