package io.dynamapper;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A commit failed because an item was changed (or deleted) by someone else since this session read
 * it: a version condition, an existence condition on a new entity, the old values an update of an
 * entity without {@link Version} expected (the conflict's reason names the attributes that
 * differed), or a {@link Isolation#SERIALIZABLE} read check did not hold. Nothing of the commit was
 * written. {@link Session#save} and {@link Session#delete(Object)} also throw it, before anything is
 * sent, for a record copy whose version is not the managed instance's (a stale copy).
 *
 * <p>{@link SessionFactory#inTransaction} re-runs the unit of work on this exception. A caller
 * using {@link Session#commit()} directly can reload and retry; the session still holds its pending
 * changes.
 */
public class OptimisticLockException extends DynamapperException {
    private static final long serialVersionUID = 1L;

    private final transient List<Conflict> conflicts;

    /**
     * Creates the exception for one or more conflicts.
     *
     * @param conflicts every entity whose condition failed, in commit order; copied
     * @param cause the DynamoDB exception that reported the failed conditions
     * @throws NullPointerException if {@code conflicts} or one of them is null
     */
    public OptimisticLockException(List<Conflict> conflicts, Throwable cause) {
        super(describe(conflicts), cause);
        this.conflicts = List.copyOf(conflicts);
    }

    /**
     * Every entity whose condition failed, in commit order. Never empty.
     *
     * @return the conflicts, unmodifiable
     */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    private static String describe(List<Conflict> conflicts) {
        return "Optimistic lock failed for " + conflicts.size() + " entit"
                + (conflicts.size() == 1 ? "y" : "ies") + ": "
                + conflicts.stream().map(Conflict::toString).collect(Collectors.joining("; "))
                + ". Nothing was written; reload the entities and retry (SessionFactory.inTransaction does this).";
    }

    /**
     * One entity whose write condition failed.
     *
     * @param entityType the entity class
     * @param key the item's key
     * @param reason what was expected, e.g. "expected version 3" or "expected no item"
     * @param expectedVersion the version this session expected, if the entity is versioned and was not new
     * @param actualVersion the version found in the table, if DynamoDB returned the item and it has one
     * @param itemExists whether the item exists in the table, if DynamoDB told
     */
    public record Conflict(Class<?> entityType, Key key, String reason, Optional<Long> expectedVersion,
                           Optional<Long> actualVersion, Optional<Boolean> itemExists) {
        /**
         * Validates that no component is null.
         *
         * @param entityType the entity class
         * @param key the item's key
         * @param reason what was expected, e.g. "expected version 3" or "expected no item"
         * @param expectedVersion the version this session expected, if the entity is versioned and was not new
         * @param actualVersion the version found in the table, if DynamoDB returned the item and it has one
         * @param itemExists whether the item exists in the table, if DynamoDB told
         * @throws NullPointerException if a component is null
         */
        public Conflict {
            java.util.Objects.requireNonNull(entityType, "entityType == null");
            java.util.Objects.requireNonNull(key, "key == null");
            java.util.Objects.requireNonNull(reason, "reason == null");
            java.util.Objects.requireNonNull(expectedVersion, "expectedVersion == null");
            java.util.Objects.requireNonNull(actualVersion, "actualVersion == null");
            java.util.Objects.requireNonNull(itemExists, "itemExists == null");
        }

        /**
         * The conflict for a message, e.g. {@code DoomMap (1, 2) (expected version 3, found version 4)}.
         *
         * @return the entity class, key, reason and what was found
         */
        @Override
        public String toString() {
            String found = actualVersion.map(v -> ", found version " + v)
                    .orElse(itemExists.map(e -> e ? ", item exists" : ", item is gone").orElse(""));
            return entityType.getSimpleName() + " " + key + " (" + reason + found + ")";
        }
    }
}
