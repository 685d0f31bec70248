package io.dynamapper;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a {@link Query}: the items, and a cursor to the next page if DynamoDB says there may
 * be more.
 *
 * <p>A page may hold fewer items than asked for, or none at all, and still have a next cursor, even
 * without a filter: DynamoDB counts its {@code Limit} before applying a filter and stops reading at
 * 1 MB, and items that are pending deletion in the reading session are left out of the page.
 * Conversely a next cursor does not promise more items: when a page ends exactly at the last item,
 * DynamoDB still returns a {@code LastEvaluatedKey}, and the next page is empty with no cursor. So
 * read pages until {@link #next()} is empty, not until a page is short or empty.
 *
 * @param items the entities of this page, managed by the session that read them
 * @param next where the next page starts; empty when this is the last page
 * @param <T> the entity type
 */
public record Page<T>(List<T> items, Optional<Cursor> next) {
    /**
     * Validates and copies the components.
     *
     * @param items the entities of this page, managed by the session that read them
     * @param next where the next page starts; empty when this is the last page
     * @throws NullPointerException if {@code items}, one of them, or {@code next} is null
     */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items == null"));
        Objects.requireNonNull(next, "next == null");
    }

    /**
     * Whether a further page may exist (see the class description: it may turn out empty).
     *
     * @return true if {@link #next()} holds a cursor
     */
    public boolean hasNext() {
        return next.isPresent();
    }
}
