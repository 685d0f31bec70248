package io.dynamapper.testkit;

import io.dynamapper.inmemory.Faults;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.inmemory.InMemoryDynamoDbServer;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Where a {@link DynamapperExtension} keeps its tables, and how it empties them between tests. */
abstract class ExtensionBackend implements AutoCloseable {

    /** The client the session factory and the tests use. */
    abstract DynamoDbClient client();

    /** The in-memory DynamoDB behind the client, or null when the tables live elsewhere. */
    abstract InMemoryDynamoDb memory();

    /** The faults injected into {@link #client()}'s calls. */
    abstract Faults faults();

    /** Makes sure the next test starts without tables of its own. */
    abstract void beforeEach();

    /** Drops the test's tables, clears faults (and, in memory, the clock and request log). */
    abstract void afterEach();

    /** Frees what the backend started. */
    @Override
    public abstract void close();

    /** A short description for messages, e.g. {@code in memory}. */
    abstract String describe();

    /** An {@link InMemoryDynamoDb} called in process. */
    static ExtensionBackend inMemory(InMemoryDynamoDb memory) {
        return new Local(memory, null, memory);
    }

    /** An {@link InMemoryDynamoDb} of its own, reached over HTTP through the SDK's client. */
    static ExtensionBackend http() {
        InMemoryDynamoDb memory = InMemoryDynamoDb.create();
        InMemoryDynamoDbServer server = memory.serve();
        return new Local(memory, server, endpointClient(server.uri()));
    }

    /** Any DynamoDB: tables get a fresh prefix per test and are deleted after it. */
    static ExtensionBackend remote(Supplier<? extends DynamoDbClient> clients, String description) {
        DynamoDbClient raw = clients.get();
        if (raw == null) {
            throw new IllegalStateException("the DynamoDbClient supplier of DynamapperExtension returned null");
        }
        return new Remote(raw, description);
    }

    /** An SDK client for a DynamoDB-compatible endpoint: region us-east-1, placeholder credentials. */
    static DynamoDbClient endpointClient(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dynamapper", "test")))
                .build();
    }

    /** The in-memory DynamoDB, in process or behind its HTTP endpoint: emptied by a reset. */
    private static final class Local extends ExtensionBackend {
        private final InMemoryDynamoDb memory;
        private final InMemoryDynamoDbServer server;
        private final DynamoDbClient client;

        Local(InMemoryDynamoDb memory, InMemoryDynamoDbServer server, DynamoDbClient client) {
            this.memory = memory;
            this.server = server;
            this.client = client;
        }

        @Override
        DynamoDbClient client() {
            return client;
        }

        @Override
        InMemoryDynamoDb memory() {
            return memory;
        }

        @Override
        Faults faults() {
            return memory.faults();
        }

        @Override
        void beforeEach() {
            memory.reset();
        }

        @Override
        void afterEach() {
            try {
                memory.reset();
            } finally {
                memory.faults().clear();
                memory.setClock(Clock.systemUTC());
                memory.clearRequests();
            }
        }

        @Override
        public void close() {
            if (server != null) {
                client.close();
                server.close();
            }
        }

        @Override
        String describe() {
            return server == null ? "in memory" : "the in-memory DynamoDB over HTTP at " + server.uri();
        }
    }

    /** A DynamoDB shared with others: a table prefix per test, the test's tables deleted after it. */
    private static final class Remote extends ExtensionBackend {
        private final DynamoDbClient raw;
        private final String description;
        private final Faults faults = Faults.create();
        private final TablePrefixing prefixing = new TablePrefixing(newPrefix());
        private final DynamoDbClient client;

        Remote(DynamoDbClient raw, String description) {
            this.raw = raw;
            this.description = description;
            this.client = prefixing.decorate(faults.decorate(raw));
        }

        private static String newPrefix() {
            return "dm" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
        }

        @Override
        DynamoDbClient client() {
            return client;
        }

        @Override
        InMemoryDynamoDb memory() {
            return null;
        }

        @Override
        Faults faults() {
            return faults;
        }

        @Override
        void beforeEach() {
            prefixing.prefix(newPrefix());
        }

        @Override
        void afterEach() {
            faults.clear();
            String prefix = prefixing.prefix();
            List<String> ours = new ArrayList<>();
            raw.listTablesPaginator().tableNames().forEach(n -> {
                if (n.startsWith(prefix)) {
                    ours.add(n);
                }
            });
            for (String name : ours) {
                raw.deleteTable(b -> b.tableName(name));
            }
        }

        @Override
        public void close() {
            raw.close();
        }

        @Override
        String describe() {
            return description;
        }
    }
}
