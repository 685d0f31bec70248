package io.dynamapper.inmemory.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item size as DynamoDB counts it: for each attribute the UTF-8 length of its name plus the size of its
 * value (strings: UTF-8 bytes; numbers: one byte per two significant digits plus one; binary: bytes;
 * boolean and null: 1; sets: the sum of their elements; lists and maps: 3 plus, per element, 1 plus
 * its size and, for maps, its key's length).
 */
final class ItemSizer {
    /** 400 KB, inclusive. */
    static final int MAX_ITEM_SIZE = 400 * 1024;

    private ItemSizer() {
    }

    static long of(Map<String, AttributeValue> item) {
        long total = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            total += utf8Length(e.getKey()) + value(e.getValue());
        }
        return total;
    }

    static long value(AttributeValue v) {
        if (v.s() != null) {
            return utf8Length(v.s());
        }
        if (v.n() != null) {
            return Numbers.size(v.n());
        }
        if (v.b() != null) {
            return v.b().asByteArrayUnsafe().length;
        }
        if (v.bool() != null || v.nul() != null) {
            return 1;
        }
        long total = 0;
        if (v.hasSs()) {
            for (String s : v.ss()) {
                total += utf8Length(s);
            }
        } else if (v.hasNs()) {
            for (String n : v.ns()) {
                total += Numbers.size(n);
            }
        } else if (v.hasBs()) {
            for (SdkBytes b : v.bs()) {
                total += b.asByteArrayUnsafe().length;
            }
        } else if (v.hasL()) {
            total = 3;
            for (AttributeValue e : v.l()) {
                total += 1 + value(e);
            }
        } else if (v.hasM()) {
            total = 3;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                total += 1 + utf8Length(e.getKey()) + value(e.getValue());
            }
        }
        return total;
    }

    static int utf8Length(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) < 0x80) {
            i++;
        }
        int bytes = n;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c)) {
                    bytes += 2;
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    static int utf8LengthSlow(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
