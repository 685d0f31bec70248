package io.dynamapper.engine;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.dynamapper.AttributeCodec;
import io.dynamapper.Cached;
import io.dynamapper.DynamapperListener;
import io.dynamapper.RetryPolicy;
import io.dynamapper.RetryScope;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.cache.SecondLevelCache;
import io.dynamapper.engine.internal.listener.Listeners;
import io.dynamapper.engine.internal.mapping.ModelRegistry;
import io.dynamapper.engine.internal.retry.RetryBudget;
import io.dynamapper.engine.internal.session.DefaultSessionFactory;
import io.dynamapper.engine.internal.validation.BeanValidation;
import io.dynamapper.engine.internal.validation.EntityValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * Runs {@code work} as one unit of work with one retry budget: the budget is made current on
     * this thread while {@code work} runs, so every session of any factory built here draws its
     * retries (a commit's, a read's) from it, and {@code work} draws its re-runs from the same
     * budget through {@link RetryScope#awaitRetry()}, as {@link SessionFactory#inTransaction} does.
     * Inside another unit of work on this thread (an enclosing {@code inTransaction}, another
     * call of this method) the enclosing budget is used and {@code policy} is ignored, so nested
     * retries never multiply. For integrations that run units of work themselves, such as the
     * Guice module.
     *
     * @param policy the budget's policy: {@code policy.maxAttempts() - 1} retries in all
     * @param work what to run; it receives the budget
     * @param <R> the work's result
     * @param <X> the checked exception the work may throw
     * @return what {@code work} returned
     * @throws NullPointerException if {@code policy} or {@code work} is null
     * @throws X whatever {@code work} throws
     */
    public static <R, X extends Exception> R inRetryScope(RetryPolicy policy, RetryScope.Work<R, X> work) throws X {
        requireNonNull(policy, "policy == null");
        requireNonNull(work, "work == null");
        RetryBudget budget = RetryBudget.current(new RetryBudget(policy));
        return RetryBudget.within(budget, () -> work.run(budget));
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
        private final Map<Class<?>, AttributeCodec<?>> codecs = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Stores every value of {@code type} with {@code codec}, in every entity class of the factory:
         * fields of exactly that class (not of its subclasses; a primitive field whose wrapper is
         * {@code type} too) and the elements of lists, maps, sets and {@code Optional}s of it, at any
         * depth, including the fields of nested classes. Factories built by other builders are not
         * affected: two factories may store the same type differently.
         *
         * <p>What wins, from first to last: an {@link io.dynamapper.Codec @Codec} on the field; for
         * a {@link io.dynamapper.Ttl @Ttl} {@code Instant}, epoch seconds; a codec registered here;
         * the built-in mapping. So a codec registered for a type with a built-in mapping
         * ({@code Instant}, {@code BigDecimal}, an enum, a nested class) replaces that mapping in
         * this factory. A type stored by a registered codec cannot be a table or index key (the
         * entity is then a {@link io.dynamapper.MappingException} at first use), nor an element of
         * a DynamoDB set. Values are compared by their encoded form for dirty checking, so
         * {@code codec} must encode equal values equally; it must be thread-safe.
         *
         * @param type the type whose values {@code codec} stores
         * @param codec how to store them
         * @param <T> the type
         * @return this builder
         * @throws NullPointerException if {@code type} or {@code codec} is null
         * @throws IllegalArgumentException if {@code type} is a primitive (register its wrapper,
         *     which covers both), a collection, a map, an {@code Optional} or an array other than
         *     {@code byte[]} (these are stored through their elements' codecs)
         * @throws IllegalStateException if a codec was already registered for {@code type}
         */
        public <T> Builder codec(Class<T> type, AttributeCodec<T> codec) {
            requireNonNull(type, "type == null");
            requireNonNull(codec, "codec == null");
            ModelRegistry.checkCodecType(type);
            AttributeCodec<?> earlier = codecs.putIfAbsent(type, codec);
            if (earlier != null) {
                throw new IllegalStateException("a codec for " + type.getName() + " was already registered: " + earlier
                        + "; register one codec per type");
            }
            return this;
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
                    Listeners.of(listeners), Optional.ofNullable(validator), ModelRegistry.of(codecs));
        }
    }
}
