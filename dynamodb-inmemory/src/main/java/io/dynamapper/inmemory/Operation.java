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
    UPDATE_TIME_TO_LIVE,
    UPDATE_TABLE,
    TAG_RESOURCE,
    UNTAG_RESOURCE,
    LIST_TAGS_OF_RESOURCE,
    DESCRIBE_LIMITS,
    DESCRIBE_ENDPOINTS,
    DESCRIBE_CONTINUOUS_BACKUPS,
    UPDATE_CONTINUOUS_BACKUPS,
    DESCRIBE_CONTRIBUTOR_INSIGHTS,
    UPDATE_CONTRIBUTOR_INSIGHTS,
    DESCRIBE_KINESIS_STREAMING_DESTINATION,
    LIST_BACKUPS,
    LIST_GLOBAL_TABLES,
    LIST_EXPORTS,
    LIST_IMPORTS,
    PUT_RESOURCE_POLICY,
    GET_RESOURCE_POLICY,
    DELETE_RESOURCE_POLICY,
    /** DynamoDB Streams' ListStreams, through {@link InMemoryDynamoDb#streams()}. */
    LIST_STREAMS,
    /** DynamoDB Streams' DescribeStream, through {@link InMemoryDynamoDb#streams()}. */
    DESCRIBE_STREAM,
    /** DynamoDB Streams' GetShardIterator, through {@link InMemoryDynamoDb#streams()}. */
    GET_SHARD_ITERATOR,
    /** DynamoDB Streams' GetRecords, through {@link InMemoryDynamoDb#streams()}. */
    GET_RECORDS
}
