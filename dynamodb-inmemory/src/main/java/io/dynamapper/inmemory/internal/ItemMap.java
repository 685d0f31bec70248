package io.dynamapper.inmemory.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A small decoded item: an immutable map over two arrays, in encoding order (key attributes first).
 * Cheaper to build than a HashMap, which matters because every item a Query returns is decoded here
 * and then copied again by the SDK's response builder. Lookups scan the names (interned by the table's
 * {@link NameDictionary}, so usually an identity match); {@link ItemCodec#decode} uses it only for
 * items of at most {@link #MAX_SIZE} attributes.
 */
final class ItemMap extends AbstractMap<String, AttributeValue> {
    static final int MAX_SIZE = 16;

    private final String[] names;
    private final AttributeValue[] values;

    ItemMap(String[] names, AttributeValue[] values) {
        this.names = names;
        this.values = values;
    }

    private int indexOf(Object name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public AttributeValue get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, AttributeValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, AttributeValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, AttributeValue> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, AttributeValue> e = new SimpleImmutableEntry<>(names[next], values[next]);
                        next++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
