package io.dynamapper.engine.internal.session;

import io.dynamapper.RetryPolicy;
import io.dynamapper.SchemaManager;
import io.dynamapper.Session;
import io.dynamapper.SessionCallback;
import io.dynamapper.SessionConsumer;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.schema.TableManager;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The engine's {@link SessionFactory}. Sessions: work in progress (issue 3). */
public final class DefaultSessionFactory implements SessionFactory {
    private final DynamoDbClient client;
    private final RetryPolicy retryPolicy;
    private final SessionOptions defaults;
    private final SchemaManager schema;

    /** Creates a factory; sends no request. */
    public DefaultSessionFactory(DynamoDbClient client, RetryPolicy retryPolicy, SessionOptions defaults) {
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.defaults = defaults;
        this.schema = new TableManager(client);
    }

    @Override
    public Session openSession() {
        return openSession(defaults);
    }

    @Override
    public Session openSession(SessionOptions options) {
        throw new UnsupportedOperationException("sessions are not implemented yet");
    }

    @Override
    public <R, X extends Exception> R inTransaction(SessionCallback<R, X> work) throws X {
        throw new UnsupportedOperationException("sessions are not implemented yet");
    }

    @Override
    public <X extends Exception> void useTransaction(SessionConsumer<X> work) throws X {
        throw new UnsupportedOperationException("sessions are not implemented yet");
    }

    @Override
    public SchemaManager schema() {
        return schema;
    }

    DynamoDbClient client() {
        return client;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }
}
