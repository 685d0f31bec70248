package io.dynamapper.inmemory.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The {@code ClientRequestToken}s of TransactWriteItems seen within the last 10 minutes of the fake's
 * clock, each with the {@link Fingerprint} of its request's items (not the items: a busy test would
 * otherwise keep every transaction's items alive for 10 minutes).
 *
 * <p>A token is remembered while {@code now < first use + 10 minutes}, measured on each call's clock.
 * Expired tokens are dropped in order of expiry from a priority queue, so a call costs O(log n) instead
 * of a scan over every remembered token; with a clock that only moves forward, that is O(1) amortised.
 * The order is by expiry, not insertion, so a clock moved backward by a test keeps the exact rule above:
 * tokens that had expired before the clock moved back stay forgotten, the others are remembered until
 * the clock passes their expiry again. Guarded by the fake's write lock.
 */
final class IdempotencyTokens {
    static final Duration WINDOW = Duration.ofMinutes(10);

    private record Entry(String token, Fingerprint request, Instant expiry) {
    }

    private final Map<String, Entry> byToken = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>(Comparator.comparing(Entry::expiry));

    /**
     * Whether {@code token} was already used at {@code now} for the same request (a retry, to answer
     * without applying it again); throws IdempotentParameterMismatch if it was used for another request.
     */
    boolean isRetry(String token, Fingerprint request, Instant now) {
        evictExpired(now);
        Entry previous = byToken.get(token);
        if (previous == null) {
            return false;
        }
        if (previous.request().equals(request)) {
            return true;
        }
        throw Errors.idempotentMismatch();
    }

    /** Remembers a token first used at {@code now} (call only when {@link #isRetry} said false). */
    void remember(String token, Fingerprint request, Instant now) {
        Entry e = new Entry(token, request, expiry(now));
        byToken.put(token, e);
        byExpiry.add(e);
    }

    /** {@code now} + 10 minutes, capped at {@link Instant#MAX} (where {@code plus} would throw). */
    private static Instant expiry(Instant now) {
        return now.isAfter(Instant.MAX.minus(WINDOW)) ? Instant.MAX : now.plus(WINDOW);
    }

    void clear() {
        byToken.clear();
        byExpiry.clear();
    }

    int size() {
        return byToken.size();
    }

    private void evictExpired(Instant now) {
        Entry head;
        while ((head = byExpiry.peek()) != null && !now.isBefore(head.expiry())) {
            byExpiry.poll();
            byToken.remove(head.token());
        }
    }
}
