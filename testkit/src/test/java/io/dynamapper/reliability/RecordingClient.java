package io.dynamapper.reliability;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A client that records every request it forwards to a real one (the fake), and
 * can fail write requests the way a network does: an I/O error before the request is sent (nothing
 * applied) or after the backend applied it (outcome unknown to the caller). It never changes what
 * the backend does; it only loses requests or responses. Thread-safe.
 */
final class RecordingClient implements DynamoDbClient {
    /** Where an injected I/O error happens. */
    enum When { BEFORE_SEND, AFTER_APPLY }

    private final DynamoDbClient delegate;
    private final List<DynamoDbRequest> requests = new ArrayList<>();
    private final Deque<When> pendingWriteFaults = new ArrayDeque<>();
    private int injected;

    RecordingClient(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    /** Fails the next {@code times} write requests (PutItem, UpdateItem, DeleteItem, TransactWriteItems, BatchWriteItem). */
    synchronized RecordingClient failNextWrites(int times, When when) {
        for (int i = 0; i < times; i++) {
            pendingWriteFaults.add(when);
        }
        return this;
    }

    synchronized void clearFaults() {
        pendingWriteFaults.clear();
    }

    synchronized int injected() {
        return injected;
    }

    synchronized List<DynamoDbRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized void clearRequests() {
        requests.clear();
    }

    /** The write requests recorded so far. */
    synchronized List<DynamoDbRequest> writes() {
        return requests.stream().filter(RecordingClient::isWrite).toList();
    }

    static boolean isWrite(DynamoDbRequest r) {
        return r instanceof PutItemRequest || r instanceof UpdateItemRequest || r instanceof DeleteItemRequest
                || r instanceof TransactWriteItemsRequest || r instanceof BatchWriteItemRequest;
    }

    private <T> T call(DynamoDbRequest request, Supplier<T> action) {
        When fault = null;
        synchronized (this) {
            requests.add(request);
            if (isWrite(request) && !pendingWriteFaults.isEmpty()) {
                fault = pendingWriteFaults.poll();
                injected++;
            }
        }
        if (fault == When.BEFORE_SEND) {
            throw SdkClientException.builder().message("Unable to execute HTTP request: injected I/O error before sending")
                    .cause(new IOException("injected: connection refused")).build();
        }
        T result = action.get(); // a failure of the request itself wins, as on a real connection
        if (fault == When.AFTER_APPLY) {
            throw SdkClientException.builder().message("Unable to execute HTTP request: injected I/O error after the "
                    + "write was applied").cause(new IOException("injected: connection reset")).build();
        }
        return result;
    }

    @Override
    public GetItemResponse getItem(GetItemRequest r) {
        return call(r, () -> delegate.getItem(r));
    }

    @Override
    public PutItemResponse putItem(PutItemRequest r) {
        return call(r, () -> delegate.putItem(r));
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest r) {
        return call(r, () -> delegate.updateItem(r));
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest r) {
        return call(r, () -> delegate.deleteItem(r));
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
        return call(r, () -> delegate.transactWriteItems(r));
    }

    @Override
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest r) {
        return call(r, () -> delegate.transactGetItems(r));
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest r) {
        return call(r, () -> delegate.batchGetItem(r));
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r) {
        return call(r, () -> delegate.batchWriteItem(r));
    }

    @Override
    public QueryResponse query(QueryRequest r) {
        return call(r, () -> delegate.query(r));
    }

    @Override
    public ScanResponse scan(ScanRequest r) {
        return call(r, () -> delegate.scan(r));
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest r) {
        return call(r, () -> delegate.describeTable(r));
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        // the delegate belongs to the test
    }
}
