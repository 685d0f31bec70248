package io.dynamapper.engine.internal.schema;

import io.dynamapper.SchemaManager;
import io.dynamapper.Throughput;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The engine's {@link SchemaManager}. Work in progress (issue 2). */
public final class TableManager implements SchemaManager {
    private final DynamoDbClient client;

    /** Creates a manager over the client; sends no request. */
    public TableManager(DynamoDbClient client) {
        this.client = client;
    }

    @Override
    public void createTable(Class<?> entityType, Throughput throughput) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public boolean createTableIfNotExists(Class<?> entityType, Throughput throughput) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void deleteTable(Class<?> entityType) {
        throw new UnsupportedOperationException("not implemented yet " + client);
    }

    @Override
    public TableDescription describe(Class<?> entityType) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
