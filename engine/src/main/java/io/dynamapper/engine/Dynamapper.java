package io.dynamapper.engine;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.dynamapper.Cached;
import io.dynamapper.DynamapperListener;
import io.dynamapper.RetryPolicy;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.cache.SecondLevelCache;
import io.dynamapper.engine.internal.listener.Listeners;
import io.dynamapper.engine.internal.session.DefaultSessionFactory;
import io.dynamapper.engine.internal.validation.BeanValidation;
import io.dynamapper.engine.internal.validation.EntityValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The entry point: builds a {@link SessionFactory} over a {@link DynamoDbClient} — AWS, DynamoDB
 * Local or the testkit's {@code InMemoryDynamoDb}; nothing else changes between them.
 *
 * <pre>{@code
 * SessionFactory sessions = Dynamapper.builder()
 *         .client(DynamoDbClient.create())
 *         .retryPolicy(RetryPolicy.defaults().withMaxAttempts(8))
 *         .build();
 * }</pre>
 */
public final class Dynamapper {
    private Dynamapper() {
    }

    /**
     * A new builder.
     *
     * @return a builder with nothing set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The second-level cache of a factory built here, for monitoring (Caffeine's statistics are
     * recorded) and for dropping entries ({@code invalidateAll()} after a bulk change made outside
     * the factory). Its keys and values are internal and may change in any release.
     *
     * @param sessions a factory built by {@link Builder#build()}
     * @return the cache, or empty if the factory's cache is switched off
     * @throws NullPointerException if {@code sessions} is null
     * @throws IllegalArgumentException if {@code sessions} was not built by {@link Builder#build()}
     */
    public static Optional<Cache<?, ?>> secondLevelCache(SessionFactory sessions) {
        requireNonNull(sessions, "sessions == null");
        if (!(sessions instanceof DefaultSessionFactory factory)) {
            throw new IllegalArgumentException(sessions + " (" + sessions.getClass().getName() + ") was not built by "
                    + "Dynamapper.builder().build(); pass that factory");
        }
        return factory.cache().caffeine();
    }

    /**
     * Configures a {@link SessionFactory}. Each setting may be given once (listeners may be added
     * several times); {@link #build()} needs a client and has no side effects (no request is sent).
     */
    public static final class Builder {
        private DynamoDbClient client;
        private RetryPolicy retryPolicy;
        private SessionOptions sessionOptions;
        private EntityValidator validator;
        private Boolean secondLevelCache;
        private final List<DynamapperListener> listeners = new ArrayList<>(2);

        private Builder() {
        }

        /**
         * Switches the factory's second-level cache on or off for every class; default on, which
         * caches the classes marked {@link Cached} (and nothing else). See {@link Cached} for what is
         * cached, how stale it may be, and when not to cache.
         *
         * @param enabled whether classes marked {@code @Cached} are cached
         * @return this builder
         * @throws IllegalStateException if the switch was already set
         */
        public Builder secondLevelCache(boolean enabled) {
            if (secondLevelCache != null) {
                throw new IllegalStateException("secondLevelCache was already set to " + secondLevelCache);
            }
            secondLevelCache = enabled;
            return this;
        }

        /**
         * Adds a listener told of every commit, read and retry of the factory's sessions. May be
         * called several times; listeners are called in the order they were added.
         *
         * @param listener the listener
         * @return this builder
         * @throws NullPointerException if {@code listener} is null
         */
        public Builder listener(DynamapperListener listener) {
            listeners.add(requireNonNull(listener, "listener == null"));
            return this;
        }

        /**
         * The client every session uses. The factory does not close it.
         *
         * @param dynamoDbClient any synchronous DynamoDB client
         * @return this builder
         * @throws NullPointerException if {@code dynamoDbClient} is null
         * @throws IllegalStateException if a client was already set
         */
        public Builder client(DynamoDbClient dynamoDbClient) {
            requireNonNull(dynamoDbClient, "dynamoDbClient == null");
            if (client != null) {
                throw new IllegalStateException("client was already set to " + client);
            }
            client = dynamoDbClient;
            return this;
        }

        /**
         * The retry policy of commits and of {@link SessionFactory#inTransaction}; default
         * {@link RetryPolicy#defaults()}.
         *
         * @param policy the retry policy
         * @return this builder
         * @throws NullPointerException if {@code policy} is null
         * @throws IllegalStateException if a retry policy was already set
         */
        public Builder retryPolicy(RetryPolicy policy) {
            requireNonNull(policy, "policy == null");
            if (retryPolicy != null) {
                throw new IllegalStateException("retryPolicy was already set to " + retryPolicy);
            }
            retryPolicy = policy;
            return this;
        }

        /**
         * The options of sessions opened without options; default {@link SessionOptions#defaults()}.
         *
         * @param options the default session options
         * @return this builder
         * @throws NullPointerException if {@code options} is null
         * @throws IllegalStateException if session options were already set
         */
        public Builder sessionOptions(SessionOptions options) {
            requireNonNull(options, "options == null");
            if (sessionOptions != null) {
                throw new IllegalStateException("sessionOptions was already set to " + sessionOptions);
            }
            sessionOptions = options;
            return this;
        }

        /**
         * Validates every new and changed entity with Jakarta Bean Validation at each commit, before
         * anything is sent; violations fail the commit with {@link io.dynamapper.EntityValidationException}
         * and leave the session unchanged. Needs {@code jakarta.validation:jakarta.validation-api} and
         * an implementation (e.g. Hibernate Validator) on the classpath; the engine does not depend on
         * them otherwise.
         *
         * <pre>{@code
         * Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
         * SessionFactory sessions = Dynamapper.builder().client(client).validator(validator).build();
         * }</pre>
         *
         * @param beanValidator the validator, e.g. from {@code Validation.buildDefaultValidatorFactory()}
         * @return this builder
         * @throws NullPointerException if {@code beanValidator} is null
         * @throws IllegalStateException if a validator was already set
         */
        public Builder validator(jakarta.validation.Validator beanValidator) {
            requireNonNull(beanValidator, "validator == null");
            if (validator != null) {
                throw new IllegalStateException("validator was already set to " + validator);
            }
            validator = BeanValidation.of(beanValidator);
            return this;
        }

        /**
         * Builds the factory.
         *
         * @return a new, thread-safe session factory
         * @throws IllegalStateException if no client was set
         */
        public SessionFactory build() {
            if (client == null) {
                throw new IllegalStateException("a client is required: Dynamapper.builder().client(dynamoDbClient)");
            }
            return new DefaultSessionFactory(client,
                    retryPolicy == null ? RetryPolicy.defaults() : retryPolicy,
                    sessionOptions == null ? SessionOptions.defaults() : sessionOptions,
                    Boolean.FALSE.equals(secondLevelCache)
                            ? SecondLevelCache.disabled() : SecondLevelCache.create(Ticker.systemTicker()),
                    Listeners.of(listeners), Optional.ofNullable(validator));
        }
    }
}
