package io.dynamapper.engine.internal.commit;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's item size, computed as the DynamoDB developer guide describes it ("Item sizes and
 * formats"): attribute name UTF-8 bytes plus value sizes; a number takes about one byte per two
 * significant digits plus one (exactly: as DynamoDB Local counts, see {@link #numberSize}); a list or
 * map 3 bytes plus one byte per element; null and booleans
 * one byte. Used to reject an item over 400 KB or a transaction over 4 MB before anything is sent.
 */
public final class ItemSize {
    /** The largest item DynamoDB stores, 400 KB. */
    public static final long MAX_ITEM_BYTES = 400 * 1024;
    /** The largest aggregate size of the items of one transaction, 4 MB. */
    public static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;

    private ItemSize() {
    }

    /** The size of an item (or of a key, or of the values an update writes). */
    public static long of(Map<String, AttributeValue> item) {
        // forEach, not entrySet(): the items the SDK returns are unmodifiable maps, whose entry set wraps
        // every entry it hands out, while forEach goes straight to the map underneath
        Sum sum = new Sum();
        item.forEach(sum);
        return sum.size;
    }

    /** Adds up the attributes of an item. */
    private static final class Sum implements BiConsumer<String, AttributeValue> {
        long size;

        @Override
        public void accept(String name, AttributeValue value) {
            size += utf8Length(name) + valueSize(value);
        }
    }

    /** The size of one value, without its name. */
    public static long valueSize(AttributeValue v) {
        if (v == null) {
            return 0;
        }
        switch (v.type()) {
            case S:
                return utf8Length(v.s());
            case N:
                return numberSize(v.n());
            case B:
                return bytes(v.b());
            case BOOL:
            case NUL:
                return 1;
            case SS: {
                long size = 0;
                for (String s : v.ss()) {
                    size += utf8Length(s);
                }
                return size;
            }
            case NS: {
                long size = 0;
                for (String n : v.ns()) {
                    size += numberSize(n);
                }
                return size;
            }
            case BS: {
                long size = 0;
                for (SdkBytes b : v.bs()) {
                    size += bytes(b);
                }
                return size;
            }
            case L: {
                List<AttributeValue> list = v.l();
                long size = 3;
                for (AttributeValue element : list) {
                    size += 1 + valueSize(element);
                }
                return size;
            }
            case M: {
                long size = 3;
                for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                    size += 1 + utf8Length(e.getKey()) + valueSize(e.getValue());
                }
                return size;
            }
            default:
                return 0;
        }
    }

    private static long bytes(SdkBytes b) {
        return b.asByteBuffer().remaining();
    }

    /**
     * The bytes of a number as DynamoDB Local counts them (measured): one per pair of digits aligned
     * on the decimal point, leading and trailing zero pairs dropped, plus one, plus one if negative;
     * zero takes one. So 12 takes 2, 1.5 ("01|50") 3, -5 3, and 38 digits 20.
     */
    static long numberSize(String n) {
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == 'e' || c == 'E') {
                return numberSizeOf(new java.math.BigDecimal(n).toPlainString());
            }
        }
        return numberSizeOf(n);
    }

    /** {@link #numberSize} of a number in plain notation: no exponent. */
    private static long numberSizeOf(String n) {
        int dot = n.indexOf('.');
        if (dot < 0) {
            dot = n.length();
        }
        int highest = Integer.MIN_VALUE;
        int lowest = Integer.MAX_VALUE;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c >= '1' && c <= '9') {
                int power = i < dot ? dot - 1 - i : dot - i; // the digit's power of ten
                highest = Math.max(highest, power);
                lowest = Math.min(lowest, power);
            }
        }
        if (highest == Integer.MIN_VALUE) {
            return 1; // zero
        }
        // base-100 digits aligned on the decimal point: 1.5 is "01|50", two bytes, while 12 is one;
        // plus one byte, and one more for a negative number
        int pairs = Math.floorDiv(highest, 2) - Math.floorDiv(lowest, 2) + 1;
        return pairs + 1 + (n.charAt(0) == '-' ? 1 : 0);
    }

    /** UTF-8 length without allocating. */
    public static long utf8Length(String s) {
        long length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
