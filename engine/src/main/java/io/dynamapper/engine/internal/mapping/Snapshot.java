package io.dynamapper.engine.internal.mapping;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/**
 * What dirty checking keeps of an entity's stored state: every property but the version, taken by
 * {@link DirtyChecker#snapshot} and read only by its {@link DirtyChecker}. Opaque to its holders;
 * never changed after it is taken.
 *
 * <p>Laid out for a cheap clean check, which touches this object and one array: the first four
 * number slots are fields (primitive fields as bits: no boxes to follow), and one {@code Object[]}
 * holds the other properties' snapshots followed by the elements of the entity's lists, whose
 * offset and length a number slot records. An immutable value or element is kept as itself, so an
 * unchanged one is found by comparing references.
 */
public final class Snapshot {
    /** The number slot of a null list. */
    static final long NULL_LIST = -1L;

    final long n0; // number slot 0 (read as a field by CleanCheck)
    final long n1; // number slot 1 (read as a field by CleanCheck)
    final long n2; // number slot 2 (read as a field by CleanCheck)
    final long n3; // number slot 3 (read as a field by CleanCheck)
    private final long[] more; // number slots 4 and up; null if there are none
    private final Object[] values; // value slots, then the lists' elements

    /**
     * @param numbers the number slots: primitive fields as {@link PropertyModel#readBits bits}, and
     *     {@link #listAt list positions}
     * @param values the value slots and the lists' elements; owned by the snapshot from now on
     */
    Snapshot(long[] numbers, Object[] values) {
        this.n0 = numbers.length > 0 ? numbers[0] : 0;
        this.n1 = numbers.length > 1 ? numbers[1] : 0;
        this.n2 = numbers.length > 2 ? numbers[2] : 0;
        this.n3 = numbers.length > 3 ? numbers[3] : 0;
        this.more = numbers.length > 4 ? Arrays.copyOfRange(numbers, 4, numbers.length) : null;
        this.values = values;
    }

    /** The number slot that records a list of {@code length} elements stored in the values from {@code offset}. */
    static long listAt(int offset, int length) {
        return (long) offset << 32 | length;
    }

    long number(int slot) {
        return switch (slot) {
            case 0 -> n0;
            case 1 -> n1;
            case 2 -> n2;
            case 3 -> n3;
            default -> more[slot - 4];
        };
    }

    Object value(int slot) {
        return values[slot];
    }

    /** A copy of the value slots and the lists' elements, for a snapshot that differs in a few slots. */
    Object[] values() {
        return values.clone();
    }

    /** A copy of the element snapshots of the list recorded at a number slot, or null for a null list. */
    Object[] list(int slot) {
        long at = number(slot);
        if (at == NULL_LIST) {
            return null;
        }
        int offset = (int) (at >>> 32);
        return Arrays.copyOfRange(values, offset, offset + (int) at);
    }

    /**
     * Whether a list (null, or a collection of the list codec) holds what the list recorded at a
     * number slot did: the same elements in order, compared by reference first, then by the element
     * codec. Allocates nothing for a {@link RandomAccess} list.
     */
    boolean sameList(int slot, ValueCodec element, Object value) {
        long at = number(slot);
        if (at == NULL_LIST || value == null) {
            return at == NULL_LIST && value == null;
        }
        int offset = (int) (at >>> 32);
        int length = (int) at;
        Collection<?> now = (Collection<?>) value;
        if (now.size() != length) {
            return false;
        }
        Object[] before = values;
        if (now instanceof RandomAccess && now instanceof List<?> list) {
            for (int i = 0; i < length; i++) {
                Object b = before[offset + i];
                Object e = list.get(i);
                if (b != e && !ContainerCodecs.sameElement(element, b, e)) {
                    return false;
                }
            }
            return true;
        }
        int i = offset;
        for (Object e : now) {
            if (i == offset + length) { // a collection whose size() did not count its elements
                return false;
            }
            Object b = before[i++];
            if (b != e && !ContainerCodecs.sameElement(element, b, e)) {
                return false;
            }
        }
        return true;
    }
}
