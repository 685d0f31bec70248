package io.dynamapper.engine;

import static java.util.Objects.requireNonNull;

import io.dynamapper.RetryPolicy;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.session.DefaultSessionFactory;
import io.dynamapper.engine.internal.validation.BeanValidation;
import io.dynamapper.engine.internal.validation.EntityValidator;
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

    /** A new builder. */
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
        private EntityValidator validator;

        private Builder() {
        }

        /**
         * The client every session uses. The factory does not close it.
         *
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
         * The retry policy of commits and of {@link SessionFactory#inTransaction}; default
         * {@link RetryPolicy#defaults()}.
         *
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
         * The options of sessions opened without options; default {@link SessionOptions#defaults()}.
         *
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
         * @throws IllegalStateException if no client was set
         */
        public SessionFactory build() {
            if (client == null) {
                throw new IllegalStateException("a client is required: Dynamapper.builder().client(dynamoDbClient)");
            }
            return new DefaultSessionFactory(client,
                    retryPolicy == null ? RetryPolicy.defaults() : retryPolicy,
                    sessionOptions == null ? SessionOptions.defaults() : sessionOptions, Optional.ofNullable(validator));
        }
    }
}
