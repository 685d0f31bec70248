package io.dynamapper.engine.testing;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;

/**
 * One DynamoDB Local, in-process and in memory, shared by every test of the JVM (it costs about a
 * second to start). Tests delete their tables with {@link #deleteAllTables()} so they stay independent.
 */
public final class LocalDynamoDb {
    private static AmazonDynamoDBLocal local;
    private static DynamoDbClient client;

    private LocalDynamoDb() {
    }

    /** The shared client, starting DynamoDB Local on first use. */
    public static synchronized DynamoDbClient client() {
        if (client == null) {
            local = DynamoDBEmbedded.create(true);
            client = local.dynamoDbClient();
            Runtime.getRuntime().addShutdownHook(new Thread(local::shutdown, "dynamodb-local-shutdown"));
        }
        return client;
    }

    /** Deletes every table, for a clean start of the next test. */
    public static void deleteAllTables() {
        DynamoDbClient ddb = client();
        ddb.listTablesPaginator().tableNames()
                .forEach(name -> ddb.deleteTable(DeleteTableRequest.builder().tableName(name).build()));
    }
}
