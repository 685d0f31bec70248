package io.dynamapper.engine.internal.mapping;

/**
 * What dirty checking keeps of an entity's stored state: every property but the version, taken by
 * {@link DirtyChecker#snapshot} and read only by its {@link DirtyChecker}. Opaque to its holders;
 * never changed after it is taken.
 */
public final class Snapshot {
    /** The snapshot of each compared property ({@link PropertyModel#snapshot}), in the checker's order. */
    final Object[] values;

    Snapshot(Object[] values) {
        this.values = values;
    }
}
