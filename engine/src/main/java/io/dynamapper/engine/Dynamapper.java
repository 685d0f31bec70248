package io.dynamapper.engine;

import static java.util.Objects.requireNonNull;

import io.dynamapper.RetryPolicy;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.session.DefaultSessionFactory;
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
     * Configures a {@link SessionFactory}. Each setting may be given once; {@link #build()} needs a
     * client and has no side effects (no request is sent).
     */
    public static final class Builder {
        private DynamoDbClient client;
        private RetryPolicy retryPolicy;
        private SessionOptions sessionOptions;

        private Builder() {
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
                    sessionOptions == null ? SessionOptions.defaults() : sessionOptions);
        }
    }
}
