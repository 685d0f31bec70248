package io.dynamapper.reliability;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.dynamapper.RetryPolicy;
import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.testkit.InMemoryDynamoDb;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The two backends every reliability test runs against: a fresh {@link InMemoryDynamoDb} per test,
 * and one DynamoDB Local (in-process, in memory) per JVM whose tables (all named {@code rel_...})
 * are dropped before each test.
 */
enum Backends {
    FAKE,
    LOCAL;

    /** Every reliability table starts with this prefix, so other suites' tables are left alone. */
    static final String PREFIX = "rel_";

    private static AmazonDynamoDBLocal local;
    private static DynamoDbClient localClient;

    /** A client with no {@code rel_} tables: a new fake, or the shared DynamoDB Local emptied of ours. */
    DynamoDbClient fresh() {
        if (this == FAKE) {
            return InMemoryDynamoDb.create();
        }
        DynamoDbClient ddb = localClient();
        ddb.listTablesPaginator().tableNames().stream().filter(n -> n.startsWith(PREFIX))
                .forEach(n -> ddb.deleteTable(b -> b.tableName(n)));
        return ddb;
    }

    private static synchronized DynamoDbClient localClient() {
        if (localClient == null) {
            local = DynamoDBEmbedded.create(true);
            localClient = local.dynamoDbClient();
            Runtime.getRuntime().addShutdownHook(new Thread(local::shutdown, "reliability-dynamodb-local-shutdown"));
        }
        return localClient;
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
