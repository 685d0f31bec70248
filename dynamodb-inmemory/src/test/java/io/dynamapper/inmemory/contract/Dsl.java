package io.dynamapper.inmemory.contract;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Static helpers that keep contract cases short: items, keys, expression attribute names and
 * values are written as alternating name/value arguments, Java values become attribute values.
 *
 * <pre>{@code
 * item("pk", "a", "n", 1, "tags", ss("x", "y"), "nested", map("list", list(1, "two")))
 * values(":v", 5)      names("#n", "name")
 * }</pre>
 */
final class Dsl {

    private Dsl() {}

    /** An item (or key) from alternating attribute names and values. */
    static Map<String, AttributeValue> item(Object... namesAndValues) {
        return pairs(namesAndValues, name -> name);
    }

    /** A key; the same as {@link #item} and named for readability. */
    static Map<String, AttributeValue> key(Object... namesAndValues) {
        return item(namesAndValues);
    }

    /** Expression attribute values; each name must start with {@code :}. */
    static Map<String, AttributeValue> values(Object... namesAndValues) {
        return pairs(namesAndValues, name -> {
            if (!name.startsWith(":")) {
                throw new IllegalArgumentException("expression value names start with ':' but got " + name);
            }
            return name;
        });
    }

    /** Expression attribute names from alternating placeholders and names. */
    static Map<String, String> names(String... placeholdersAndNames) {
        if (placeholdersAndNames.length % 2 != 0) {
            throw new IllegalArgumentException("names need pairs but got " + Arrays.toString(placeholdersAndNames));
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < placeholdersAndNames.length; i += 2) {
            names.put(placeholdersAndNames[i], placeholdersAndNames[i + 1]);
        }
        return names;
    }

    private static Map<String, AttributeValue> pairs(Object[] kv, java.util.function.UnaryOperator<String> checkName) {
        if (kv.length % 2 != 0) {
            throw new IllegalArgumentException("need name/value pairs but got " + Arrays.toString(kv));
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            item.put(checkName.apply((String) kv[i]), av(kv[i + 1]));
        }
        return item;
    }

    /**
     * A Java value as an attribute value: String → S, Number → N, Boolean → BOOL, null → NULL,
     * byte[] → B, List → L, Map → M; an AttributeValue is taken as it is.
     */
    static AttributeValue av(Object value) {
        if (value == null) {
            return AttributeValue.fromNul(true);
        }
        if (value instanceof AttributeValue av) {
            return av;
        }
        if (value instanceof String s) {
            return AttributeValue.fromS(s);
        }
        if (value instanceof Number n) {
            return AttributeValue.fromN(n instanceof BigDecimal d ? d.toPlainString() : n.toString());
        }
        if (value instanceof Boolean b) {
            return AttributeValue.fromBool(b);
        }
        if (value instanceof byte[] bytes) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
        }
        if (value instanceof List<?> list) {
            return AttributeValue.fromL(list.stream().map(Dsl::av).toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put((String) k, av(v)));
            return AttributeValue.fromM(m);
        }
        throw new IllegalArgumentException("no attribute value for " + value.getClass().getName() + " " + value);
    }

    /** A number given as its exact text, e.g. {@code num("1.0")}, {@code num("-0")}. */
    static AttributeValue num(String text) {
        return AttributeValue.fromN(text);
    }

    static AttributeValue ss(String... values) {
        return AttributeValue.fromSs(List.of(values));
    }

    static AttributeValue ns(Object... values) {
        return AttributeValue.fromNs(Arrays.stream(values).map(String::valueOf).toList());
    }

    static AttributeValue bs(byte[]... values) {
        return AttributeValue.fromBs(Arrays.stream(values).map(SdkBytes::fromByteArray).toList());
    }

    /** Bytes from ints, so that {@code bytes(0xff, 1)} reads naturally. */
    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** A list value (L) for {@link #item}; also what an L renders like in expectations. */
    static List<Object> list(Object... elements) {
        return Arrays.asList(elements);
    }

    /** A map value (M) from alternating names and values. */
    static Map<String, Object> map(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    /** An expected query/scan page: items, Count and ScannedCount. */
    static Map<String, Object> page(Collection<?> items, int count, int scannedCount) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("count", count);
        page.put("scannedCount", scannedCount);
        return page;
    }

    /** An expected query page that has a LastEvaluatedKey. */
    static Map<String, Object> page(Collection<?> items, int count, int scannedCount, Map<String, AttributeValue> lastKey) {
        Map<String, Object> page = page(items, count, scannedCount);
        page.put("lastEvaluatedKey", lastKey);
        return page;
    }

    /** An expected client error (status 400) as {@link Db#attempt} reports it. */
    static Outcome error(String exceptionClass, String errorCode) {
        return new Outcome.Failure(exceptionClass, errorCode, 400, null, null, null);
    }

    /** A string of {@code length} characters, for size limits. */
    static String text(int length) {
        return "x".repeat(length);
    }
}
