package io.dynamapper.bench;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.testkit.InMemoryDynamoDb;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A DynamoDB to benchmark against: DynamoDB Local embedded, or the testkit's in-memory fake. */
final class Backend implements AutoCloseable {
    private final AmazonDynamoDBLocal local;
    private final DynamoDbClient client;

    private Backend(AmazonDynamoDBLocal local, DynamoDbClient client) {
        this.local = local;
        this.client = client;
    }

    /** "local" for DynamoDB Local embedded, "memory" for InMemoryDynamoDb. */
    static Backend start(String name) {
        return switch (name) {
            case "local" -> {
                AmazonDynamoDBLocal local = DynamoDBEmbedded.create(true);
                yield new Backend(local, local.dynamoDbClient());
            }
            case "memory" -> new Backend(null, InMemoryDynamoDb.create());
            default -> throw new IllegalArgumentException("backend must be local or memory, was " + name);
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
        if (local != null) {
            local.shutdown();
        }
    }
}
