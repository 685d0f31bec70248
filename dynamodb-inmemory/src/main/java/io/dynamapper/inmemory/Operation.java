package io.dynamapper.inmemory;

/** The DynamoDB operations {@link InMemoryDynamoDb} implements, as targets for {@link Faults#on}. */
public enum Operation {
    BATCH_EXECUTE_STATEMENT,
    BATCH_GET_ITEM,
    BATCH_WRITE_ITEM,
    CREATE_TABLE,
    DELETE_ITEM,
    DELETE_TABLE,
    DESCRIBE_TABLE,
    DESCRIBE_TIME_TO_LIVE,
    EXECUTE_STATEMENT,
    EXECUTE_TRANSACTION,
    GET_ITEM,
    LIST_TABLES,
    PUT_ITEM,
    QUERY,
    SCAN,
    TRANSACT_GET_ITEMS,
    TRANSACT_WRITE_ITEMS,
    UPDATE_ITEM,
    UPDATE_TIME_TO_LIVE
}
