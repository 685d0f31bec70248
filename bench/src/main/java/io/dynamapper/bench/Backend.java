package io.dynamapper.bench;

import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.inmemory.InMemoryDynamoDbServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB to benchmark against: the in-memory DynamoDB in process ({@code memory}), or the same
 * served over HTTP on a loopback port and reached through the SDK's default HTTP client ({@code http}).
 */
final class Backend implements AutoCloseable {
    private final DynamoDbClient client;
    private final InMemoryDynamoDbServer server;

    private Backend(DynamoDbClient client, InMemoryDynamoDbServer server) {
        this.client = client;
        this.server = server;
    }

    /** "memory" for InMemoryDynamoDb in process, "http" for it behind its HTTP endpoint. */
    static Backend start(String name) {
        return switch (name) {
            case "memory" -> new Backend(InMemoryDynamoDb.create(), null);
            case "http" -> {
                InMemoryDynamoDbServer server = InMemoryDynamoDb.create().serve();
                yield new Backend(DynamoDbClient.builder()
                        .endpointOverride(server.uri())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                        .build(), server);
            }
            default -> throw new IllegalArgumentException("backend must be memory or http, was " + name);
        };
    }

    DynamoDbClient client() {
        return client;
    }

    /** A session factory over this backend, with the bench table created. */
    SessionFactory sessionsWithTable() {
        SessionFactory sessions = sessions();
        sessions.schema().createTableIfNotExists(BenchItem.class, Throughput.onDemand());
        return sessions;
    }

    /** A session factory over this backend. */
    SessionFactory sessions() {
        return Dynamapper.builder().client(client).build();
    }

    @Override
    public void close() {
        client.close();
        if (server != null) {
            server.close();
        }
    }
}
