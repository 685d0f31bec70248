package io.dynamapper.engine.internal.session;

import io.dynamapper.CommitEvent;
import io.dynamapper.CommitOutcomeUnknownException;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.RetryEvent;
import io.dynamapper.engine.internal.cache.SecondLevelCache;
import io.dynamapper.engine.internal.commit.Write;
import io.dynamapper.engine.internal.listener.Listeners;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What a commit's end means for the second-level cache and the listeners, kept apart from the
 * commit itself: the items put are cached whole, the items updated or deleted are dropped, and after
 * a conflict or an unknown outcome every item of the commit is dropped (so a re-run reads them from
 * DynamoDB).
 */
final class CommitOutcomes {
    private CommitOutcomes() {
    }

    /** Updates the cache for one applied write, before the entry records it. */
    static void cacheApplied(SecondLevelCache cache, Entry e, Write write) {
        if (write instanceof Write.Put put) {
            cache.put(e.model, put.item());
        } else if (write instanceof Write.Update) {
            if (CounterPlanner.keepsVersion(e.model, write)) {
                cache.invalidate(e.model, write.keyAttributes()); // counter deltas leave the version as it was
            } else {
                cache.updated(e.model, write.keyAttributes(), e.model.version().isPresent() ? e.version + 1 : 0);
            }
        } else if (write instanceof Write.Delete) {
            cache.invalidate(e.model, write.keyAttributes());
        }
        // a condition check changes nothing
    }

    static void committed(List<Write> writes, int attempts, Listeners listeners, long start) {
        if (!listeners.isEmpty()) {
            listeners.commit(new CommitEvent(CommitEvent.Outcome.COMMITTED, tables(writes), writes.size(), attempts,
                    Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    /**
     * After a failed commit: drops the cache entries of its items if what is stored may differ from
     * what the cache holds, and tells the listeners.
     *
     * @param retried the last attempt that failed and was retried, 0 if none was
     */
    static void failed(RuntimeException failure, List<Write> writes, List<Entry> owners, int retried,
                       SecondLevelCache cache, Listeners listeners, long start) {
        CommitEvent.Outcome outcome;
        int attempts = retried + 1;
        if (failure instanceof OptimisticLockException) {
            outcome = CommitEvent.Outcome.CONFLICT;
        } else if (failure instanceof CommitOutcomeUnknownException) {
            outcome = CommitEvent.Outcome.OUTCOME_UNKNOWN;
        } else if (failure instanceof RetriesExhaustedException exhausted) {
            outcome = CommitEvent.Outcome.RETRIES_EXHAUSTED;
            attempts = exhausted.attempts();
        } else {
            outcome = CommitEvent.Outcome.REJECTED;
            if (retried == 0 && !(failure.getCause() instanceof SdkException)) {
                attempts = 0; // refused before sending: too large, too many actions
            }
        }
        if (outcome == CommitEvent.Outcome.CONFLICT || outcome == CommitEvent.Outcome.OUTCOME_UNKNOWN) {
            for (int i = 0; i < writes.size(); i++) {
                cache.invalidate(owners.get(i).model, writes.get(i).keyAttributes());
            }
        }
        if (!listeners.isEmpty()) {
            listeners.commit(new CommitEvent(outcome, tables(writes), writes.size(), attempts,
                    Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    static void retrying(Listeners listeners, int attempt, RuntimeException failure, List<Write> writes) {
        if (!listeners.isEmpty()) {
            Set<String> tables = tables(writes);
            listeners.retry(RetryEvent.Operation.COMMIT, failure, attempt,
                    tables.size() == 1 ? tables.iterator().next() : null);
        }
    }

    private static Set<String> tables(List<Write> writes) {
        Set<String> tables = new HashSet<>(2);
        for (Write w : writes) {
            tables.add(w.tableName());
        }
        return tables;
    }
}
