package io.dynamapper.inmemory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * The requests an {@link InMemoryDynamoDb} received, oldest first: a count of all of them and the most
 * recent {@link #CAPACITY} themselves, so that a long run (a benchmark, a million puts) does not keep
 * every request alive. Thread-safe.
 */
final class RequestLog {
    /** How many requests are kept; older ones are dropped (and still counted). */
    static final int CAPACITY = 10_000;

    private final ArrayDeque<DynamoDbRequest> kept = new ArrayDeque<>();
    private long count;

    synchronized void record(DynamoDbRequest request) {
        count++;
        if (kept.size() == CAPACITY) {
            kept.removeFirst();
        }
        kept.addLast(request);
    }

    synchronized long count() {
        return count;
    }

    synchronized DynamoDbRequest take() {
        DynamoDbRequest first = kept.pollFirst();
        if (first == null) {
            throw new NoSuchElementException("no request left to take: the in-memory DynamoDB received " + count
                    + " since it was created or its requests were last cleared, and every one kept was taken");
        }
        return first;
    }

    synchronized List<DynamoDbRequest> snapshot() {
        return List.copyOf(new ArrayList<>(kept));
    }

    synchronized void clear() {
        kept.clear();
        count = 0;
    }
}
