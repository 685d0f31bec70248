package io.dynamapper.bench;

import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.engine.Dynamapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * P1's unit of work, four ways on one backend: load 10 {@link UnitItem}s (11 attributes) whose keys
 * are drawn at random among {@link #POPULATION}, change one attribute on each, commit the 10 changes
 * in one transaction with version conditions: through Dynamapper, by hand with the SDK without and
 * with a ClientRequestToken, and through the SDK's Enhanced Client ({@link EnhancedUnit}). The table
 * and its items are created with the plain SDK, so that nothing of Dynamapper's runs before the first
 * measured unit of work (what the cold benchmark needs); the session factory is built, but its entity
 * class is first touched by the first unit (and the Enhanced Client is built by its first unit).
 */
final class UnitOfWork implements AutoCloseable {
    static final String TABLE = "unit_item";
    static final int POPULATION = 500;
    static final int PER_ROUND = 10;

    private final Backend db;
    private final DynamoDbClient client;
    private final SessionFactory sessions;
    private final Keys keys;
    private EnhancedUnit enhanced; // on first use, as Dynamapper builds its model on first use

    UnitOfWork(String backend, int rounds) {
        db = Backend.start(backend);
        client = db.client();
        client.createTable(CreateTableRequest.builder()
                .tableName(TABLE)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build());
        List<WriteRequest> batch = new ArrayList<>(25);
        for (int k = 0; k < POPULATION; k++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(Keys.id(k))).build()).build());
            if (batch.size() == 25) {
                client.batchWriteItem(BatchWriteItemRequest.builder().requestItems(Map.of(TABLE, List.copyOf(batch))).build());
                batch.clear();
            }
        }
        sessions = Dynamapper.builder().client(client).build();
        keys = new Keys(POPULATION, PER_ROUND, rounds, 16);
    }

    private static Map<String, AttributeValue> item(String id) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(id));
        for (int i = 1; i <= 5; i++) {
            item.put("s" + i, AttributeValue.fromS("value " + i + " of " + id));
        }
        for (int i = 1; i <= 4; i++) {
            item.put("n" + i, AttributeValue.fromN(Integer.toString(i * 1000)));
        }
        item.put("version", AttributeValue.fromN("1"));
        return item;
    }

    /** Dynamapper: get ×10 through a session, change a field on each, commit. */
    Object dynamapper() {
        try (Session s = sessions.openSession()) {
            for (String id : keys.next()) {
                s.get(UnitItem.class, id).n1++;
            }
            s.commit();
            return s;
        }
    }

    /** By hand, as users write it: GetItem ×10, then one TransactWriteItems of 10 versioned updates. */
    Object sdkPlain() {
        return client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(sdkUpdates()).build());
    }

    /** The same by hand, with a ClientRequestToken as Dynamapper sends (what makes a retry safe). */
    Object sdkToken() {
        return client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(sdkUpdates())
                .clientRequestToken(UUID.randomUUID().toString()).build());
    }

    /** The same through the Enhanced Client, as its guide shows it ({@link EnhancedUnit#run}). */
    Object enhanced() {
        if (enhanced == null) {
            enhanced = new EnhancedUnit(client, TABLE);
        }
        return enhanced.run(keys.next());
    }

    private List<TransactWriteItem> sdkUpdates() {
        List<TransactWriteItem> writes = new ArrayList<>(PER_ROUND);
        for (String id : keys.next()) {
            Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(id));
            Map<String, AttributeValue> item = client.getItem(GetItemRequest.builder().tableName(TABLE).key(key).build()).item();
            long version = Long.parseLong(item.get("version").n());
            long n1 = Long.parseLong(item.get("n1").n());
            writes.add(TransactWriteItem.builder().update(Update.builder()
                    .tableName(TABLE)
                    .key(key)
                    .updateExpression("SET #n1 = :n1, #v = :next")
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#n1", "n1", "#v", "version"))
                    .expressionAttributeValues(Map.of(
                            ":n1", AttributeValue.fromN(Long.toString(n1 + 1)),
                            ":expected", AttributeValue.fromN(Long.toString(version)),
                            ":next", AttributeValue.fromN(Long.toString(version + 1))))
                    .build()).build());
        }
        return writes;
    }

    @Override
    public void close() {
        db.close();
    }
}
