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
 *     the configured client, or the factory given to the module (for example the testkit
 *     extension's, see {@link #DynamapperModule(SessionFactory)});</li>
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
    private final SessionFactory sessionFactory;
    private final RetryPolicy retryPolicy;
    private final SessionOptions sessionOptions;
    private final Class<? extends Annotation> annotation;
    private final UnaryOperator<SessionFactory> factoryDecorator;

    /**
     * A module over {@code client}, with the default retry policy and session options, binding the
     * unannotated keys. The module does not close the client.
     *
     * @param client the client of every session
     * @throws NullPointerException if {@code client} is null
     */
    public DynamapperModule(DynamoDbClient client) {
        this(requireNonNull(client, "client == null"), null, null, RetryPolicy.defaults(), null, null,
                UnaryOperator.identity());
    }

    /**
     * A module over an existing factory, binding the unannotated keys: the injector's
     * {@code SessionFactory} is {@code sessionFactory} itself, so its retry policy and session
     * options govern the sessions and their commits. {@link Transactional} re-runs use
     * {@link RetryPolicy#defaults()}; set another with {@link Builder#retryPolicy(RetryPolicy)}.
     *
     * <pre>{@code
     * @RegisterExtension
     * static DynamapperExtension db = DynamapperExtension.inMemory().withEntities(DoomMap.class);
     *
     * Injector injector = Guice.createInjector(DynamapperModule.builder()
     *         .sessionFactory(db.sessions())                               // leak check, fresh tables
     *         .retryPolicy(RetryPolicy.defaults().withSleeper(d -> { }))   // re-runs without sleeping
     *         .build());
     * }</pre>
     *
     * @param sessionFactory the factory to bind; the module does not own it
     * @throws NullPointerException if {@code sessionFactory} is null
     */
    public DynamapperModule(SessionFactory sessionFactory) {
        this(null, null, requireNonNull(sessionFactory, "sessionFactory == null"), RetryPolicy.defaults(), null,
                null, UnaryOperator.identity());
    }

    private DynamapperModule(DynamoDbClient client, Class<? extends Provider<DynamoDbClient>> clientProvider,
                             SessionFactory sessionFactory, RetryPolicy retryPolicy, SessionOptions sessionOptions,
                             Class<? extends Annotation> annotation, UnaryOperator<SessionFactory> factoryDecorator) {
        this.client = client;
        this.clientProvider = clientProvider;
        this.sessionFactory = sessionFactory;
        this.retryPolicy = retryPolicy;
        this.sessionOptions = sessionOptions;
        this.annotation = annotation;
        this.factoryDecorator = factoryDecorator;
    }

    /**
     * A builder for a module with a client provider or a factory, a retry policy, options or a
     * binding annotation.
     *
     * @return a builder with nothing set
     */
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
        SessionOptions baseOptions = sessionOptions == null ? SessionOptions.defaults() : sessionOptions;
        ThreadUnitOfWork unit = new ThreadUnitOfWork(getProvider(factoryKey), unitName, baseOptions);

        install(new PrivateModule() {
            @Override
            protected void configure() {
                if (sessionFactory != null) {
                    bind(factoryKey).toProvider(new GivenFactory(sessionFactory, factoryDecorator)).in(Scopes.SINGLETON);
                } else {
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
                }
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
                new TransactionalMethods(annotation == null ? Transactional.Default.class : annotation, baseOptions);
        bindInterceptor(Matchers.any(), methods, new TransactionalInterceptor(unit, methods, retryPolicy));
    }

    private <T> Key<T> key(Class<T> type) {
        return annotation == null ? Key.get(type) : Key.get(type, annotation);
    }

    /** The factory given to the module, decorated once (in tests). */
    private record GivenFactory(SessionFactory factory, UnaryOperator<SessionFactory> decorator)
            implements Provider<SessionFactory> {
        @Override
        public SessionFactory get() {
            SessionFactory decorated = decorator.apply(factory);
            if (decorated == null) {
                throw new IllegalStateException("the factory decorator returned null");
            }
            return decorated;
        }
    }

    /**
     * The module's binding annotation and source of sessions, for messages.
     *
     * @return a description of the module
     */
    @Override
    public String toString() {
        return "DynamapperModule(" + (annotation == null ? "unannotated" : "@" + annotation.getName())
                + ", " + (client != null ? "client " + client : sessionFactory != null ? "factory " + sessionFactory
                        : "client provider " + clientProvider.getName())
                + ", " + retryPolicy + (sessionOptions == null ? "" : ", " + sessionOptions) + ")";
    }

    /**
     * Configures a {@link DynamapperModule}. Each setting may be given once; exactly one of a client,
     * a client provider and a session factory is required. {@link #build()} has no side effects.
     */
    public static final class Builder {
        private DynamoDbClient client;
        private Class<? extends Provider<DynamoDbClient>> clientProvider;
        private SessionFactory sessionFactory;
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
         * A provider class of the client, constructed by the injector (so it may inject what it
         * needs) and asked once, when the {@link SessionFactory} is first needed.
         *
         * @param providerClass the provider class, with an injectable constructor
         * @return this builder
         * @throws NullPointerException if {@code providerClass} is null
         * @throws IllegalStateException if a client provider was already set
         */
        public Builder clientProvider(Class<? extends Provider<DynamoDbClient>> providerClass) {
            requireNonNull(providerClass, "providerClass == null");
            if (clientProvider != null) {
                throw new IllegalStateException("clientProvider was already set to " + clientProvider.getName());
            }
            clientProvider = providerClass;
            return this;
        }

        /**
         * An existing factory to bind as the injector's {@link SessionFactory} (see
         * {@link DynamapperModule#DynamapperModule(SessionFactory)}). The module does not own it;
         * its own retry policy and session options govern its sessions.
         *
         * @param factory the factory, for example a testkit extension's {@code sessions()}
         * @return this builder
         * @throws NullPointerException if {@code factory} is null
         * @throws IllegalStateException if a session factory was already set
         */
        public Builder sessionFactory(SessionFactory factory) {
            requireNonNull(factory, "factory == null");
            if (sessionFactory != null) {
                throw new IllegalStateException("sessionFactory was already set to " + sessionFactory);
            }
            sessionFactory = factory;
            return this;
        }

        /**
         * The retry policy of the factory's commits and of {@link Transactional} methods; default
         * {@link RetryPolicy#defaults()}. With a {@link #sessionFactory(SessionFactory) given
         * factory}, it governs the re-runs of {@code @Transactional} methods only.
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
         * The options of the sessions the module opens; default {@link SessionOptions#defaults()}.
         * Not with a {@link #sessionFactory(SessionFactory) given factory}, whose own options apply.
         *
         * @param options the session options
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
         * Binds {@code @X SessionFactory}, {@code @X Session} and {@code @X UnitOfWork} instead of
         * the unannotated keys, and runs the methods annotated {@code @Transactional(unit = X.class)}.
         *
         * @param bindingAnnotation a marker annotation type with runtime retention, annotated with
         *     {@link BindingAnnotation} or {@link Qualifier}
         * @return this builder
         * @throws NullPointerException if {@code bindingAnnotation} is null
         * @throws IllegalArgumentException if it is not a runtime binding annotation, or is
         *     {@link Transactional.Default}
         * @throws IllegalStateException if a binding annotation was already set
         */
        public Builder annotatedWith(Class<? extends Annotation> bindingAnnotation) {
            requireNonNull(bindingAnnotation, "bindingAnnotation == null");
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
         * @return the module
         * @throws IllegalStateException if not exactly one of a client, a client provider and a
         *     session factory was set, or session options were set with a session factory
         */
        public DynamapperModule build() {
            int sources = (client == null ? 0 : 1) + (clientProvider == null ? 0 : 1) + (sessionFactory == null ? 0 : 1);
            if (sources == 0) {
                throw new IllegalStateException("a client is required: DynamapperModule.builder().client(dynamoDbClient),"
                        + " .clientProvider(MyClientProvider.class) or .sessionFactory(factory)");
            }
            if (sources > 1) {
                throw new IllegalStateException("more than one source of sessions was set (client " + client
                        + ", client provider " + (clientProvider == null ? null : clientProvider.getName())
                        + ", session factory " + sessionFactory + "); choose one");
            }
            if (sessionFactory != null && sessionOptions != null) {
                throw new IllegalStateException("sessionOptions (" + sessionOptions + ") cannot be set with a "
                        + "sessionFactory: the factory's own options apply; set them where the factory is built");
            }
            return new DynamapperModule(client, clientProvider, sessionFactory,
                    retryPolicy == null ? RetryPolicy.defaults() : retryPolicy, sessionOptions, annotation,
                    factoryDecorator == null ? UnaryOperator.identity() : factoryDecorator);
        }
    }
}
