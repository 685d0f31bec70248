package io.dynamapper.testkit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Items of one table or index, kept lean for memory: an open-addressing hash table from partition key
 * to either a single encoded item (a {@code byte[]}) or a {@link Partition} of items sorted by sort key
 * (then, for indexes, by the table's key so duplicates of an index key have a stable order).
 * Not thread-safe: the fake's lock guards it.
 */
final class Store {
    private final int hashId;
    private final int rangeId;
    private final int[] tieIds;
    private Object[] slots = new Object[16];
    private int[] hashes = new int[16];
    private int partitions;
    private long items;
    private int modCount;
    private List<Partition> scanOrder;
    private int scanOrderMod = -1;

    /** Items sharing one partition key, sorted. */
    static final class Partition {
        final int hash;
        byte[][] items;
        int size;

        Partition(int hash, byte[][] items, int size) {
            this.hash = hash;
            this.items = items;
            this.size = size;
        }

        int size() {
            return size;
        }

        byte[] get(int i) {
            return items[i];
        }
    }

    Store(int hashId, int rangeId, int... tieIds) {
        this.hashId = hashId;
        this.rangeId = rangeId;
        this.tieIds = tieIds;
    }

    long itemCount() {
        return items;
    }

    /** Orders two items of one partition: sort key, then the tie-break attributes. */
    int compare(byte[] a, byte[] b) {
        if (rangeId >= 0) {
            int c = ItemCodec.compareScalar(a, ItemCodec.find(a, rangeId), b, ItemCodec.find(b, rangeId));
            if (c != 0) {
                return c;
            }
        }
        for (int tie : tieIds) {
            int c = ItemCodec.compareRaw(a, ItemCodec.find(a, tie), b, ItemCodec.find(b, tie));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Orders an item's sort key against a probe's (probe holds at least the sort key attribute). */
    int compareRange(byte[] item, byte[] probe) {
        return ItemCodec.compareScalar(item, ItemCodec.find(item, rangeId), probe, ItemCodec.find(probe, rangeId));
    }

    int hashOf(byte[] item) {
        return ItemCodec.hashRaw(item, ItemCodec.find(item, hashId));
    }

    private boolean samePartition(byte[] a, byte[] b) {
        return ItemCodec.rawEquals(a, ItemCodec.find(a, hashId), b, ItemCodec.find(b, hashId));
    }

    private static byte[] representative(Object slot) {
        return slot instanceof byte[] b ? b : ((Partition) slot).items[0];
    }

    private int slotIndex(byte[] probe, int h) {
        int mask = slots.length - 1;
        int i = h & mask;
        while (slots[i] != null) {
            if (hashes[i] == h && samePartition(representative(slots[i]), probe)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1 - i;
    }

    /** The partition the probe's partition key names, or null. A single item is wrapped on the fly. */
    Partition partition(byte[] probe) {
        int h = hashOf(probe);
        int i = slotIndex(probe, h);
        if (i < 0) {
            return null;
        }
        Object s = slots[i];
        return s instanceof byte[] b ? new Partition(h, new byte[][] {b}, 1) : (Partition) s;
    }

    /** Binary search in a partition: index if found, else {@code -(insertion point) - 1}. */
    int search(Partition p, byte[] probe) {
        int lo = 0;
        int hi = p.size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(p.items[mid], probe);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** First index whose sort key is {@code >= probe}'s ({@code > } when not inclusive). */
    int lowerBound(Partition p, byte[] probe, boolean inclusive) {
        int lo = 0;
        int hi = p.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareRange(p.items[mid], probe);
            if (c < 0 || (!inclusive && c == 0)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    byte[] get(byte[] probe) {
        Partition p = partition(probe);
        if (p == null) {
            return null;
        }
        int i = search(p, probe);
        return i >= 0 ? p.items[i] : null;
    }

    /** Inserts or replaces (same key) an item; returns the replaced item or null. */
    byte[] put(byte[] item) {
        modCount++;
        int h = hashOf(item);
        int i = slotIndex(item, h);
        if (i < 0) {
            int free = -1 - i;
            slots[free] = item;
            hashes[free] = h;
            partitions++;
            items++;
            if (partitions * 4 > slots.length * 3) {
                resize();
            }
            return null;
        }
        Object s = slots[i];
        if (s instanceof byte[] single) {
            int c = compare(single, item);
            if (c == 0) {
                slots[i] = item;
                return single;
            }
            byte[][] arr = c < 0 ? new byte[][] {single, item, null, null} : new byte[][] {item, single, null, null};
            slots[i] = new Partition(h, arr, 2);
            items++;
            return null;
        }
        Partition p = (Partition) s;
        int at = search(p, item);
        if (at >= 0) {
            byte[] old = p.items[at];
            p.items[at] = item;
            return old;
        }
        int ins = -at - 1;
        if (p.size == p.items.length) {
            p.items = Arrays.copyOf(p.items, p.size + (p.size >> 1) + 1);
        }
        System.arraycopy(p.items, ins, p.items, ins + 1, p.size - ins);
        p.items[ins] = item;
        p.size++;
        items++;
        return null;
    }

    /** Removes the item with the probe's key; returns it or null. */
    byte[] remove(byte[] probe) {
        modCount++;
        int h = hashOf(probe);
        int i = slotIndex(probe, h);
        if (i < 0) {
            return null;
        }
        Object s = slots[i];
        if (s instanceof byte[] single) {
            if (compare(single, probe) != 0) {
                return null;
            }
            deleteSlot(i);
            items--;
            return single;
        }
        Partition p = (Partition) s;
        int at = search(p, probe);
        if (at < 0) {
            return null;
        }
        byte[] old = p.items[at];
        System.arraycopy(p.items, at + 1, p.items, at, p.size - at - 1);
        p.items[--p.size] = null;
        items--;
        if (p.size == 1) {
            slots[i] = p.items[0];
        }
        return old;
    }

    private void deleteSlot(int i) {
        int mask = slots.length - 1;
        slots[i] = null;
        partitions--;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (slots[j] == null) {
                return;
            }
            int home = hashes[j] & mask;
            boolean move = (j > i) ? (home <= i || home > j) : (home <= i && home > j);
            if (move) {
                slots[i] = slots[j];
                hashes[i] = hashes[j];
                slots[j] = null;
                i = j;
            }
        }
    }

    private void resize() {
        Object[] oldSlots = slots;
        int[] oldHashes = hashes;
        slots = new Object[oldSlots.length * 2];
        hashes = new int[oldSlots.length * 2];
        int mask = slots.length - 1;
        for (int k = 0; k < oldSlots.length; k++) {
            if (oldSlots[k] != null) {
                int i = oldHashes[k] & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = oldSlots[k];
                hashes[i] = oldHashes[k];
            }
        }
    }

    /**
     * All partitions in scan order: by unsigned hash of the partition key, then its encoding. Stable
     * across resizes, so scan pagination works; cached until the next write.
     */
    List<Partition> scanOrder() {
        if (scanOrder != null && scanOrderMod == modCount) {
            return scanOrder;
        }
        List<Partition> all = new ArrayList<>(partitions);
        for (int k = 0; k < slots.length; k++) {
            Object s = slots[k];
            if (s != null) {
                all.add(s instanceof byte[] b ? new Partition(hashes[k], new byte[][] {b}, 1) : (Partition) s);
            }
        }
        all.sort(this::compareScan);
        scanOrder = all;
        scanOrderMod = modCount;
        return all;
    }

    private int compareScan(Partition a, Partition b) {
        int c = Integer.compareUnsigned(a.hash, b.hash);
        if (c != 0) {
            return c;
        }
        byte[] x = a.items[0];
        byte[] y = b.items[0];
        return ItemCodec.compareRaw(x, ItemCodec.find(x, hashId), y, ItemCodec.find(y, hashId));
    }

    /** Index in {@link #scanOrder()} of the probe's partition, or {@code -(insertion point) - 1}. */
    int scanPosition(List<Partition> order, byte[] probe) {
        Partition key = new Partition(hashOf(probe), new byte[][] {probe}, 1);
        int lo = 0;
        int hi = order.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareScan(order.get(mid), key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }
}
