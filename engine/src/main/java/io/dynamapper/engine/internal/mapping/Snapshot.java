package io.dynamapper.engine.internal.mapping;

/**
 * What dirty checking keeps of an entity's stored state: every property but the version, taken by
 * {@link DirtyChecker#snapshot} and read only by its {@link DirtyChecker}. Opaque to its holders;
 * never changed after it is taken.
 *
 * <p>Laid out for a cheap clean check: primitive fields as bits in one {@code long[]} (no boxes to
 * follow), the other properties' snapshots in one {@code Object[]}, where an immutable value is the
 * value itself (compared by reference first) and a list is a flat {@code Object[]} of its elements.
 */
public final class Snapshot {
    /** The primitive properties, by the checker's slots ({@link PropertyModel#readBits}). */
    final long[] numbers;
    /** The other properties' snapshots ({@link PropertyModel#snapshot}), by the checker's slots. */
    final Object[] values;

    Snapshot(long[] numbers, Object[] values) {
        this.numbers = numbers;
        this.values = values;
    }
}
