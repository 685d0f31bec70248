package io.dynamapper.engine.internal.bulk;

import static java.util.Objects.requireNonNull;

import io.dynamapper.BulkWriteOptions;
import io.dynamapper.BulkWriter;
import io.dynamapper.DynamapperException;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.RetryPolicy;
import io.dynamapper.engine.internal.commit.Failures;
import io.dynamapper.engine.internal.commit.ItemSize;
import io.dynamapper.engine.internal.keys.KeyGenerator;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.ModelRegistry;
import io.dynamapper.engine.internal.retry.RetryBudget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The engine's {@link BulkWriter}: buffers up to 25 writes, sends them as one
 * {@code BatchWriteItem}, and sends the {@code UnprocessedItems} again with backoff until none are
 * left or the request's {@link RetryBudget} of the policy is used up (a bulk writer is not a unit of
 * work, so each request has a budget of its own). With a parallelism above 1,
 * requests go to a fixed pool of daemon threads, at most that many in flight.
 */
public final class BatchWriter implements BulkWriter {
    /** The most writes DynamoDB accepts in one BatchWriteItem request. */
    static final int BATCH_SIZE = 25;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final DynamoDbClient client;
    private final ModelRegistry models;
    private final KeyGenerator keys;
    private final RetryPolicy policy;
    private final BulkWriteOptions options;
    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final List<Future<?>> sent = new ArrayList<>();
    private final AtomicLong written = new AtomicLong();
    private List<Pending> batch = new ArrayList<>(BATCH_SIZE);
    private final Set<Target> batchTargets = new HashSet<>();
    private final AtomicLong queued = new AtomicLong();
    private long reported;
    private boolean closed;

    /** One queued write: its request and, for messages and duplicates, its table and key. */
    private record Pending(String table, Map<String, AttributeValue> key, WriteRequest request, String description) {
    }

    /** An item of a table, to keep one request from writing the same item twice. */
    private record Target(String table, Map<String, AttributeValue> key) {
    }

    /**
     * A writer.
     *
     * @param client the client to send with
     * @param keys assigns generated keys of put entities
     * @param policy the retry budget per request
     * @param options parallelism and progress callback
     */
    public BatchWriter(DynamoDbClient client, KeyGenerator keys, RetryPolicy policy, BulkWriteOptions options) {
        this(client, keys, policy, options, ModelRegistry.DEFAULT);
    }

