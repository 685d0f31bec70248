package io.dynamapper;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a {@link Query}: the items, and a cursor to the next page if DynamoDB says there may
 * be more. A page may hold fewer items than asked for (or none) while a next page still exists,
 * when a filter removed items.
 *
 * @param items the entities of this page, managed by the session that read them
 * @param next where the next page starts; empty when this is the last page
 * @param <T> the entity type
 */
public record Page<T>(List<T> items, Optional<Cursor> next) {
    /** Validates and copies the components. */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items == null"));
        Objects.requireNonNull(next, "next == null");
    }

    /** Whether a further page may exist. */
    public boolean hasNext() {
        return next.isPresent();
    }
}
