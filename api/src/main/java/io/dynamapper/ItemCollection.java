package io.dynamapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The entities of an item collection ({@link CollectionQuery#list()}), in the order of their keys:
 * read whole, or by class. Immutable.
 */
public final class ItemCollection {
    private final List<Object> all;

    /**
     * A collection of these entities.
     *
     * @param all the entities, in key order
     * @throws NullPointerException if {@code all} or an entity is null
     */
    public ItemCollection(List<?> all) {
        this.all = List.copyOf(Objects.requireNonNull(all, "all == null"));
    }

    /**
     * Every entity, in key order.
     *
     * @return an unmodifiable list
     */
    public List<Object> all() {
        return all;
    }

    /**
     * The entities that are instances of a class (or interface), in key order.
     *
     * @param type the class
     * @param <T> the class
     * @return an unmodifiable list, empty if there are none
     * @throws NullPointerException if {@code type} is null
     */
    public <T> List<T> of(Class<T> type) {
        Objects.requireNonNull(type, "type == null");
        List<T> result = new ArrayList<>();
        for (Object entity : all) {
            if (type.isInstance(entity)) {
                result.add(type.cast(entity));
            }
        }
        return List.copyOf(result);
    }

    /**
     * The number of entities.
     *
     * @return the size of {@link #all()}
     */
    public int size() {
        return all.size();
    }

    @Override
    public String toString() {
        return "ItemCollection" + all;
    }
}
