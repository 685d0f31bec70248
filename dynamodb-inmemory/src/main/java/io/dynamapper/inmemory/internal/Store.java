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

    /**
     * Items sharing one partition key, sorted (by {@link Store#compare}), addressed by position. Up to
     * {@link #LEAF_MAX} items they are one flat array; beyond, a B+tree whose inner nodes count the
     * items under each child, so finding a key, inserting, removing and reading by position all take
     * time logarithmic in the partition's size (a flat array made inserts linear: P6). The fake's
     * read/write lock gives readers a stable view: the tree only changes under the write lock, and the
     * one field readers write ({@link #hint}, the last leaf read) holds an immutable object.
     */
    static final class Partition {
        static final int LEAF_MAX = 128;
        static final int INNER_MAX = 64;
        private static final int EXACT = 0;
        private static final int FROM_INCLUSIVE = 1;
        private static final int FROM_EXCLUSIVE = 2;

        /** The flat form: the first {@link #size} are used; null in tree form. */
        private byte[][] items;
        private int size;
        /** The tree form: its root; null in flat form. */
        private Node root;
        /** Where the last read by position landed, so that reading in order costs O(1) per item. */
        private Hint hint;
        /** The item a tree insert replaced (same key), or null: an out-parameter of {@link #insert}. */
        private byte[] replaced;

        Partition(byte[][] items, int size) {
            this.items = items;
            this.size = size;
        }

        int size() {
            return size;
        }

        /** The first item (any item names the partition key). */
        byte[] first() {
            return root == null ? items[0] : root.first();
        }

        byte[] get(int i) {
            if (root == null) {
                return items[i];
            }
            Hint h = hint;
            if (h != null && i >= h.start && i - h.start < h.leaf.n) {
                return h.leaf.items[i - h.start];
            }
            Node node = root;
            int start = 0;
            while (node instanceof Inner in) {
                int k = 0;
                while (i - start >= in.counts[k]) {
                    start += in.counts[k];
                    k++;
                }
                node = in.kids[k];
            }
            Leaf leaf = (Leaf) node;
            hint = new Hint(leaf, start);
            return leaf.items[i - start];
        }

        /** Index of the item with the probe's key, else {@code -(insertion point) - 1}. */
        int search(Store s, byte[] probe) {
            return locate(s, probe, EXACT);
        }

        /** First index whose sort key is {@code >= probe}'s ({@code >} when not inclusive). */
        int lowerBound(Store s, byte[] probe, boolean inclusive) {
            return locate(s, probe, inclusive ? FROM_INCLUSIVE : FROM_EXCLUSIVE);
        }

        private int locate(Store s, byte[] probe, int mode) {
            if (root == null) {
                return bsearch(s, items, size, probe, mode);
            }
            Node node = root;
            int offset = 0;
            while (node instanceof Inner in) {
                int k = child(s, in, probe, mode);
                for (int j = 0; j < k; j++) {
                    offset += in.counts[j];
                }
                node = in.kids[k];
            }
            Leaf leaf = (Leaf) node;
            int at = bsearch(s, leaf.items, leaf.n, probe, mode);
            return at >= 0 ? offset + at : at - offset;
        }

        /** Whether {@code item} sorts before the probe's position in this mode. */
        private static boolean before(Store s, byte[] item, byte[] probe, int mode) {
            return switch (mode) {
                case EXACT -> s.compare(item, probe) < 0;
                case FROM_INCLUSIVE -> s.compareRange(item, probe) < 0;
                default -> s.compareRange(item, probe) <= 0;
            };
        }

        /**
         * In a sorted array: for {@link #EXACT} the index of the probe's key or {@code -(insertion point) -
         * 1}; otherwise the first index not {@link #before} the probe.
         */
        private static int bsearch(Store s, byte[][] a, int n, byte[] probe, int mode) {
            if (mode == EXACT) {
                int lo = 0;
                int hi = n - 1;
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    int c = s.compare(a[mid], probe);
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
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (before(s, a[mid], probe, mode)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** The child to descend into: the last whose first item is not after the probe (else the first). */
        private static int child(Store s, Inner in, byte[] probe, int mode) {
            int lo = 1;
            int hi = in.n - 1;
            int k = 0;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                byte[] first = in.firsts[mid];
                boolean left = mode == EXACT ? s.compare(first, probe) <= 0 : before(s, first, probe, mode);
                if (left) {
                    k = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return k;
        }

        /** Inserts or replaces (same key) an item; returns the replaced item or null. */
        byte[] put(Store s, byte[] item) {
            if (root == null) {
                int at = bsearch(s, items, size, item, EXACT);
                if (at >= 0) {
                    byte[] old = items[at];
                    items[at] = item;
                    return old;
                }
                if (size < LEAF_MAX) {
                    int ins = -at - 1;
                    if (size == items.length) {
                        items = Arrays.copyOf(items, Math.min(LEAF_MAX, size + (size >> 1) + 1));
                    }
                    System.arraycopy(items, ins, items, ins + 1, size - ins);
                    items[ins] = item;
                    size++;
                    return null;
                }
                root = new Leaf(Arrays.copyOf(items, LEAF_MAX), size);
                items = null;
            }
            hint = null;
            replaced = null;
            Node sibling = insert(s, root, item);
            if (sibling != null) {
                Inner top = new Inner();
                top.add(0, root);
                top.add(1, sibling);
                root = top;
            }
            byte[] old = replaced;
            replaced = null;
            if (old == null) {
                size++;
            }
            return old;
        }

        /** Inserts into the subtree; returns the new right sibling if the node split, else null. */
        private Node insert(Store s, Node node, byte[] item) {
            if (node instanceof Leaf leaf) {
                int at = bsearch(s, leaf.items, leaf.n, item, EXACT);
                if (at >= 0) {
                    replaced = leaf.items[at];
                    leaf.items[at] = item;
                    return null;
                }
                int ins = -at - 1;
                if (leaf.n < LEAF_MAX) {
                    leaf.insert(ins, item);
                    return null;
                }
                // appending keeps the left leaf full (ascending inserts fill leaves); else split in half
                int keep = ins == LEAF_MAX ? LEAF_MAX : LEAF_MAX / 2;
                Leaf right = new Leaf(new byte[LEAF_MAX][], 0);
                System.arraycopy(leaf.items, keep, right.items, 0, LEAF_MAX - keep);
                Arrays.fill(leaf.items, keep, LEAF_MAX, null);
                right.n = LEAF_MAX - keep;
                leaf.n = keep;
                if (ins <= keep && ins < LEAF_MAX) {
                    leaf.insert(ins, item);
                } else {
                    right.insert(ins - keep, item);
                }
                return right;
            }
            Inner in = (Inner) node;
            int k = child(s, in, item, EXACT);
            Node kid = in.kids[k];
            Node sibling = insert(s, kid, item);
            int before = in.counts[k];
            in.counts[k] = kid.count();
            in.firsts[k] = kid.first();
            in.total += in.counts[k] - before;
            if (sibling == null) {
                return null;
            }
            if (in.n < INNER_MAX) {
                in.add(k + 1, sibling);
                return null;
            }
            int keep = k + 1 == INNER_MAX ? INNER_MAX : INNER_MAX / 2;
            Inner right = new Inner();
            for (int j = keep; j < INNER_MAX; j++) {
                right.add(right.n, in.kids[j]);
            }
            for (int j = INNER_MAX - 1; j >= keep; j--) {
                in.removeAt(j);
            }
            if (k + 1 <= keep && k + 1 < INNER_MAX) {
                in.add(k + 1, sibling);
            } else {
                right.add(k + 1 - keep, sibling);
            }
            return right;
        }

        /** Removes the item with the probe's key; returns it or null. */
        byte[] remove(Store s, byte[] probe) {
            if (root == null) {
                int at = bsearch(s, items, size, probe, EXACT);
                if (at < 0) {
                    return null;
                }
                byte[] old = items[at];
                System.arraycopy(items, at + 1, items, at, size - at - 1);
                items[--size] = null;
                return old;
            }
            byte[] old = delete(s, root, probe);
            if (old == null) {
                return null;
            }
            hint = null;
            size--;
            while (root instanceof Inner in && in.n == 1) {
                root = in.kids[0];
            }
            if (size <= LEAF_MAX / 2) {
                byte[][] flat = new byte[LEAF_MAX][];
                int[] n = {0};
                collect(root, flat, n);
                items = flat;
                root = null;
            }
            return old;
        }

        private static byte[] delete(Store s, Node node, byte[] probe) {
            if (node instanceof Leaf leaf) {
                int at = bsearch(s, leaf.items, leaf.n, probe, EXACT);
                if (at < 0) {
                    return null;
                }
                byte[] old = leaf.items[at];
                System.arraycopy(leaf.items, at + 1, leaf.items, at, leaf.n - at - 1);
                leaf.items[--leaf.n] = null;
                return old;
            }
            Inner in = (Inner) node;
            int k = child(s, in, probe, EXACT);
            Node kid = in.kids[k];
            byte[] old = delete(s, kid, probe);
            if (old == null) {
                return null;
            }
            if (kid.count() == 0) {
                in.removeAt(k);
            } else {
                in.counts[k]--;
                in.total--;
                in.firsts[k] = kid.first();
            }
            return old;
        }

        private static void collect(Node node, byte[][] out, int[] n) {
            if (node instanceof Leaf leaf) {
                System.arraycopy(leaf.items, 0, out, n[0], leaf.n);
                n[0] += leaf.n;
            } else {
                Inner in = (Inner) node;
                for (int j = 0; j < in.n; j++) {
                    collect(in.kids[j], out, n);
                }
            }
        }

        /** The tree's height (1 for a single leaf, 0 in flat form): for tests. */
        int height() {
            int h = 0;
            for (Node node = root; node != null; node = node instanceof Inner in ? in.kids[0] : null) {
                h++;
            }
            return h;
        }

        private abstract static class Node {
            abstract int count();

            abstract byte[] first();
        }

        private static final class Leaf extends Node {
            final byte[][] items;
            int n;

            Leaf(byte[][] items, int n) {
                this.items = items;
                this.n = n;
            }

            @Override
            int count() {
                return n;
            }

            @Override
            byte[] first() {
                return items[0];
            }

            void insert(int at, byte[] item) {
                System.arraycopy(items, at, items, at + 1, n - at);
                items[at] = item;
                n++;
            }
        }

        /** Children with, for each, its item count and its first item (the separator keys). */
        private static final class Inner extends Node {
            final Node[] kids = new Node[INNER_MAX];
            final int[] counts = new int[INNER_MAX];
            final byte[][] firsts = new byte[INNER_MAX][];
            int n;
            int total;

            @Override
            int count() {
                return total;
            }

            @Override
            byte[] first() {
                return firsts[0];
            }

            void add(int at, Node kid) {
                System.arraycopy(kids, at, kids, at + 1, n - at);
                System.arraycopy(counts, at, counts, at + 1, n - at);
                System.arraycopy(firsts, at, firsts, at + 1, n - at);
                kids[at] = kid;
                counts[at] = kid.count();
                firsts[at] = kid.first();
                total += counts[at];
                n++;
            }

            void removeAt(int at) {
                total -= counts[at];
                System.arraycopy(kids, at + 1, kids, at, n - at - 1);
                System.arraycopy(counts, at + 1, counts, at, n - at - 1);
                System.arraycopy(firsts, at + 1, firsts, at, n - at - 1);
                n--;
                kids[n] = null;
                counts[n] = 0;
                firsts[n] = null;
            }
        }

        /** A leaf and the position of its first item: immutable, so readers may share it without locks. */
        private record Hint(Leaf leaf, int start) {
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
        return slot instanceof byte[] b ? b : ((Partition) slot).first();
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
        return p.search(this, probe);
    }

    /** First index whose sort key is {@code >= probe}'s ({@code > } when not inclusive). */
    int lowerBound(Partition p, byte[] probe, boolean inclusive) {
        return p.lowerBound(this, probe, inclusive);
    }

    byte[] get(byte[] probe) {
        Partition p = partition(probe);
        if (p == null) {
            return null;
        }
        int i = p.search(this, probe);
        return i >= 0 ? p.get(i) : null;
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
        byte[] old = ((Partition) s).put(this, item);
        if (old == null) {
            items++;
        }
        return old;
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
        byte[] old = p.remove(this, probe);
        if (old == null) {
            return null;
        }
        items--;
        if (p.size() == 1) {
            slots[i] = p.get(0);
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
