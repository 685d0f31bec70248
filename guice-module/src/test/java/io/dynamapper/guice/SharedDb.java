package io.dynamapper.guice;

import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One in-memory DynamoDB (the testkit's fake) for every test of the JVM, with the {@link Counter}
 * table. Tests use fresh item ids, so they need no cleanup.
 */
final class SharedDb {
    static final String TABLE = "guice_counters";
    private static DynamoDbClient client;

    private SharedDb() {
    }

    /** The shared client; creates the table on first use. */
    static synchronized DynamoDbClient client() {
        if (client == null) {
            client = InMemoryDynamoDb.create();
            client.createTable(b -> b.tableName(TABLE)
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        }
        return client;
    }

    /** The stored value of a counter, read with the raw SDK; -1 if there is no item. */
    static long storedValue(String id) {
        try {
            Map<String, AttributeValue> item = client().getItem(b -> b.tableName(TABLE).consistentRead(true)
                    .key(Map.of("id", AttributeValue.fromS(id)))).item();
            return item == null || item.isEmpty() ? -1 : Long.parseLong(item.get("value").n());
        } catch (ResourceNotFoundException e) {
            return -1;
        }
    }
}
