package io.dynamapper;

/** What a commit checks beyond the items it writes. */
public enum Isolation {
    /**
     * The default: each written item is checked against the version it was read with; items only
     * read are not checked.
     */
    READ_COMMITTED,
    /**
     * Also checks every versioned entity read but not written (a {@code ConditionCheck} on its
     * version, counted in the 100-action limit), so the commit fails with an
     * {@link OptimisticLockException} if anything it read changed since.
     */
    SERIALIZABLE
}
