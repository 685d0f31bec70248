package io.dynamapper.engine.internal.commit;

import static java.util.Objects.requireNonNull;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A map of a few entries on two arrays, in insertion order: the expression attribute names and
 * values of one write, which the SDK copies into its own map when the request is built. Costs two
 * small arrays instead of a hash table and one node per entry; lookups are linear, which for the
 * handful of placeholders of a write is as fast as hashing. Keys and values must not be null.
 * {@link #put} replaces the value of a key already present, as a {@link java.util.HashMap} would;
 * nothing can be removed. Not thread-safe.
 *
 * @param <V> the values
 */
public final class ArrayMap<V> extends AbstractMap<String, V> {
    private String[] keys;
    private Object[] values;
    private int size;

    /**
     * An empty map with room for {@code capacity} entries before it grows.
     *
     * @param capacity the expected number of entries
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public ArrayMap(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
        }
        keys = new String[capacity];
        values = new Object[capacity];
    }

    /**
     * Adds an entry, or replaces the value of {@code key}.
     *
     * @return the value replaced, or null if the key was not present
     * @throws NullPointerException if {@code key} or {@code value} is null
     */
    @Override
    public V put(String key, V value) {
        requireNonNull(key, "key == null");
        requireNonNull(value, "value == null");
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                @SuppressWarnings("unchecked")
                V old = (V) values[i];
                values[i] = value;
                return old;
            }
        }
        if (size == keys.length) {
            int capacity = Math.max(4, size * 2);
            keys = Arrays.copyOf(keys, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        return null;
    }

    @Override
    public int size() {
        return size;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super String, ? super V> action) {
        requireNonNull(action, "action == null");
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], (V) values[i]);
        }
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], (V) values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
