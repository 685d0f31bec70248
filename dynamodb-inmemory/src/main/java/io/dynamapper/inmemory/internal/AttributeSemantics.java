package io.dynamapper.inmemory.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Type, equality and ordering of attribute values with DynamoDB's semantics. */
final class AttributeSemantics {
    private AttributeSemantics() {
    }

    /** DynamoDB type descriptor: S, N, B, BOOL, NULL, SS, NS, BS, L, M; or null for an empty value. */
    static String type(AttributeValue v) {
        if (v.s() != null) {
            return "S";
        }
        if (v.n() != null) {
            return "N";
        }
        if (v.b() != null) {
            return "B";
        }
        if (v.bool() != null) {
            return "BOOL";
        }
        if (v.nul() != null) {
            return "NULL";
        }
        if (v.hasSs()) {
            return "SS";
        }
        if (v.hasNs()) {
            return "NS";
        }
        if (v.hasBs()) {
            return "BS";
        }
        if (v.hasL()) {
            return "L";
        }
        if (v.hasM()) {
            return "M";
        }
        return null;
    }

    static boolean isScalarKeyType(String t) {
        return "S".equals(t) || "N".equals(t) || "B".equals(t);
    }

    /** Equality as DynamoDB defines it: numbers by value, sets regardless of order. */
    static boolean equal(AttributeValue a, AttributeValue b) {
        String ta = type(a);
        if (ta == null || !ta.equals(type(b))) {
            return false;
        }
        switch (ta) {
            case "S":
                return a.s().equals(b.s());
            case "N":
                return a.n().equals(b.n()) || Numbers.compare(a.n(), b.n()) == 0;
            case "B":
                return a.b().equals(b.b());
            case "BOOL":
                return a.bool().equals(b.bool());
            case "NULL":
                return true;
            case "SS":
                return new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
            case "NS":
                return numberSet(a.ns()).equals(numberSet(b.ns()));
            case "BS":
                return new HashSet<>(a.bs()).equals(new HashSet<>(b.bs()));
            case "L": {
                List<AttributeValue> la = a.l();
                List<AttributeValue> lb = b.l();
                if (la.size() != lb.size()) {
                    return false;
                }
                for (int i = 0; i < la.size(); i++) {
                    if (!equal(la.get(i), lb.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            case "M": {
                Map<String, AttributeValue> ma = a.m();
                Map<String, AttributeValue> mb = b.m();
                if (ma.size() != mb.size()) {
                    return false;
                }
                for (Map.Entry<String, AttributeValue> e : ma.entrySet()) {
                    AttributeValue o = mb.get(e.getKey());
                    if (o == null || !equal(e.getValue(), o)) {
                        return false;
                    }
                }
                return true;
            }
            default:
                return false;
        }
    }

    private static HashSet<BigDecimal> numberSet(List<String> ns) {
        HashSet<BigDecimal> s = new HashSet<>();
        for (String n : ns) {
            s.add(new BigDecimal(n).stripTrailingZeros());
        }
        return s;
    }

    /**
     * Compares two values of the same scalar type (S, N or B): numbers numerically, strings by their
     * UTF-8 bytes, binaries bytewise unsigned. Returns null when they are not comparable.
     */
    static Integer compare(AttributeValue a, AttributeValue b) {
        String ta = type(a);
        if (ta == null || !ta.equals(type(b))) {
            return null;
        }
        switch (ta) {
            case "N":
                return Numbers.compare(a.n(), b.n());
            case "S":
                return compareUtf8(a.s(), b.s());
            case "B":
                return compareUnsigned(a.b().asByteArrayUnsafe(), b.b().asByteArrayUnsafe());
            default:
                return null;
        }
    }

    /** Compares strings by UTF-8 byte order (code point order), which is what DynamoDB does. */
    static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                boolean sa = Character.isSurrogate(ca);
                boolean sb = Character.isSurrogate(cb);
                if (sa != sb) {
                    return sa ? 1 : -1;
                }
                return Character.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    static int compareUnsigned(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static AttributeValue ofBytes(byte[] b) {
        return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(b));
    }
}
