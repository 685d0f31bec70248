package io.dynamapper.inmemory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The requests an {@link InMemoryDynamoDb} received, oldest first: a count of all of them and the most
 * recent ones themselves, at most {@code maxRequests} of them holding at most about {@code maxBytes} of
 * heap, so that a long run (a benchmark, a million puts) does not keep every request alive. Older ones
 * are dropped (and still counted). Thread-safe.
 *
 * <p>The memory of a request is estimated from what it carries: the attribute values of the items and
 * expression values of the writes (about 64 bytes per value and 48 per map entry, plus the characters
 * and bytes themselves, close to what the SDK's objects take) and 256 bytes for everything else.
 */
final class RequestLog {
    /** How many requests are kept by default. */
    static final int DEFAULT_MAX_REQUESTS = 10_000;
    /** About how much heap the kept requests may hold by default: 64 MiB. */
    static final long DEFAULT_MAX_BYTES = 64L << 20;

    private static final long REQUEST = 256;
    private static final long VALUE = 64;
    private static final long ENTRY = 48;

    private final ArrayDeque<Kept> kept = new ArrayDeque<>();
    private long count;
    private long keptBytes;
    private int maxRequests = DEFAULT_MAX_REQUESTS;
    private long maxBytes = DEFAULT_MAX_BYTES;

    /** A recorded request and its estimated size. */
    private record Kept(DynamoDbRequest request, long bytes) {
    }

    synchronized void limit(int requests, long bytes) {
        maxRequests = requests;
        maxBytes = bytes;
        trim();
    }

    synchronized void record(DynamoDbRequest request) {
        count++;
        if (maxRequests == 0) {
            return;
        }
        long bytes = estimate(request);
        kept.addLast(new Kept(request, bytes));
        keptBytes += bytes;
        trim();
    }

    /** Drops the oldest requests until both limits hold (a single request larger than the byte limit is not kept). */
    private void trim() {
        while (!kept.isEmpty() && (kept.size() > maxRequests || keptBytes > maxBytes)) {
            keptBytes -= kept.removeFirst().bytes;
        }
    }

    synchronized long count() {
        return count;
    }

    synchronized DynamoDbRequest take() {
        Kept first = kept.pollFirst();
        if (first == null) {
            throw new NoSuchElementException("no request left to take: the in-memory DynamoDB received " + count
                    + " since it was created or its requests were last cleared, and every one kept was taken"
                    + (maxRequests == 0 ? " (it keeps none: see InMemoryDynamoDb.keepRequests)" : ""));
        }
        keptBytes -= first.bytes;
        return first.request;
    }

    synchronized List<DynamoDbRequest> snapshot() {
        List<DynamoDbRequest> list = new ArrayList<>(kept.size());
        for (Kept k : kept) {
            list.add(k.request);
        }
        return List.copyOf(list);
    }

    synchronized void clear() {
        kept.clear();
        keptBytes = 0;
        count = 0;
    }

    /** The estimated heap a request holds; only requests that carry items or values are walked. */
    static long estimate(DynamoDbRequest request) {
        long bytes = REQUEST;
        if (request instanceof PutItemRequest put) {
            bytes += map(put.item()) + map(put.expressionAttributeValues());
        } else if (request instanceof UpdateItemRequest update) {
            bytes += map(update.key()) + map(update.expressionAttributeValues());
        } else if (request instanceof BatchWriteItemRequest batch) {
            for (List<WriteRequest> writes : batch.requestItems().values()) {
                for (WriteRequest w : writes == null ? List.<WriteRequest>of() : writes) {
                    bytes += ENTRY + (w == null ? 0 : w.putRequest() != null ? map(w.putRequest().item())
                            : w.deleteRequest() != null ? map(w.deleteRequest().key()) : 0);
                }
            }
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem it : transaction.transactItems()) {
                bytes += ENTRY;
                if (it == null) {
                    continue;
                }
                if (it.put() != null) {
                    bytes += map(it.put().item()) + map(it.put().expressionAttributeValues());
                } else if (it.update() != null) {
                    bytes += map(it.update().key()) + map(it.update().expressionAttributeValues());
                } else if (it.delete() != null) {
                    bytes += map(it.delete().key()) + map(it.delete().expressionAttributeValues());
                } else if (it.conditionCheck() != null) {
                    bytes += map(it.conditionCheck().key()) + map(it.conditionCheck().expressionAttributeValues());
                }
            }
        } else if (request instanceof ExecuteStatementRequest statement) {
            bytes += length(statement.statement()) + list(statement.parameters());
        } else if (request instanceof BatchExecuteStatementRequest batch) {
            for (BatchStatementRequest s : batch.statements()) {
                bytes += ENTRY + (s == null ? 0 : length(s.statement()) + list(s.parameters()));
            }
        } else if (request instanceof ExecuteTransactionRequest transaction) {
            for (ParameterizedStatement s : transaction.transactStatements()) {
                bytes += ENTRY + (s == null ? 0 : length(s.statement()) + list(s.parameters()));
            }
        }
        return bytes;
    }

    private static long map(Map<String, AttributeValue> map) {
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
            bytes += ENTRY + length(e.getKey()) + value(e.getValue());
        }
        return bytes;
    }

    /** Requests are recorded before they are validated: anything may be null. */
    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static long list(List<AttributeValue> list) {
        long bytes = 0;
        for (AttributeValue v : list) {
            bytes += value(v);
        }
        return bytes;
    }

    private static long value(AttributeValue v) {
        if (v == null) {
            return 0;
        }
        long bytes = VALUE;
        if (v.s() != null) {
            bytes += length(v.s());
        } else if (v.n() != null) {
            bytes += length(v.n());
        } else if (v.b() != null) {
            bytes += v.b().asByteArrayUnsafe().length;
        } else if (v.hasSs()) {
            for (String s : v.ss()) {
                bytes += ENTRY + length(s);
            }
        } else if (v.hasNs()) {
            for (String n : v.ns()) {
                bytes += ENTRY + length(n);
            }
        } else if (v.hasBs()) {
            for (SdkBytes b : v.bs()) {
                bytes += ENTRY + (b == null ? 0 : b.asByteArrayUnsafe().length);
            }
        } else if (v.hasL()) {
            bytes += list(v.l());
        } else if (v.hasM()) {
            bytes += map(v.m());
        }
        return bytes;
    }
}
