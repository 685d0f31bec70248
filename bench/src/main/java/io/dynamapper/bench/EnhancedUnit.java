package io.dynamapper.bench;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Enhanced Client's side of the benchmarks, in a class of its own so that the classes which
 * run the other variants never load the Enhanced Client's classes (the JVM's verifier would, when
 * it loads them, and a start-up figure would pay for it).
 */
final class EnhancedUnit {
    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<EnhancedItem> table;

    /** The client and the table's bean schema, built as an application builds them on first use. */
    EnhancedUnit(DynamoDbClient client, String tableName) {
        enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        table = enhanced.table(tableName, TableSchema.fromBean(EnhancedItem.class));
    }

    /**
     * P1's unit as the Enhanced Client's guide shows it: getItem for each key, change a property on
     * each, one transactWriteItems of the updateItems (its VersionedRecordExtension adds the version
     * condition; it SETs every attribute of the bean, changed or not).
     */
    Object run(String[] ids) {
        TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder();
        for (String id : ids) {
            EnhancedItem item = table.getItem(Key.builder().partitionValue(id).build());
            item.setN1(item.getN1() + 1);
            transaction.addUpdateItem(table, item);
        }
        enhanced.transactWriteItems(transaction.build());
        return transaction;
    }

    /** P7's first commit: a versioned put of a new item in a transaction. */
    void putFirst() {
        EnhancedItem item = new EnhancedItem();
        item.setId("first");
        item.setS1("alpha-first");
        item.setN1(1);
        enhanced.transactWriteItems(TransactWriteItemsEnhancedRequest.builder().addPutItem(table, item).build());
    }
}
