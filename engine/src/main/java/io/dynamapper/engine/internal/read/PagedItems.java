package io.dynamapper.engine.internal.read;

import java.util.ArrayDeque;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The raw items of one read (or one scan segment), fetched page by page on demand and buffered.
 * Used by one thread at a time: a parallel scan's worker fills it, then the calling thread drains
 * it (the hand-over happens through a completed future).
 */
final class PagedItems {
    private final PageFetcher fetcher;
    private final ArrayDeque<Map<String, AttributeValue>> buffer = new ArrayDeque<>();
    private Map<String, AttributeValue> startKey;
    private boolean exhausted;
    private int requests;

    PagedItems(PageFetcher fetcher, Map<String, AttributeValue> startKey) {
        this.fetcher = fetcher;
        this.startKey = startKey;
    }

    /** Whether DynamoDB has said there is nothing more to read. */
    boolean exhausted() {
        return exhausted;
    }

    /** Items fetched but not yet taken. */
    int buffered() {
        return buffer.size();
    }

    /** How many requests were sent. */
    int requests() {
        return requests;
    }

    /**
     * Reads the next page into the buffer.
     *
     * @param limit the {@code Limit} hint, or null
     * @return false if there was nothing more to read
     */
    boolean fetch(Integer limit) {
        if (exhausted) {
            return false;
        }
        RawPage page = fetcher.fetch(startKey, limit, false);
        requests++;
        buffer.addAll(page.items());
        startKey = page.lastEvaluatedKey().orElse(null);
        exhausted = startKey == null;
        return true;
    }

    /** The next buffered item, or null if the buffer is empty. */
    Map<String, AttributeValue> poll() {
        return buffer.poll();
    }
}
