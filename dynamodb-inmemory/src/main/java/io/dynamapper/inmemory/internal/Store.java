package io.dynamapper.inmemory.internal;

import java.util.Arrays;

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
    /** Counts partitions added or removed: the scan order only changes then, not on every write. */
    private int partitionSetVersion;
    /** Built by readers under the shared read lock: one immutable object with its version inside. */
    private volatile ScanOrder scanOrder;

    /** Items sharing one partition key, sorted. */
    static final class Partition {
        byte[][] items;
        int size;

        Partition(byte[][] items, int size) {
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
        return partition(probe, hashOf(probe));
    }

    private Partition partition(byte[] probe, int h) {
        int i = slotIndex(probe, h);
        if (i < 0) {
            return null;
        }
        Object s = slots[i];
        return s instanceof byte[] b ? new Partition(new byte[][] {b}, 1) : (Partition) s;
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
        int h = hashOf(item);
        int i = slotIndex(item, h);
        if (i < 0) {
            partitionSetVersion++;
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
            slots[i] = new Partition(arr, 2);
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
        partitionSetVersion++;
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
     * The partition keys in scan order: by unsigned hash of the partition key, then its encoding. Stable
     * across resizes, so scan pagination works. Cached until a partition is added or removed; writes
     * inside existing partitions keep it, as it holds keys, not items ({@link #partitionAt}).
     */
    ScanOrder scanOrder() {
        ScanOrder cached = scanOrder;
        if (cached != null && cached.version == partitionSetVersion) {
            return cached;
        }
        Integer[] order = new Integer[partitions];
        int[] slotHashes = new int[partitions];
        byte[][] keys = new byte[partitions][];
        int n = 0;
        for (int k = 0; k < slots.length; k++) {
            if (slots[k] != null) {
                slotHashes[n] = hashes[k];
                keys[n] = ItemCodec.probe(representative(slots[k]), hashId);
                order[n] = n;
                n++;
            }
        }
        Arrays.sort(order, (a, b) -> compareScan(slotHashes[a], keys[a], slotHashes[b], keys[b]));
        int[] sortedHashes = new int[n];
        byte[][] sortedKeys = new byte[n][];
        for (int j = 0; j < n; j++) {
            sortedHashes[j] = slotHashes[order[j]];
            sortedKeys[j] = keys[order[j]];
        }
        ScanOrder built = new ScanOrder(partitionSetVersion, sortedHashes, sortedKeys);
        scanOrder = built;
        return built;
    }

    /**
     * Partitions in scan order, each named by its hash and its partition key (encoded as a one-attribute
     * item, so the cache does not keep replaced items alive).
     */
    static final class ScanOrder {
        private final int version;
        private final int[] hashes;
        private final byte[][] keys;

        private ScanOrder(int version, int[] hashes, byte[][] keys) {
            this.version = version;
            this.hashes = hashes;
            this.keys = keys;
        }

        int size() {
            return hashes.length;
        }

        int hash(int i) {
            return hashes[i];
        }
    }

    /** The current items of the {@code i}th partition of {@code order} (which is up to date). */
    Partition partitionAt(ScanOrder order, int i) {
        return partition(order.keys[i], order.hashes[i]);
    }

    private int compareScan(int hashA, byte[] a, int hashB, byte[] b) {
        int c = Integer.compareUnsigned(hashA, hashB);
        if (c != 0) {
            return c;
        }
        return ItemCodec.compareRaw(a, ItemCodec.find(a, hashId), b, ItemCodec.find(b, hashId));
    }

    /** Index in {@code order} of the probe's partition, or {@code -(insertion point) - 1}. */
    int scanPosition(ScanOrder order, byte[] probe) {
        int h = hashOf(probe);
        int lo = 0;
        int hi = order.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareScan(order.hashes[mid], order.keys[mid], h, probe);
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
