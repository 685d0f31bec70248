package io.dynamapper;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A commit that sent (or tried to send) writes, as told to {@link DynamapperListener#onCommit}.
 *
 * @param outcome how it ended
 * @param tables the tables written, in no particular order (not empty)
 * @param writes the number of actions (puts, updates, deletes and condition checks)
 * @param attempts the requests sent, including retries; 0 if it was rejected before sending
 * @param duration from the start of {@code commit()} until it returned or threw
 */
public record CommitEvent(Outcome outcome, Set<String> tables, int writes, int attempts, Duration duration) {
    /** How a commit ended. */
    public enum Outcome {
        /** Applied. */
        COMMITTED,
        /** A condition failed ({@link OptimisticLockException}); nothing was written. */
        CONFLICT,
        /** Every attempt failed transiently ({@link RetriesExhaustedException}); nothing was written. */
        RETRIES_EXHAUSTED,
        /** It may or may not have been applied ({@link CommitOutcomeUnknownException}). */
        OUTCOME_UNKNOWN,
        /** Refused before sending (too large, invalid) or by DynamoDB; nothing was written. */
        REJECTED
    }

    /**
     * Validates the components.
     *
     * @param outcome how it ended
     * @param tables the tables written, in no particular order (not empty)
     * @param writes the number of actions (puts, updates, deletes and condition checks)
     * @param attempts the requests sent, including retries; 0 if it was rejected before sending
     * @param duration from the start of {@code commit()} until it returned or threw
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if a count is negative or no table is named
     */
    public CommitEvent {
        Objects.requireNonNull(outcome, "outcome == null");
        tables = Set.copyOf(Objects.requireNonNull(tables, "tables == null"));
        Objects.requireNonNull(duration, "duration == null");
        if (tables.isEmpty() || writes < 0 || attempts < 0) {
            throw new IllegalArgumentException("a commit event needs tables and counts >= 0, was tables " + tables
                    + ", writes " + writes + ", attempts " + attempts);
        }
    }
}
