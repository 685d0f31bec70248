package io.dynamapper.engine.internal.reliability;

import io.dynamapper.RetryPolicy;
import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The backends every reliability test runs against: a fresh {@link InMemoryDynamoDb} per test.
 */
enum Backends {
    FAKE;

    /** Every reliability table starts with this prefix, so other suites' tables are left alone. */
    static final String PREFIX = "rel_";

    /** A client with no {@code rel_} tables: a new fake. */
    InMemoryDynamoDb fresh() {
        return InMemoryDynamoDb.create();
    }

    /**
     * The fake behind {@code raw} with its request log cleared, so that what the code under test
     * sends next is all it holds (the set-up's requests are forgotten).
     */
    static InMemoryDynamoDb recording(DynamoDbClient raw) {
        InMemoryDynamoDb fake = (InMemoryDynamoDb) raw;
        fake.clearRequests();
        return fake;
    }

    /** The write requests (PutItem, UpdateItem, DeleteItem, TransactWriteItems, BatchWriteItem) the fake recorded. */
    static List<DynamoDbRequest> writes(InMemoryDynamoDb fake) {
        return fake.requests().stream().filter(Backends::isWrite).toList();
    }

    private static boolean isWrite(DynamoDbRequest r) {
        return r instanceof PutItemRequest || r instanceof UpdateItemRequest || r instanceof DeleteItemRequest
                || r instanceof TransactWriteItemsRequest || r instanceof BatchWriteItemRequest;
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
