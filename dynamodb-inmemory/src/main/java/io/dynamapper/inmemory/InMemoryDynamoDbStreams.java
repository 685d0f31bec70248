package io.dynamapper.inmemory;

import io.dynamapper.inmemory.internal.Database;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB Streams side of an {@link InMemoryDynamoDb} (obtained from {@link InMemoryDynamoDb#streams()}):
 * a {@link DynamoDbStreamsClient} over the streams of its tables.
 *
 * <p>A table created or updated with a {@code StreamSpecification} whose {@code StreamEnabled} is true gets
 * a stream with the requested view type ({@code KEYS_ONLY}, {@code NEW_IMAGE}, {@code OLD_IMAGE},
 * {@code NEW_AND_OLD_IMAGES}). Every write that changes an item (PutItem, UpdateItem, DeleteItem, batch
 * writes, transactions, time-to-live expiry) appends one record, {@code INSERT}, {@code MODIFY} or
 * {@code REMOVE}; a write that leaves the item as it was appends none.
 *
 * <p>Differences from DynamoDB, each deterministic: a stream has exactly one shard, which holds every
 * record of the table in commit order (DynamoDB guarantees the order per item, across shards that split
 * over time); the shard closes only when the stream is disabled or its table deleted. Records are kept 24
 * hours and shard iterators last 15 minutes of the fake's {@linkplain InMemoryDynamoDb#clock() clock}.
 * Injected faults apply per {@link Operation} ({@link Operation#GET_RECORDS} and the other stream
 * operations); stream requests are not kept in the fake's request log, which holds DynamoDB requests.
 */
public final class InMemoryDynamoDbStreams implements DynamoDbStreamsClient {
    private final Faults faults;
    private final Database engine;

    InMemoryDynamoDbStreams(Faults faults, Database engine) {
        this.faults = faults;
        this.engine = engine;
    }

    private <T> T call(Operation op, Object request, java.util.function.Supplier<T> action) {
        java.util.Objects.requireNonNull(request, "request == null");
        return faults.apply(op, request, action);
    }

    /** Returns {@code "dynamodb"}, the streams client's service name. */
    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    /** Does nothing: the streams live as long as the {@link InMemoryDynamoDb} that owns them. */
    @Override
    public void close() {
    }

    /** {@inheritDoc} Lists the streams of the in-memory tables, oldest first, after any injected fault. */
    @Override
    public ListStreamsResponse listStreams(ListStreamsRequest request) {
        return call(Operation.LIST_STREAMS, request, () -> engine.listStreams(request));
    }

    /** {@inheritDoc} Describes an in-memory stream and its one shard, after any injected fault. */
    @Override
    public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
        return call(Operation.DESCRIBE_STREAM, request, () -> engine.describeStream(request));
    }

    /** {@inheritDoc} Returns an iterator into an in-memory stream's shard, after any injected fault. */
    @Override
    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
        return call(Operation.GET_SHARD_ITERATOR, request, () -> engine.getShardIterator(request));
    }

    /** {@inheritDoc} Reads records of an in-memory stream from an iterator, after any injected fault. */
    @Override
    public GetRecordsResponse getRecords(GetRecordsRequest request) {
        return call(Operation.GET_RECORDS, request, () -> engine.getRecords(request));
    }
}
