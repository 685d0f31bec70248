package io.dynamapper.reliability;

import io.dynamapper.RetryPolicy;
import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The backends every reliability test runs against: a fresh {@link InMemoryDynamoDb} per test.
 */
enum Backends {
    FAKE;

    /** Every reliability table starts with this prefix, so other suites' tables are left alone. */
    static final String PREFIX = "rel_";

    /** A client with no {@code rel_} tables: a new fake. */
    DynamoDbClient fresh() {
        return InMemoryDynamoDb.create();
    }

    /** Retries as often as a test needs, without sleeping. */
    static RetryPolicy noSleep(int attempts) {
        return RetryPolicy.defaults().withMaxAttempts(attempts).withSleeper(d -> { });
    }

    /** A factory over {@code client} with {@link #noSleep} retries. */
    static SessionFactory sessions(DynamoDbClient client, int attempts) {
        return Dynamapper.builder().client(client).retryPolicy(noSleep(attempts)).build();
    }

    /** Creates the entities' tables with the raw client (never through a fault-injecting wrapper). */
    static void createTables(DynamoDbClient raw, Class<?>... entityTypes) {
        SessionFactory admin = Dynamapper.builder().client(raw).build();
        for (Class<?> type : entityTypes) {
            admin.schema().createTable(type, Throughput.onDemand());
        }
    }

    /** The stored item, read consistently with the raw client; null if there is none. */
    static Map<String, AttributeValue> rawGet(DynamoDbClient raw, String table, Map<String, AttributeValue> key) {
        var response = raw.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    static Map<String, AttributeValue> key(String hashAttribute, String value) {
        return Map.of(hashAttribute, AttributeValue.fromS(value));
    }
}
