package io.dynamapper.engine.internal.commit;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Equality of attribute values as DynamoDB means it: sets unordered, numbers by value. */
final class AttributeValues {
    private AttributeValues() {
    }

    static boolean sameItem(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
            if (!same(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    static boolean same(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.type() != b.type()) {
            return false;
        }
        switch (a.type()) {
            case N:
                return sameNumber(a.n(), b.n());
            case SS:
                return new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
            case BS:
                return new HashSet<>(a.bs()).equals(new HashSet<>(b.bs()));
            case NS: {
                if (a.ns().size() != b.ns().size()) {
                    return false;
                }
                HashSet<BigDecimal> left = new HashSet<>();
                a.ns().forEach(n -> left.add(new BigDecimal(n).stripTrailingZeros()));
                for (String n : b.ns()) {
                    if (!left.contains(new BigDecimal(n).stripTrailingZeros())) {
                        return false;
                    }
                }
                return true;
            }
            case L: {
                List<AttributeValue> left = a.l();
                List<AttributeValue> right = b.l();
                if (left.size() != right.size()) {
                    return false;
                }
                for (int i = 0; i < left.size(); i++) {
                    if (!same(left.get(i), right.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            case M:
                return sameItem(a.m(), b.m());
            default:
                return a.equals(b);
        }
    }

    private static boolean sameNumber(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
