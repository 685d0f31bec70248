package io.dynamapper.guice;

import io.dynamapper.RetryPolicy;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.Dynamapper;
import jakarta.inject.Provider;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the module's {@link SessionFactory} (bound as a singleton) from the configured client. */
final class SessionFactoryProvider implements Provider<SessionFactory> {
    private final Provider<DynamoDbClient> client;
    private final RetryPolicy retryPolicy;
    private final SessionOptions sessionOptions;
    private final UnaryOperator<SessionFactory> decorator;

    /**
     * @param sessionOptions the options, or null for the engine's defaults
     * @param decorator applied to the built factory (identity but in tests)
     */
    SessionFactoryProvider(Provider<DynamoDbClient> client, RetryPolicy retryPolicy, SessionOptions sessionOptions,
                           UnaryOperator<SessionFactory> decorator) {
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.sessionOptions = sessionOptions;
        this.decorator = decorator;
    }

    @Override
    public SessionFactory get() {
        DynamoDbClient dynamoDbClient = client.get();
        if (dynamoDbClient == null) {
            throw new IllegalStateException("the DynamoDbClient provider returned null");
        }
        Dynamapper.Builder builder = Dynamapper.builder().client(dynamoDbClient).retryPolicy(retryPolicy);
        if (sessionOptions != null) {
            builder.sessionOptions(sessionOptions);
        }
        SessionFactory factory = decorator.apply(builder.build());
        if (factory == null) {
            throw new IllegalStateException("the factory decorator returned null");
        }
        return factory;
    }

    @Override
    public String toString() {
        return "SessionFactoryProvider(" + retryPolicy + ")";
    }
}
