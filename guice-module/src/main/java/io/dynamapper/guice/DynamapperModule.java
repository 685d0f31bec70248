package io.dynamapper.guice;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.BindingAnnotation;
import com.google.inject.Key;
import com.google.inject.PrivateModule;
import com.google.inject.Scopes;
import com.google.inject.matcher.Matchers;
import io.dynamapper.RetryPolicy;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import jakarta.inject.Provider;
import jakarta.inject.Qualifier;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Binds Dynamapper into a Guice injector:
 * <ul>
 * <li>{@link SessionFactory}, a singleton built with {@code io.dynamapper.engine.Dynamapper} over
 *     the configured client;</li>
 * <li>{@link Session}, the session of the calling thread's {@link UnitOfWork} (one instance that
 *     routes each call to the current thread's session, so it can be injected anywhere, singletons
 *     included); outside a unit of work its methods throw {@link com.google.inject.OutOfScopeException};</li>
 * <li>{@link UnitOfWork}, which scopes a session to the current thread;</li>
 * <li>the interceptor that runs {@link Transactional} methods.</li>
 * </ul>
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new DynamapperModule(DynamoDbClient.create()), new AppModule());
 *
 * // several tables' owners, one injector:
 * Guice.createInjector(
 *         DynamapperModule.builder().client(ordersClient).annotatedWith(Orders.class).build(),
 *         DynamapperModule.builder().clientProvider(AuditClientProvider.class).annotatedWith(Audit.class).build());
 * // inject @Orders Session, @Audit SessionFactory, ...; @Transactional(unit = Orders.class)
 * }</pre>
 *
 * <p>With a binding annotation, the module binds {@code @X SessionFactory}, {@code @X Session} and
 * {@code @X UnitOfWork}, and its interceptor runs the methods annotated
 * {@code @Transactional(unit = X.class)}; without one, it binds the unannotated keys and runs
 * {@code @Transactional} methods with the default {@link Transactional#unit()}. The client is bound
 * privately: the module never conflicts with a {@code DynamoDbClient} the application binds.
 *
 * <p>A module instance may be used in several injectors; each gets its own factory and units.
 */
public final class DynamapperModule extends AbstractModule {
    private final DynamoDbClient client;
    private final Class<? extends Provider<DynamoDbClient>> clientProvider;
    private final RetryPolicy retryPolicy;
    private final SessionOptions sessionOptions;
    private final Class<? extends Annotation> annotation;
    private final UnaryOperator<SessionFactory> factoryDecorator;

    /**
     * A module over {@code client}, with the default retry policy and session options, binding the
     * unannotated keys. The module does not close the client.
     *
     * @throws NullPointerException if {@code client} is null
     */
    public DynamapperModule(DynamoDbClient client) {
        this(requireNonNull(client, "client == null"), null, RetryPolicy.defaults(), null, null, UnaryOperator.identity());
    }

    private DynamapperModule(DynamoDbClient client, Class<? extends Provider<DynamoDbClient>> clientProvider,
                             RetryPolicy retryPolicy, SessionOptions sessionOptions,
                             Class<? extends Annotation> annotation, UnaryOperator<SessionFactory> factoryDecorator) {
        this.client = client;
        this.clientProvider = clientProvider;
        this.retryPolicy = retryPolicy;
        this.sessionOptions = sessionOptions;
        this.annotation = annotation;
        this.factoryDecorator = factoryDecorator;
    }

    /** A builder for a module with a client provider, a retry policy, options or a binding annotation. */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds the factory, the session, the unit of work and the interceptor; called by Guice. */
    @Override
    protected void configure() {
        Key<SessionFactory> factoryKey = key(SessionFactory.class);
        Key<Session> sessionKey = key(Session.class);
        Key<UnitOfWork> unitKey = key(UnitOfWork.class);
        String unitName = annotation == null
                ? "the default unit of work"
                : "the @" + annotation.getSimpleName() + " unit of work";
        ThreadUnitOfWork unit = new ThreadUnitOfWork(getProvider(factoryKey), unitName);

        install(new PrivateModule() {
            @Override
            protected void configure() {
                Key<DynamoDbClient> clientKey = Key.get(DynamoDbClient.class, FactoryClient.class);
                if (client != null) {
                    bind(clientKey).toInstance(client);
                } else {
                    bind(clientKey).toProvider(clientProvider);
                }
                bind(factoryKey)
                        .toProvider(new SessionFactoryProvider(getProvider(clientKey), retryPolicy, sessionOptions,
                                factoryDecorator))
                        .in(Scopes.SINGLETON);
                bind(unitKey).toInstance(unit);
                bind(sessionKey).toInstance(new UnitSession(unit));
                expose(factoryKey);
                expose(unitKey);
                expose(sessionKey);
            }
        });

        // Bound here, not in the private module: a private module's interceptors would only apply
        // to the private module's own bindings.
        TransactionalMethods methods =
                new TransactionalMethods(annotation == null ? Transactional.Default.class : annotation);
        bindInterceptor(Matchers.any(), methods, new TransactionalInterceptor(unit, methods, retryPolicy));
    }

    private <T> Key<T> key(Class<T> type) {
        return annotation == null ? Key.get(type) : Key.get(type, annotation);
    }

    @Override
    public String toString() {
        return "DynamapperModule(" + (annotation == null ? "unannotated" : "@" + annotation.getName())
                + ", " + (client != null ? "client " + client : "client provider " + clientProvider.getName())
                + ", " + retryPolicy + (sessionOptions == null ? "" : ", " + sessionOptions) + ")";
    }

    /**
     * Configures a {@link DynamapperModule}. Each setting may be given once; a client or a client
     * provider (not both) is required. {@link #build()} has no side effects.
     */
    public static final class Builder {
        private DynamoDbClient client;
        private Class<? extends Provider<DynamoDbClient>> clientProvider;
        private RetryPolicy retryPolicy;
        private SessionOptions sessionOptions;
        private Class<? extends Annotation> annotation;
        private UnaryOperator<SessionFactory> factoryDecorator;

        private Builder() {
        }

        /**
         * Not API, for this package's tests: wraps the factory the module builds (for example in
         * one whose sessions fail to close).
         */
        Builder factoryDecorator(UnaryOperator<SessionFactory> decorator) {
            requireNonNull(decorator, "factoryDecorator == null");
            if (factoryDecorator != null) {
                throw new IllegalStateException("factoryDecorator was already set to " + factoryDecorator);
            }
            factoryDecorator = decorator;
            return this;
        }

        /**
         * The client of every session. The module does not close it.
         *
         * @throws NullPointerException if {@code dynamoDbClient} is null
         * @throws IllegalStateException if a client was already set
         */
        public Builder client(DynamoDbClient dynamoDbClient) {
            requireNonNull(dynamoDbClient, "client == null");
            if (client != null) {
                throw new IllegalStateException("client was already set to " + client);
            }
            client = dynamoDbClient;
            return this;
        }

        /**
         * A provider class of the client, constructed by the injector (so it may inject what it
         * needs) and asked once, when the {@link SessionFactory} is first needed.
         *
         * @throws NullPointerException if {@code providerClass} is null
         * @throws IllegalStateException if a client provider was already set
         */
        public Builder clientProvider(Class<? extends Provider<DynamoDbClient>> providerClass) {
            requireNonNull(providerClass, "clientProvider == null");
            if (clientProvider != null) {
                throw new IllegalStateException("clientProvider was already set to " + clientProvider.getName());
            }
            clientProvider = providerClass;
            return this;
        }

        /**
         * The retry policy of the factory's commits and of {@link Transactional} methods; default
         * {@link RetryPolicy#defaults()}.
         *
         * @throws NullPointerException if {@code policy} is null
         * @throws IllegalStateException if a retry policy was already set
         */
        public Builder retryPolicy(RetryPolicy policy) {
            requireNonNull(policy, "retryPolicy == null");
            if (retryPolicy != null) {
                throw new IllegalStateException("retryPolicy was already set to " + retryPolicy);
            }
            retryPolicy = policy;
            return this;
        }

        /**
         * The options of the sessions the module opens; default {@link SessionOptions#defaults()}.
         *
         * @throws NullPointerException if {@code options} is null
         * @throws IllegalStateException if session options were already set
         */
        public Builder sessionOptions(SessionOptions options) {
            requireNonNull(options, "sessionOptions == null");
            if (sessionOptions != null) {
                throw new IllegalStateException("sessionOptions was already set to " + sessionOptions);
            }
            sessionOptions = options;
            return this;
        }

        /**
         * Binds {@code @X SessionFactory}, {@code @X Session} and {@code @X UnitOfWork} instead of
         * the unannotated keys, and runs the methods annotated {@code @Transactional(unit = X.class)}.
         *
         * @param bindingAnnotation a marker annotation type with runtime retention, annotated with
         *     {@link BindingAnnotation} or {@link Qualifier}
         * @throws NullPointerException if {@code bindingAnnotation} is null
         * @throws IllegalArgumentException if it is not a runtime binding annotation, or is
         *     {@link Transactional.Default}
         * @throws IllegalStateException if a binding annotation was already set
         */
        public Builder annotatedWith(Class<? extends Annotation> bindingAnnotation) {
            requireNonNull(bindingAnnotation, "annotatedWith == null");
            if (annotation != null) {
                throw new IllegalStateException("annotatedWith was already set to @" + annotation.getName());
            }
            if (bindingAnnotation == Transactional.Default.class) {
                throw new IllegalArgumentException("@Transactional.Default names the unannotated module;"
                        + " build the module without annotatedWith(...) instead");
            }
            if (!bindingAnnotation.isAnnotationPresent(BindingAnnotation.class)
                    && !bindingAnnotation.isAnnotationPresent(Qualifier.class)) {
                throw new IllegalArgumentException("@" + bindingAnnotation.getName()
                        + " is not a binding annotation: annotate it with @com.google.inject.BindingAnnotation"
                        + " or @jakarta.inject.Qualifier");
            }
            Retention retention = bindingAnnotation.getAnnotation(Retention.class);
            if (retention == null || retention.value() != RetentionPolicy.RUNTIME) {
                throw new IllegalArgumentException("@" + bindingAnnotation.getName()
                        + " must have @Retention(RUNTIME), was " + (retention == null ? "CLASS (the default)" : retention.value()));
            }
            annotation = bindingAnnotation;
            return this;
        }

        /**
         * Builds the module.
         *
         * @throws IllegalStateException if neither or both of a client and a client provider were set
         */
        public DynamapperModule build() {
            if (client == null && clientProvider == null) {
                throw new IllegalStateException("a client is required: DynamapperModule.builder().client(dynamoDbClient)"
                        + " or .clientProvider(MyClientProvider.class)");
            }
            if (client != null && clientProvider != null) {
                throw new IllegalStateException("both a client (" + client + ") and a client provider ("
                        + clientProvider.getName() + ") were set; choose one");
            }
            return new DynamapperModule(client, clientProvider,
                    retryPolicy == null ? RetryPolicy.defaults() : retryPolicy, sessionOptions, annotation,
                    factoryDecorator == null ? UnaryOperator.identity() : factoryDecorator);
        }
    }
}