    /** A writer mapping entities with the models (and registered codecs) of {@code models}. */
    public BatchWriter(DynamoDbClient client, KeyGenerator keys, RetryPolicy policy, BulkWriteOptions options,
                       ModelRegistry models) {
        this.models = requireNonNull(models, "models == null");
        this.client = requireNonNull(client, "client == null");
        this.keys = requireNonNull(keys, "keys == null");
        this.policy = requireNonNull(policy, "policy == null");
        this.options = requireNonNull(options, "options == null");
        if (options.parallelism() > 1) {
            int id = POOLS.incrementAndGet();
            AtomicInteger threads = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
                Thread t = new Thread(r, "dynamapper-bulk-" + id + "-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.inFlight = new Semaphore(options.parallelism());
        } else {
            this.pool = null;
            this.inFlight = null;
        }
    }

    @Override
    public BulkWriter put(Object entity) {
        requireNonNull(entity, "entity == null");
        checkOpen();
        EntityModel<Object> model = model(entity.getClass());
        keys.assign(model, entity);
        Map<String, AttributeValue> item = model.toItem(entity);
        long size = ItemSize.of(item);
        if (size > ItemSize.MAX_ITEM_BYTES) {
            throw new DynamapperException("Cannot put " + describe(model, model.keys().keyOf(entity)) + ": the item has "
                    + size + " bytes, more than DynamoDB's limit of 400 KB (" + ItemSize.MAX_ITEM_BYTES
                    + " bytes); nothing of it was queued");
        }
        Map<String, AttributeValue> key = model.keys().keyOf(entity);
        add(new Pending(model.tableName(), key, WriteRequest.builder().putRequest(PutRequest.builder().item(item).build())
                .build(), "put " + describe(model, key)));
        return this;
    }

    @Override
    public BulkWriter delete(Object entity) {
        requireNonNull(entity, "entity == null");
        checkOpen();
        EntityModel<Object> model = model(entity.getClass());
        return deleteKey(model, model.keys().keyOf(entity));
    }

    @Override
    public BulkWriter delete(Class<?> type, Object hashKey) {
        requireNonNull(type, "type == null");
        requireNonNull(hashKey, "hashKey == null");
        checkOpen();
        EntityModel<Object> model = model(type);
        return deleteKey(model, model.keys().key(hashKey, null));
    }

    @Override
    public BulkWriter delete(Class<?> type, Object hashKey, Object rangeKey) {
        requireNonNull(type, "type == null");
        requireNonNull(hashKey, "hashKey == null");
        requireNonNull(rangeKey, "rangeKey == null");
        checkOpen();
        EntityModel<Object> model = model(type);
        return deleteKey(model, model.keys().key(hashKey, rangeKey));
    }

    private BulkWriter deleteKey(EntityModel<Object> model, Map<String, AttributeValue> key) {
        add(new Pending(model.tableName(), key, WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key)
                .build()).build(), "delete " + describe(model, key)));
        return this;
    }

    @SuppressWarnings("unchecked")
    private EntityModel<Object> model(Class<?> type) {
        return (EntityModel<Object>) models.model(type);
    }

    private static String describe(EntityModel<?> model, Map<String, AttributeValue> key) {
        return model.type().getSimpleName() + " " + model.keys().keyValue(key);
    }

    private void add(Pending write) {
        Target target = new Target(write.table(), write.key());
        if (batchTargets.contains(target)) {
            send(); // DynamoDB rejects two writes of one item in a request
        }
        batch.add(write);
        batchTargets.add(target);
        queued.incrementAndGet();
        if (batch.size() == BATCH_SIZE) {
            send();
        }
    }

    private void send() {
        if (batch.isEmpty()) {
            return;
        }
        List<Pending> requests = batch;
        batch = new ArrayList<>(BATCH_SIZE);
        batchTargets.clear();
        if (pool == null) {
            write(requests);
            return;
        }
        rethrowFailures(false);
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynamapperException("Interrupted while waiting to send " + requests.size() + " writes; they were "
                    + "not sent: " + descriptions(requests), e);
        }
        try {
            sent.add(pool.submit(() -> {
                try {
                    write(requests);
                } finally {
                    inFlight.release();
                }
            }));
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /** Sends one batch until every write is processed or the budget is used up. */
    private void write(List<Pending> requests) {
        Map<String, List<WriteRequest>> items = new LinkedHashMap<>(2);
        for (Pending p : requests) {
            items.computeIfAbsent(p.table(), t -> new ArrayList<>(BATCH_SIZE)).add(p.request());
        }
        SdkException lastFailure = null;
        RetryBudget budget = new RetryBudget(policy);
        for (int attempt = 1; ; attempt++) {
            try {
                BatchWriteItemResponse response = client.batchWriteItem(BatchWriteItemRequest.builder()
                        .requestItems(items).build());
                int left = count(response.unprocessedItems());
                long total = written.addAndGet(count(items) - left);
                options.progress().ifPresent(p -> p.update(total, queuedSoFar()));
                if (left == 0) {
                    return;
                }
                items = response.unprocessedItems();
                lastFailure = null;
            } catch (SdkException e) {
                if (Failures.classify(e) == Failures.Kind.FATAL) {
                    throw new DynamapperException("BatchWriteItem was rejected: " + e.getMessage() + "; not written: "
                            + descriptions(requests, items), e);
                }
                lastFailure = e; // throttled, or an unknown outcome: puts and deletes may be sent again
            }
            boolean retry;
            try {
                retry = budget.awaitRetry();
            } catch (InterruptedException e) {
                throw new DynamapperException("Interrupted while retrying; not written: " + descriptions(requests, items), e);
            }
            if (!retry) {
                throw new RetriesExhaustedException(count(items) + " of " + requests.size() + " writes were not written "
                        + "after " + attempt + " BatchWriteItem attempts (" + (lastFailure == null ? "left unprocessed"
                        : "failed: " + lastFailure.getMessage()) + "); not written: " + descriptions(requests, items)
                        + ". Bulk writes are not atomic: the other writes of this writer may have been written.",
                        attempt, lastFailure);
            }
        }
    }

    private long queuedSoFar() {
        return queued.get();
    }

    private static int count(Map<String, List<WriteRequest>> items) {
        int n = 0;
        for (List<WriteRequest> list : items.values()) {
            n += list.size();
        }
        return n;
    }

    private static List<String> descriptions(List<Pending> requests) {
        return requests.stream().map(Pending::description).toList();
    }

    private static List<String> descriptions(List<Pending> requests, Map<String, List<WriteRequest>> left) {
        Set<WriteRequest> unwritten = new HashSet<>();
        left.values().forEach(unwritten::addAll);
        return requests.stream().filter(p -> unwritten.contains(p.request())).map(Pending::description).toList();
    }

    /** Throws the first failure of a finished request (others suppressed); with {@code wait}, waits for all. */
    private void rethrowFailures(boolean wait) {
        RuntimeException first = null;
        for (int i = 0; i < sent.size(); i++) {
            Future<?> f = sent.get(i);
            if (!wait && !f.isDone()) {
                continue;
            }
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                DynamapperException interrupted = new DynamapperException("Interrupted while waiting for "
                        + "BatchWriteItem requests; some may still be written", e);
                if (first == null) {
                    first = interrupted;
                } else {
                    first.addSuppressed(interrupted);
                }
                break;
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                        : new DynamapperException("BatchWriteItem failed: " + e.getCause(), e.getCause());
                if (first == null) {
                    first = cause;
                } else {
                    first.addSuppressed(cause);
                }
            }
            sent.remove(i--);
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public long flush() {
        checkOpen();
        return flushQueued();
    }

    private long flushQueued() {
        send();
        if (pool != null) {
            rethrowFailures(true);
        }
        long total = written.get();
        long sinceLast = total - reported;
        reported = total;
        return sinceLast;
    }

    @Override
    public long written() {
        return written.get();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flushQueued();
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("This BulkWriter is closed; open a new one with SessionFactory.bulkWriter()");
        }
    }

    @Override
    public String toString() {
        return "BulkWriter[" + written.get() + " written of " + queued.get() + " queued" + (closed ? ", closed]" : "]");
    }
}
