package io.dynamapper.bench;

import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A DynamoDB to benchmark against: the in-memory DynamoDB, in process. */
final class Backend implements AutoCloseable {
    private final DynamoDbClient client;

    private Backend(DynamoDbClient client) {
        this.client = client;
    }

    /** "memory" for InMemoryDynamoDb in process. */
    static Backend start(String name) {
        return switch (name) {
            case "memory" -> new Backend(InMemoryDynamoDb.create());
            default -> throw new IllegalArgumentException("backend must be memory, was " + name);
        };
    }

    DynamoDbClient client() {
        return client;
    }

    /** A session factory over this backend, with the bench table created. */
    SessionFactory sessionsWithTable() {
        SessionFactory sessions = Dynamapper.builder().client(client).build();
        sessions.schema().createTableIfNotExists(BenchItem.class, Throughput.onDemand());
        return sessions;
    }

    @Override
    public void close() {
        client.close();
    }
}
