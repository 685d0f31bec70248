package io.dynamapper.inmemory;

import io.dynamapper.inmemory.internal.Database;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * An in-memory {@link DynamoDbClient} for unit tests: fast, thread-safe and faithful to DynamoDB's
 * semantics for the data plane (items, expressions, queries, scans, batches, transactions) and the
 * control plane (create, describe, update, list and delete tables; time to live; tags; limits and
 * endpoints), with DynamoDB Streams through {@link #streams()}. Tables and indexes are {@code ACTIVE} as
 * soon as they are created, so {@link DynamoDbWaiter}s work; an UpdateTable change shows as in progress
 * for one DescribeTable call. Items are stored in a
 * compact encoding, so large data sets fit in a test's heap.
 *
 * <p>Faults (throttling, conflicts, server errors, I/O errors before or after a write, latency) are
 * injected per operation through {@link #faults()}. Every request received is recorded, so tests can
 * assert on what was sent without a wrapper ({@link #requestCount()}, {@link #takeRequest()},
 * {@link #requests(Class)}). Operations the fake does not implement throw
 * {@link UnsupportedOperationException} naming the operation. {@link #serve()} makes the same
 * database reachable over HTTP by any DynamoDB client.
 *
 * <pre>{@code
 * InMemoryDynamoDb ddb = InMemoryDynamoDb.create();
 * ddb.createTable(...);
 * ddb.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(1, Fault.TRANSACTION_CONFLICT);
 * ... run the code under test ...
 * TransactWriteItemsRequest sent = ddb.requests(TransactWriteItemsRequest.class).get(0);
 * }</pre>
 */
public final class InMemoryDynamoDb implements DynamoDbClient {
    private final Database engine = new Database();
    private final Faults faults = new Faults();
    private final RequestLog requests = new RequestLog();
    private final InMemoryDynamoDbStreams streams = new InMemoryDynamoDbStreams(faults, engine);

    private InMemoryDynamoDb() {
    }

    /**
     * Creates an empty fake with the system UTC clock and no faults.
     *
     * @return a new, empty in-memory DynamoDB
     */
    public static InMemoryDynamoDb create() {
        return new InMemoryDynamoDb();
    }

    /**
     * Serves this database over HTTP on a free port of the loopback address (see
     * {@link InMemoryDynamoDbServer}); it stays usable in process too.
     *
     * @return the running server; close it to free the port
     */
    public InMemoryDynamoDbServer serve() {
        return serve(0);
    }

    /**
     * Serves this database over HTTP on {@code port} of the loopback address (0: a free port).
     *
     * @param port the port, 0 to 65535
     * @return the running server; close it to free the port
     * @throws IllegalArgumentException if {@code port} is outside 0 to 65535
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public InMemoryDynamoDbServer serve(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535 but was " + port);
        }
        return InMemoryDynamoDbServer.start(this, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /**
     * How many requests this database received since it was created or {@link #clearRequests()} was
     * last called, including those an injected fault failed.
     *
     * @return the number of requests received
     */
    public long requestCount() {
        return requests.count();
    }

    /**
     * Removes and returns the oldest recorded request not taken yet (like MockWebServer's
     * {@code takeRequest()}, without blocking). Only the most recent requests are kept (see
     * {@link #keepRequests}).
     *
     * @return the oldest request not taken yet
     * @throws java.util.NoSuchElementException if every recorded request was taken
     */
    public DynamoDbRequest takeRequest() {
        return requests.take();
    }

    /**
     * The recorded requests not taken yet, oldest first (the most recent ones: see {@link #keepRequests}).
     *
     * @return an immutable snapshot
     */
    public List<DynamoDbRequest> requests() {
        return requests.snapshot();
    }

    /**
     * The recorded requests of one type not taken yet, oldest first, e.g.
     * {@code requests(TransactWriteItemsRequest.class)}.
     *
     * @param type the request class
     * @param <T> the request type
     * @return an immutable snapshot
     * @throws NullPointerException if {@code type} is null
     */
    public <T extends DynamoDbRequest> List<T> requests(Class<T> type) {
        Objects.requireNonNull(type, "type == null");
        return requests.snapshot().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Sets how many of the requests received are kept for {@link #takeRequest()} and {@link #requests()}:
     * the most recent ones, at most {@code maxRequests} of them and at most about {@code maxBytes} of heap
     * (estimated from the items and attribute values they carry). Older ones are dropped, at once if the
     * kept ones exceed the new limits; {@link #requestCount()} still counts every request. By default
     * {@value RequestLog#DEFAULT_MAX_REQUESTS} requests and 64 MiB, which any test that reads what it
     * sent stays far below; a test that sends many large requests and reads none of them can keep none,
     * {@code keepRequests(0, 0)}, and hold no memory for them.
     *
     * @param maxRequests how many requests to keep at most, 0 for none
     * @param maxBytes about how many bytes of heap the kept requests may hold, 0 for none
     * @return this fake
     * @throws IllegalArgumentException if {@code maxRequests} or {@code maxBytes} is negative
     */
    public InMemoryDynamoDb keepRequests(int maxRequests, long maxBytes) {
        if (maxRequests < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("keepRequests needs limits of 0 or more, was maxRequests " + maxRequests
                    + ", maxBytes " + maxBytes);
        }
        requests.limit(maxRequests, maxBytes);
        return this;
    }

    /** Forgets the recorded requests and resets {@link #requestCount()} to 0; the limits of {@link #keepRequests} stay. */
    public void clearRequests() {
        requests.clear();
    }

    /**
     * The fault injection settings of this fake.
     *
     * @return its fault settings; never null
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Sets the clock used for table creation times, the 10-minute {@code ClientRequestToken}
     * idempotency window of TransactWriteItems, stream record times, the 24-hour retention of stream
     * records, the 15-minute life of shard iterators and time to live ({@link #expireItems()}).
     *
     * @param clock the clock to use from now on
     * @throws NullPointerException if {@code clock} is null
     */
    public void setClock(Clock clock) {
        engine.setClock(Objects.requireNonNull(clock, "clock == null"));
    }

    /**
     * The clock in use (see {@link #setClock}).
     *
     * @return the clock
     */
    public Clock clock() {
        return engine.clock();
    }

    /**
     * The DynamoDB Streams client of this fake: ListStreams, DescribeStream, GetShardIterator and GetRecords
     * over the streams of tables created or updated with a {@code StreamSpecification}. Always the same
     * instance; closing it does not close the fake.
     *
     * @return the streams client; never null
     */
    public InMemoryDynamoDbStreams streams() {
        return streams;
    }

    /**
     * Deletes, as DynamoDB's time-to-live process does, every item of a table with time to live enabled
     * whose time-to-live attribute is a number of epoch seconds at or before {@link #clock()} and not more
     * than five years before it. Each deletion reaches the table's stream as a {@code REMOVE} record made
     * by the service ({@code userIdentity} type {@code Service}, principal {@code dynamodb.amazonaws.com}).
     * DynamoDB deletes expired items in the background, typically within a few days; the fake deletes
     * them only when this method is called, so tests decide when expiry happens.
     *
     * @return the number of items deleted
     */
    public int expireItems() {
        return engine.expireItems();
    }

    /** Drops every table and forgets every idempotency token; injected faults stay configured. */
    public void reset() {
        engine.reset();
    }

    /** Returns {@code "dynamodb"}. */
    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    /** Frees all tables, clears the faults and the request log; the fake stays usable (and empty) afterwards. */
    @Override
    public void close() {
        engine.reset();
        faults.clear();
        requests.clear();
    }

    /**
     * A waiter that polls this fake without pausing between polls: tables are ACTIVE immediately, and a
     * table UpdateTable changed is ACTIVE again on the second DescribeTable.
     */
    @Override
    public DynamoDbWaiter waiter() {
        return DynamoDbWaiter.builder().client(this).overrideConfiguration(o -> o.backoffStrategyV2(
                software.amazon.awssdk.retries.api.BackoffStrategy.retryImmediately()))
                .build();
    }

    /**
     * Records the request, then runs the action after any injected fault. The request is typed
     * {@code Object}, not {@code DynamoDbRequest}: passing each operation's request class as a class
     * type would make the JVM's verifier load every one of them (some forty) when this class is loaded,
     * which every test JVM would pay at start-up; a request is a {@code DynamoDbRequest} all the same.
     */
    private <T> T call(Operation op, Object request, Supplier<T> action) {
        Objects.requireNonNull(request, "request == null");
        requests.record((DynamoDbRequest) request);
        return faults.apply(op, request, action);
    }

    private static UnsupportedOperationException unsupported(String operation) {
        return new UnsupportedOperationException(
                "InMemoryDynamoDb does not support the " + operation + " operation");
    }

    /** {@inheritDoc} Runs DynamoDB's BatchGetItem against the in-memory tables, after any injected fault. */
    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        return call(Operation.BATCH_GET_ITEM, request, () -> engine.batchGetItem(request));
    }

    /** {@inheritDoc} Runs DynamoDB's BatchWriteItem against the in-memory tables, after any injected fault. */
    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        return call(Operation.BATCH_WRITE_ITEM, request, () -> engine.batchWriteItem(request));
    }

    /** {@inheritDoc} Runs DynamoDB's CreateTable against the in-memory tables, after any injected fault. */
    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        return call(Operation.CREATE_TABLE, request, () -> engine.createTable(request));
    }

    /** {@inheritDoc} Runs DynamoDB's DeleteItem against the in-memory tables, after any injected fault. */
    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return call(Operation.DELETE_ITEM, request, () -> engine.deleteItem(request));
    }

    /** {@inheritDoc} Runs DynamoDB's DeleteTable against the in-memory tables, after any injected fault. */
    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        return call(Operation.DELETE_TABLE, request, () -> engine.deleteTable(request));
    }

    /** {@inheritDoc} Runs DynamoDB's DescribeTable against the in-memory tables, after any injected fault. */
    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return call(Operation.DESCRIBE_TABLE, request, () -> engine.describeTable(request));
    }

    /** {@inheritDoc} Runs DynamoDB's DescribeTimeToLive against the in-memory tables, after any injected fault. */
    @Override
    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest request) {
        return call(Operation.DESCRIBE_TIME_TO_LIVE, request, () -> engine.describeTimeToLive(request));
    }

    /** {@inheritDoc} Runs DynamoDB's GetItem against the in-memory tables, after any injected fault. */
    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return call(Operation.GET_ITEM, request, () -> engine.getItem(request));
    }

    /** {@inheritDoc} Runs DynamoDB's ListTables against the in-memory tables, after any injected fault. */
    @Override
    public ListTablesResponse listTables(ListTablesRequest request) {
        return call(Operation.LIST_TABLES, request, () -> engine.listTables(request));
    }

    /** {@inheritDoc} Runs DynamoDB's PutItem against the in-memory tables, after any injected fault. */
    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return call(Operation.PUT_ITEM, request, () -> engine.putItem(request));
    }

    /** {@inheritDoc} Runs DynamoDB's Query against the in-memory tables, after any injected fault. */
    @Override
    public QueryResponse query(QueryRequest request) {
        return call(Operation.QUERY, request, () -> engine.query(request));
    }

    /** {@inheritDoc} Runs DynamoDB's Scan against the in-memory tables, after any injected fault. */
    @Override
    public ScanResponse scan(ScanRequest request) {
        return call(Operation.SCAN, request, () -> engine.scan(request));
    }

    /** {@inheritDoc} Runs DynamoDB's TransactGetItems against the in-memory tables, after any injected fault. */
    @Override
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
        return call(Operation.TRANSACT_GET_ITEMS, request, () -> engine.transactGetItems(request));
    }

    /** {@inheritDoc} Runs DynamoDB's TransactWriteItems against the in-memory tables, after any injected fault. */
    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        return call(Operation.TRANSACT_WRITE_ITEMS, request, () -> engine.transactWriteItems(request));
    }

    /** {@inheritDoc} Runs DynamoDB's UpdateItem against the in-memory tables, after any injected fault. */
    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return call(Operation.UPDATE_ITEM, request, () -> engine.updateItem(request));
    }

    /** {@inheritDoc} Runs DynamoDB's UpdateTimeToLive against the in-memory tables, after any injected fault. */
    @Override
    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
        return call(Operation.UPDATE_TIME_TO_LIVE, request, () -> engine.updateTimeToLive(request));
    }

    /** {@inheritDoc} Runs DynamoDB's BatchExecuteStatement (PartiQL) against the in-memory tables, after any injected fault. */
    @Override
    public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
        return call(Operation.BATCH_EXECUTE_STATEMENT, request, () -> engine.batchExecuteStatement(request));
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public CreateBackupResponse createBackup(CreateBackupRequest request) {
        throw unsupported("CreateBackup");
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public CreateGlobalTableResponse createGlobalTable(CreateGlobalTableRequest request) {
        throw unsupported("CreateGlobalTable");
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public DeleteBackupResponse deleteBackup(DeleteBackupRequest request) {
        throw unsupported("DeleteBackup");
    }

    /** {@inheritDoc} Runs DynamoDB's DeleteResourcePolicy against the in-memory tables, after any injected fault. */
    @Override
    public DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest request) {
        return call(Operation.DELETE_RESOURCE_POLICY, request, () -> engine.deleteResourcePolicy(request));
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public DescribeBackupResponse describeBackup(DescribeBackupRequest request) {
        throw unsupported("DescribeBackup");
    }

    /** {@inheritDoc} Runs DynamoDB's DescribeContinuousBackups against the in-memory tables, after any injected fault. */
    @Override
    public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest request) {
        return call(Operation.DESCRIBE_CONTINUOUS_BACKUPS, request, () -> engine.describeContinuousBackups(request));
    }

    /** {@inheritDoc} Runs DynamoDB's DescribeContributorInsights against the in-memory tables, after any injected fault. */
    @Override
    public DescribeContributorInsightsResponse describeContributorInsights(DescribeContributorInsightsRequest request) {
        return call(Operation.DESCRIBE_CONTRIBUTOR_INSIGHTS, request, () -> engine.describeContributorInsights(request));
    }

    /** {@inheritDoc} Runs DynamoDB's DescribeEndpoints against the in-memory tables, after any injected fault. */
    @Override
    public DescribeEndpointsResponse describeEndpoints(DescribeEndpointsRequest request) {
        return call(Operation.DESCRIBE_ENDPOINTS, request, () -> engine.describeEndpoints(request));
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public DescribeExportResponse describeExport(DescribeExportRequest request) {
        throw unsupported("DescribeExport");
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public DescribeGlobalTableResponse describeGlobalTable(DescribeGlobalTableRequest request) {
        throw unsupported("DescribeGlobalTable");
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public DescribeGlobalTableSettingsResponse describeGlobalTableSettings(DescribeGlobalTableSettingsRequest request) {
        throw unsupported("DescribeGlobalTableSettings");
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public DescribeImportResponse describeImport(DescribeImportRequest request) {
        throw unsupported("DescribeImport");
    }

    /** {@inheritDoc} Runs DynamoDB's DescribeKinesisStreamingDestination against the in-memory tables, after any injected fault. */
    @Override
    public DescribeKinesisStreamingDestinationResponse describeKinesisStreamingDestination(DescribeKinesisStreamingDestinationRequest request) {
        return call(Operation.DESCRIBE_KINESIS_STREAMING_DESTINATION, request, () -> engine.describeKinesisStreamingDestination(request));
    }

    /** {@inheritDoc} Runs DynamoDB's DescribeLimits against the in-memory tables, after any injected fault. */
    @Override
    public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
        return call(Operation.DESCRIBE_LIMITS, request, () -> engine.describeLimits(request));
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public DescribeTableReplicaAutoScalingResponse describeTableReplicaAutoScaling(DescribeTableReplicaAutoScalingRequest request) {
        throw unsupported("DescribeTableReplicaAutoScaling");
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public DisableKinesisStreamingDestinationResponse disableKinesisStreamingDestination(DisableKinesisStreamingDestinationRequest request) {
        throw unsupported("DisableKinesisStreamingDestination");
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public EnableKinesisStreamingDestinationResponse enableKinesisStreamingDestination(EnableKinesisStreamingDestinationRequest request) {
        throw unsupported("EnableKinesisStreamingDestination");
    }

    /** {@inheritDoc} Runs DynamoDB's ExecuteStatement (PartiQL) against the in-memory tables, after any injected fault. */
    @Override
    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
        return call(Operation.EXECUTE_STATEMENT, request, () -> engine.executeStatement(request));
    }

    /** {@inheritDoc} Runs DynamoDB's ExecuteTransaction (PartiQL) against the in-memory tables, after any injected fault. */
    @Override
    public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request) {
        return call(Operation.EXECUTE_TRANSACTION, request, () -> engine.executeTransaction(request));
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public ExportTableToPointInTimeResponse exportTableToPointInTime(ExportTableToPointInTimeRequest request) {
        throw unsupported("ExportTableToPointInTime");
    }

    /** {@inheritDoc} Runs DynamoDB's GetResourcePolicy against the in-memory tables, after any injected fault. */
    @Override
    public GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest request) {
        return call(Operation.GET_RESOURCE_POLICY, request, () -> engine.getResourcePolicy(request));
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public ImportTableResponse importTable(ImportTableRequest request) {
        throw unsupported("ImportTable");
    }

    /** {@inheritDoc} Runs DynamoDB's ListBackups against the in-memory tables, after any injected fault. */
    @Override
    public ListBackupsResponse listBackups(ListBackupsRequest request) {
        return call(Operation.LIST_BACKUPS, request, () -> engine.listBackups(request));
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public ListContributorInsightsResponse listContributorInsights(ListContributorInsightsRequest request) {
        throw unsupported("ListContributorInsights");
    }

    /** {@inheritDoc} Runs DynamoDB's ListExports against the in-memory tables, after any injected fault. */
    @Override
    public ListExportsResponse listExports(ListExportsRequest request) {
        return call(Operation.LIST_EXPORTS, request, () -> engine.listExports(request));
    }

    /** {@inheritDoc} Runs DynamoDB's ListGlobalTables against the in-memory tables, after any injected fault. */
    @Override
    public ListGlobalTablesResponse listGlobalTables(ListGlobalTablesRequest request) {
        return call(Operation.LIST_GLOBAL_TABLES, request, () -> engine.listGlobalTables(request));
    }

    /** {@inheritDoc} Runs DynamoDB's ListImports against the in-memory tables, after any injected fault. */
    @Override
    public ListImportsResponse listImports(ListImportsRequest request) {
        return call(Operation.LIST_IMPORTS, request, () -> engine.listImports(request));
    }

    /** {@inheritDoc} Runs DynamoDB's ListTagsOfResource against the in-memory tables, after any injected fault. */
    @Override
    public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest request) {
        return call(Operation.LIST_TAGS_OF_RESOURCE, request, () -> engine.listTagsOfResource(request));
    }

    /** {@inheritDoc} Runs DynamoDB's PutResourcePolicy against the in-memory tables, after any injected fault. */
    @Override
    public PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest request) {
        return call(Operation.PUT_RESOURCE_POLICY, request, () -> engine.putResourcePolicy(request));
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public RestoreTableFromBackupResponse restoreTableFromBackup(RestoreTableFromBackupRequest request) {
        throw unsupported("RestoreTableFromBackup");
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public RestoreTableToPointInTimeResponse restoreTableToPointInTime(RestoreTableToPointInTimeRequest request) {
        throw unsupported("RestoreTableToPointInTime");
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public SearchVectorsResponse searchVectors(SearchVectorsRequest request) {
        throw unsupported("SearchVectors");
    }

    /** {@inheritDoc} Runs DynamoDB's TagResource against the in-memory tables, after any injected fault. */
    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        return call(Operation.TAG_RESOURCE, request, () -> engine.tagResource(request));
    }

    /** {@inheritDoc} Runs DynamoDB's UntagResource against the in-memory tables, after any injected fault. */
    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        return call(Operation.UNTAG_RESOURCE, request, () -> engine.untagResource(request));
    }

    /** {@inheritDoc} Runs DynamoDB's UpdateContinuousBackups against the in-memory tables, after any injected fault. */
    @Override
    public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest request) {
        return call(Operation.UPDATE_CONTINUOUS_BACKUPS, request, () -> engine.updateContinuousBackups(request));
    }

    /** {@inheritDoc} Runs DynamoDB's UpdateContributorInsights against the in-memory tables, after any injected fault. */
    @Override
    public UpdateContributorInsightsResponse updateContributorInsights(UpdateContributorInsightsRequest request) {
        return call(Operation.UPDATE_CONTRIBUTOR_INSIGHTS, request, () -> engine.updateContributorInsights(request));
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public UpdateGlobalTableResponse updateGlobalTable(UpdateGlobalTableRequest request) {
        throw unsupported("UpdateGlobalTable");
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public UpdateGlobalTableSettingsResponse updateGlobalTableSettings(UpdateGlobalTableSettingsRequest request) {
        throw unsupported("UpdateGlobalTableSettings");
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public UpdateKinesisStreamingDestinationResponse updateKinesisStreamingDestination(UpdateKinesisStreamingDestinationRequest request) {
        throw unsupported("UpdateKinesisStreamingDestination");
    }

    /** {@inheritDoc} Runs DynamoDB's UpdateTable against the in-memory tables, after any injected fault. */
    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request) {
        return call(Operation.UPDATE_TABLE, request, () -> engine.updateTable(request));
    }

    /** Not supported by the in-memory fake. @throws UnsupportedOperationException always */
    @Override
    public UpdateTableReplicaAutoScalingResponse updateTableReplicaAutoScaling(UpdateTableReplicaAutoScalingRequest request) {
        throw unsupported("UpdateTableReplicaAutoScaling");
    }
}
