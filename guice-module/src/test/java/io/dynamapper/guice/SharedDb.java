package io.dynamapper.guice;

import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * One in-memory DynamoDB (the testkit's fake) for every test of the JVM, with the {@link Counter}
 * table. Tests use fresh item ids, so they need no cleanup.
 */
final class SharedDb {
    static final String TABLE = "guice_counters";
    private static InMemoryDynamoDb client;

    private SharedDb() {
    }

    /** The shared client; creates the table on first use. Its request log shows what tests sent. */
    static synchronized InMemoryDynamoDb client() {
        if (client == null) {
            client = fresh();
        }
        return client;
    }

    /** A new in-memory DynamoDB of its own, with the {@link Counter} table. */
    static InMemoryDynamoDb fresh() {
        InMemoryDynamoDb db = InMemoryDynamoDb.create();
        db.createTable(b -> b.tableName(TABLE)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        return db;
    }

    /**
     * An extension (for {@code @RegisterExtension}) that clears the shared fake's request log right
     * before each test method, after every {@code @BeforeEach}: the log then holds what the test sent.
     */
    static BeforeTestExecutionCallback freshRequestLog() {
        return context -> client().clearRequests();
    }

    /** The write requests (put, update, delete, batch and transactional writes) {@code db} recorded. */
    static List<DynamoDbRequest> writes(InMemoryDynamoDb db) {
        return db.requests().stream().filter(r -> r instanceof PutItemRequest || r instanceof UpdateItemRequest
                || r instanceof DeleteItemRequest || r instanceof TransactWriteItemsRequest
                || r instanceof BatchWriteItemRequest).toList();
    }

    /** The stored value of a counter, read with the raw SDK; -1 if there is no item. */
    static long storedValue(String id) {
        return storedValue(client(), id);
    }

    /** The stored value of a counter in {@code db}, read with the raw SDK; -1 if there is no item. */
    static long storedValue(DynamoDbClient db, String id) {
        try {
            Map<String, AttributeValue> item = db.getItem(b -> b.tableName(TABLE).consistentRead(true)
                    .key(Map.of("id", AttributeValue.fromS(id)))).item();
            return item == null || item.isEmpty() ? -1 : Long.parseLong(item.get("value").n());
        } catch (ResourceNotFoundException e) {
            return -1;
        }
    }
}
