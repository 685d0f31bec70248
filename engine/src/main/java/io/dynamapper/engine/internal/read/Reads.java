package io.dynamapper.engine.internal.read;

import io.dynamapper.Key;
import io.dynamapper.Query;
import io.dynamapper.Scan;
import io.dynamapper.engine.internal.mapping.EntityModel;
import java.util.Collection;
import java.util.List;

/**
 * TEMPORARY placeholder on the session branch so the session compiles: the reads engineer's
 * {@code Reads} replaces this file at merge.
 */
public final class Reads {
    private Reads() {
    }

    /** A query on the entity's table. */
    public static <T> Query<T> query(ReadContext context, EntityModel<T> model) {
        throw new UnsupportedOperationException("reads: pending merge");
    }

    /** A scan of the entity's table. */
    public static <T> Scan<T> scan(ReadContext context, EntityModel<T> model) {
        throw new UnsupportedOperationException("reads: pending merge");
    }

    /** A batch get. */
    public static <T> List<T> getAll(ReadContext context, EntityModel<T> model, Collection<Key> keys) {
        throw new UnsupportedOperationException("reads: pending merge");
    }
}
