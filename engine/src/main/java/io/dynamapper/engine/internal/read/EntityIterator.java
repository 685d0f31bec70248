package io.dynamapper.engine.internal.read;

import io.dynamapper.engine.internal.mapping.EntityModel;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Entities of one or more item sources (scan segments, in order), handed to the session's loader
 * one at a time on the calling thread, up to a limit. Pages are fetched only when the buffered items
 * run out. Items the loader skips (pending deletes) do not count towards the limit.
 *
 * @param <T> the entity type
 */
final class EntityIterator<T> implements Iterator<T> {
    private final EntityModel<T> model;
    private final EntityLoader loader;
    private final List<PagedItems> sources;
    private final long limit;
    private final boolean limitHints;
    private int source;
    private long returned;
    private T next;

    /**
     * @param limit the most entities to return, or {@code Long.MAX_VALUE}
     * @param limitHints whether to send {@code Limit = remaining} (only right when no filter removes items)
     */
    EntityIterator(EntityModel<T> model, EntityLoader loader, List<PagedItems> sources, long limit,
                   boolean limitHints) {
        this.model = model;
        this.loader = loader;
        this.sources = sources;
        this.limit = limit;
        this.limitHints = limitHints;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (returned >= limit) {
                return false;
            }
            Map<String, AttributeValue> item = nextItem();
            if (item == null) {
                return false;
            }
            next = loader.load(model, item);
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T result = next;
        next = null;
        returned++;
        return result;
    }

    private Map<String, AttributeValue> nextItem() {
        while (source < sources.size()) {
            PagedItems items = sources.get(source);
            Map<String, AttributeValue> item = items.poll();
            if (item != null) {
                return item;
            }
            if (!items.fetch(hint())) {
                source++;
            }
        }
        return null;
    }

    private Integer hint() {
        if (!limitHints || limit == Long.MAX_VALUE) {
            return null;
        }
        return (int) Math.min(Integer.MAX_VALUE, limit - returned);
    }
}
