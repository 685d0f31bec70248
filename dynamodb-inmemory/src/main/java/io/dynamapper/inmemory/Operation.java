package io.dynamapper.inmemory;

/** The DynamoDB operations {@link InMemoryDynamoDb} implements, as targets for {@link Faults#on}. */
public enum Operation {
    /** DynamoDB's {@code BatchExecuteStatement}. */
    BATCH_EXECUTE_STATEMENT,
    /** DynamoDB's {@code BatchGetItem}. */
    BATCH_GET_ITEM,
    /** DynamoDB's {@code BatchWriteItem}. */
    BATCH_WRITE_ITEM,
    /** DynamoDB's {@code CreateTable}. */
    CREATE_TABLE,
    /** DynamoDB's {@code DeleteItem}. */
    DELETE_ITEM,
    /** DynamoDB's {@code DeleteTable}. */
    DELETE_TABLE,
    /** DynamoDB's {@code DescribeTable}. */
    DESCRIBE_TABLE,
    /** DynamoDB's {@code DescribeTimeToLive}. */
    DESCRIBE_TIME_TO_LIVE,
    /** DynamoDB's {@code ExecuteStatement}. */
    EXECUTE_STATEMENT,
    /** DynamoDB's {@code ExecuteTransaction}. */
    EXECUTE_TRANSACTION,
    /** DynamoDB's {@code GetItem}. */
    GET_ITEM,
    /** DynamoDB's {@code ListTables}. */
    LIST_TABLES,
    /** DynamoDB's {@code PutItem}. */
    PUT_ITEM,
    /** DynamoDB's {@code Query}. */
    QUERY,
    /** DynamoDB's {@code Scan}. */
    SCAN,
    /** DynamoDB's {@code TransactGetItems}. */
    TRANSACT_GET_ITEMS,
    /** DynamoDB's {@code TransactWriteItems}. */
    TRANSACT_WRITE_ITEMS,
    /** DynamoDB's {@code UpdateItem}. */
    UPDATE_ITEM,
    /** DynamoDB's {@code UpdateTimeToLive}. */
    UPDATE_TIME_TO_LIVE,
    /** DynamoDB's {@code UpdateTable}. */
    UPDATE_TABLE,
    /** DynamoDB's {@code TagResource}. */
    TAG_RESOURCE,
    /** DynamoDB's {@code UntagResource}. */
    UNTAG_RESOURCE,
    /** DynamoDB's {@code ListTagsOfResource}. */
    LIST_TAGS_OF_RESOURCE,
    /** DynamoDB's {@code DescribeLimits}. */
    DESCRIBE_LIMITS,
    /** DynamoDB's {@code DescribeEndpoints}. */
    DESCRIBE_ENDPOINTS,
    /** DynamoDB's {@code DescribeContinuousBackups}. */
    DESCRIBE_CONTINUOUS_BACKUPS,
    /** DynamoDB's {@code UpdateContinuousBackups}. */
    UPDATE_CONTINUOUS_BACKUPS,
    /** DynamoDB's {@code DescribeContributorInsights}. */
    DESCRIBE_CONTRIBUTOR_INSIGHTS,
    /** DynamoDB's {@code UpdateContributorInsights}. */
    UPDATE_CONTRIBUTOR_INSIGHTS,
    /** DynamoDB's {@code DescribeKinesisStreamingDestination}. */
    DESCRIBE_KINESIS_STREAMING_DESTINATION,
    /** DynamoDB's {@code ListBackups}. */
    LIST_BACKUPS,
    /** DynamoDB's {@code ListGlobalTables}. */
    LIST_GLOBAL_TABLES,
    /** DynamoDB's {@code ListExports}. */
    LIST_EXPORTS,
    /** DynamoDB's {@code ListImports}. */
    LIST_IMPORTS,
    /** DynamoDB's {@code PutResourcePolicy}. */
    PUT_RESOURCE_POLICY,
    /** DynamoDB's {@code GetResourcePolicy}. */
    GET_RESOURCE_POLICY,
    /** DynamoDB's {@code DeleteResourcePolicy}. */
    DELETE_RESOURCE_POLICY,
    /** DynamoDB Streams' ListStreams, through {@link InMemoryDynamoDb#streams()}. */
    /** DynamoDB Streams' {@code ListStreams}. */
    LIST_STREAMS,
    /** DynamoDB Streams' DescribeStream, through {@link InMemoryDynamoDb#streams()}. */
    /** DynamoDB Streams' {@code DescribeStream}. */
    DESCRIBE_STREAM,
    /** DynamoDB Streams' GetShardIterator, through {@link InMemoryDynamoDb#streams()}. */
    /** DynamoDB Streams' {@code GetShardIterator}. */
    GET_SHARD_ITERATOR,
    /** DynamoDB Streams' GetRecords, through {@link InMemoryDynamoDb#streams()}. */
    GET_RECORDS
}
