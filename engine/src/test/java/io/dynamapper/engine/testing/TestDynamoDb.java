package io.dynamapper.engine.testing;

import io.dynamapper.inmemory.InMemoryDynamoDb;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB of the engine's tests: one {@link InMemoryDynamoDb}, in process, shared by every test of
 * the JVM. Tests delete their tables with {@link #deleteAllTables()} so they stay independent.
 */
public final class TestDynamoDb {
    private static final InMemoryDynamoDb DB = InMemoryDynamoDb.create();

    private TestDynamoDb() {
    }

    /** The shared client. */
    public static DynamoDbClient client() {
        return DB;
    }

    /** The shared in-memory DynamoDB itself, to inject faults or read its request log. */
    public static InMemoryDynamoDb memory() {
        return DB;
    }

    /**
     * An extension (for {@code @RegisterExtension}) that clears the shared fake's request log right
     * before each test method, after every {@code @BeforeEach}: the log then holds what the test sent,
     * not its set-up.
     */
    public static BeforeTestExecutionCallback freshRequestLog() {
        return context -> DB.clearRequests();
    }

    /** Deletes every table (and forgets idempotency tokens), for a clean start of the next test. */
    public static void deleteAllTables() {
        DB.reset();
    }
}
