package io.dynamapper.inmemory.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Compact, immutable byte encoding of items: {@code varint count, (varint nameId, value)*} with the
 * key attributes first. A value is a one-byte tag and its payload (varint lengths, UTF-8 strings,
 * canonical number text, raw bytes; nested map keys inline). About the item's DynamoDB size, far
 * smaller than a map of SDK {@link AttributeValue}s.
 */
final class ItemCodec {
    static final byte S = 1;
    static final byte N = 2;
    static final byte B = 3;
    static final byte TRUE = 4;
    static final byte FALSE = 5;
    static final byte NULL = 6;
    static final byte SS = 7;
    static final byte NS = 8;
    static final byte BS = 9;
    static final byte L = 10;
    static final byte M = 11;

    /* Immutable, so shared. The createX factories skip the SDK builder (a third of a Query's time). */
    private static final AttributeValue BOOL_TRUE = AttributeValue.createBool(true);
    private static final AttributeValue BOOL_FALSE = AttributeValue.createBool(false);
    private static final AttributeValue NUL = AttributeValue.createNul(true);

    private final NameDictionary names;

    ItemCodec(NameDictionary names) {
        this.names = names;
    }

    NameDictionary names() {
        return names;
    }

    /** Encodes a validated, normalised item; {@code firstNames} (the key attributes) are written first. */
    byte[] encode(Map<String, AttributeValue> item, String... firstNames) {
        Out out = new Out(64);
        out.varint(item.size());
        for (String f : firstNames) {
            AttributeValue v = f == null ? null : item.get(f);
            if (v != null) {
                out.varint(names.idOf(f));
                value(out, v);
            }
        }
        outer:
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            for (String f : firstNames) {
                if (e.getKey().equals(f)) {
                    continue outer;
                }
            }
            out.varint(names.idOf(e.getKey()));
            value(out, e.getValue());
        }
        return out.toArray();
    }

    private static void value(Out out, AttributeValue v) {
        if (v.s() != null) {
            out.write(S);
            out.string(v.s());
        } else if (v.n() != null) {
            out.write(N);
            out.string(v.n());
        } else if (v.b() != null) {
            out.write(B);
            out.bytes(v.b().asByteArrayUnsafe());
        } else if (v.bool() != null) {
            out.write(v.bool() ? TRUE : FALSE);
        } else if (v.nul() != null) {
            out.write(NULL);
        } else if (v.hasSs()) {
            out.write(SS);
            out.varint(v.ss().size());
            v.ss().forEach(out::string);
        } else if (v.hasNs()) {
            out.write(NS);
            out.varint(v.ns().size());
            v.ns().forEach(out::string);
        } else if (v.hasBs()) {
            out.write(BS);
            out.varint(v.bs().size());
            v.bs().forEach(b -> out.bytes(b.asByteArrayUnsafe()));
        } else if (v.hasL()) {
            out.write(L);
            out.varint(v.l().size());
            v.l().forEach(e -> value(out, e));
        } else if (v.hasM()) {
            out.write(M);
            out.varint(v.m().size());
            v.m().forEach((k, e) -> {
                out.string(k);
                value(out, e);
            });
        } else {
            throw new IllegalArgumentException("empty attribute value");
        }
    }

    /** Decodes a whole item, immutable, in encoding order (an {@link ItemMap} unless it is large). */
    Map<String, AttributeValue> decode(byte[] data) {
        int[] pos = {0};
        int count = readVarint(data, pos);
        String[] keys = new String[count];
        AttributeValue[] values = new AttributeValue[count];
        for (int i = 0; i < count; i++) {
            keys[i] = names.name(readVarint(data, pos));
            values[i] = readValue(data, pos);
        }
        if (count <= ItemMap.MAX_SIZE) {
            return new ItemMap(keys, values);
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>((int) (count / 0.75f) + 1);
        for (int i = 0; i < count; i++) {
            item.put(keys[i], values[i]);
        }
        return Collections.unmodifiableMap(item);
    }

    /**
     * The DynamoDB size of an encoded item, read from the encoding (see {@link ItemSizer}): equal to
     * {@code ItemSizer.of(decode(data))} without decoding.
     */
    long size(byte[] data) {
        int[] pos = {0};
        int count = readVarint(data, pos);
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += names.utf8Length(readVarint(data, pos));
            total += valueSize(data, pos);
        }
        return total;
    }

    /** The size of the value at {@code pos[0]}, which is moved past it. */
    private static long valueSize(byte[] data, int[] pos) {
        byte tag = data[pos[0]++];
        switch (tag) {
            case S, B: {
                int len = readVarint(data, pos);
                pos[0] += len;
                return len;
            }
            case N:
                return numberSize(data, pos);
            case TRUE, FALSE, NULL:
                return 1;
            case SS, BS: {
                int n = readVarint(data, pos);
                long total = 0;
                for (int i = 0; i < n; i++) {
                    int len = readVarint(data, pos);
                    pos[0] += len;
                    total += len;
                }
                return total;
            }
            case NS: {
                int n = readVarint(data, pos);
                long total = 0;
                for (int i = 0; i < n; i++) {
                    total += numberSize(data, pos);
                }
                return total;
            }
            case L: {
                int n = readVarint(data, pos);
                long total = 3;
                for (int i = 0; i < n; i++) {
                    total += 1 + valueSize(data, pos);
                }
                return total;
            }
            case M: {
                int n = readVarint(data, pos);
                long total = 3;
                for (int i = 0; i < n; i++) {
                    int len = readVarint(data, pos);
                    pos[0] += len;
                    total += 1 + len + valueSize(data, pos);
                }
                return total;
            }
            default:
                throw new IllegalStateException("corrupt item encoding, tag " + tag);
        }
    }

    private static int numberSize(byte[] data, int[] pos) {
        int len = readVarint(data, pos);
        int size = Numbers.size(data, pos[0], len);
        pos[0] += len;
        return size;
    }

    /** A one-attribute item holding {@code item}'s attribute {@code nameId} (present), e.g. a partition key. */
    static byte[] probe(byte[] item, int nameId) {
        int from = find(item, nameId);
        int to = skip(item, from);
        Out out = new Out(to - from + 6);
        out.varint(1);
        out.varint(nameId);
        out.raw(item, from, to - from);
        return out.toArray();
    }

    /** Offset of the value of attribute {@code nameId}, or -1 if absent. */
    static int find(byte[] data, int nameId) {
        if (nameId < 0) {
            return -1;
        }
        int[] pos = {0};
        int count = readVarint(data, pos);
        for (int i = 0; i < count; i++) {
            int id = readVarint(data, pos);
            if (id == nameId) {
                return pos[0];
            }
            pos[0] = skip(data, pos[0]);
        }
        return -1;
    }

    /** Decodes the value at {@code offset}. */
    static AttributeValue valueAt(byte[] data, int offset) {
        return readValue(data, new int[] {offset});
    }

    /** The end offset (exclusive) of the value starting at {@code offset}. */
    static int skip(byte[] data, int offset) {
        int[] pos = {offset + 1};
        switch (data[offset]) {
            case S, N, B -> {
                int len = readVarint(data, pos);
                return pos[0] + len;
            }
            case TRUE, FALSE, NULL -> {
                return offset + 1;
            }
            case SS, NS, BS -> {
                int n = readVarint(data, pos);
                for (int i = 0; i < n; i++) {
                    int len = readVarint(data, pos);
                    pos[0] += len;
                }
                return pos[0];
            }
            case L -> {
                int n = readVarint(data, pos);
                for (int i = 0; i < n; i++) {
                    pos[0] = skip(data, pos[0]);
                }
                return pos[0];
            }
            case M -> {
                int n = readVarint(data, pos);
                for (int i = 0; i < n; i++) {
                    int len = readVarint(data, pos);
                    pos[0] = skip(data, pos[0] + len);
                }
                return pos[0];
            }
            default -> throw new IllegalStateException("corrupt item encoding, tag " + data[offset]);
        }
    }

    /**
     * Orders two scalar key values (S, N or B) of the same type: strings and binaries bytewise unsigned
     * (UTF-8 order), numbers numerically.
     */
    static int compareScalar(byte[] a, int ao, byte[] b, int bo) {
        byte tag = a[ao];
        int[] pa = {ao + 1};
        int[] pb = {bo + 1};
        int la = readVarint(a, pa);
        int lb = readVarint(b, pb);
        if (tag == N) {
            return Numbers.compare(a, pa[0], la, b, pb[0], lb);
        }
        return Arrays.compareUnsigned(a, pa[0], pa[0] + la, b, pb[0], pb[0] + lb);
    }

    /** Compares the raw encodings of two values (a deterministic total order, not DynamoDB's). */
    static int compareRaw(byte[] a, int ao, byte[] b, int bo) {
        return Arrays.compareUnsigned(a, ao, skip(a, ao), b, bo, skip(b, bo));
    }

    /** Whether the encodings of two values are identical (equal key values encode identically). */
    static boolean rawEquals(byte[] a, int ao, byte[] b, int bo) {
        return Arrays.equals(a, ao, skip(a, ao), b, bo, skip(b, bo));
    }

    static int hashRaw(byte[] a, int ao) {
        int end = skip(a, ao);
        int h = 0x9747b28c;
        for (int i = ao; i < end; i++) {
            h = (h ^ a[i]) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static AttributeValue readValue(byte[] data, int[] pos) {
        byte tag = data[pos[0]++];
        switch (tag) {
            case S:
                return AttributeValue.createS(readString(data, pos));
            case N:
                return AttributeValue.createN(readString(data, pos));
            case B:
                return AttributeValue.createB(SdkBytes.fromByteArrayUnsafe(readBytes(data, pos)));
            case TRUE:
                return BOOL_TRUE;
            case FALSE:
                return BOOL_FALSE;
            case NULL:
                return NUL;
            case SS:
            case NS: {
                int n = readVarint(data, pos);
                List<String> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    l.add(readString(data, pos));
                }
                return tag == SS ? AttributeValue.createSs(l) : AttributeValue.createNs(l);
            }
            case BS: {
                int n = readVarint(data, pos);
                List<SdkBytes> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    l.add(SdkBytes.fromByteArrayUnsafe(readBytes(data, pos)));
                }
                return AttributeValue.createBs(l);
            }
            case L: {
                int n = readVarint(data, pos);
                List<AttributeValue> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    l.add(readValue(data, pos));
                }
                return AttributeValue.createL(l);
            }
            case M: {
                int n = readVarint(data, pos);
                Map<String, AttributeValue> m = new HashMap<>((int) (n / 0.75f) + 1);
                for (int i = 0; i < n; i++) {
                    String k = readString(data, pos);
                    m.put(k, readValue(data, pos));
                }
                return AttributeValue.createM(m);
            }
            default:
                throw new IllegalStateException("corrupt item encoding, tag " + tag);
        }
    }

    private static String readString(byte[] data, int[] pos) {
        int len = readVarint(data, pos);
        String s = new String(data, pos[0], len, StandardCharsets.UTF_8);
        pos[0] += len;
        return s;
    }

    private static byte[] readBytes(byte[] data, int[] pos) {
        int len = readVarint(data, pos);
        byte[] b = Arrays.copyOfRange(data, pos[0], pos[0] + len);
        pos[0] += len;
        return b;
    }

    static int readVarint(byte[] data, int[] pos) {
        int result = 0;
        int shift = 0;
        while (true) {
            byte b = data[pos[0]++];
            result |= (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
            shift += 7;
        }
    }

    /** A minimal unsynchronised growable byte buffer. */
    private static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        void write(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        void varint(int v) {
            ensure(5);
            while ((v & ~0x7f) != 0) {
                buf[size++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        void string(String s) {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void raw(byte[] b, int from, int length) {
            ensure(length);
            System.arraycopy(b, from, buf, size, length);
            size += length;
        }

        void bytes(byte[] b) {
            varint(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        private void ensure(int extra) {
            if (size + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
            }
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}
