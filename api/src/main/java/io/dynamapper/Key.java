package io.dynamapper;

import java.util.Objects;
import java.util.Optional;

/**
 * The primary key of an item as the caller gives it: a hash key and, for tables with a sort key,
 * a range key. Values are plain Java values of the key fields' types (or any {@code Number} that
 * fits a numeric key); the engine converts and validates them against the entity model.
 *
 * <p>For a class with a {@link KeyTemplate}, a key holds the template fields' values in order, hash
 * template first: {@code Key.of("alice")} for {@code "CUSTOMER#{id}"}, {@code Key.of("s1", 3)} for
 * {@code hash = "{streamId}", range = "{seq}"}. A {@code List} in either component stands for
 * several consecutive values (a template field is never a list), so that keys of three or more
 * fields fit: {@code Key.of("alice", List.of(created, "o1"))} for
 * {@code hash = "CUSTOMER#{customerId}", range = "ORDER#{created}#{orderId}"}.
 *
 * @param hashKey the partition key value, never null
 * @param rangeKey the sort key value, empty for hash-only tables
 */
public record Key(Object hashKey, Optional<Object> rangeKey) {
    /**
     * Validates that the components are present.
     *
     * @param hashKey the partition key value, never null
     * @param rangeKey the sort key value, empty for hash-only tables
     * @throws NullPointerException if a component is null
     */
    public Key {
        Objects.requireNonNull(hashKey, "hashKey == null");
        Objects.requireNonNull(rangeKey, "rangeKey == null (use Key.of(hashKey) for hash-only tables)");
    }

    /**
     * A key for a table with a hash key only.
     *
     * @param hashKey the hash key value
     * @return the key
     * @throws NullPointerException if {@code hashKey} is null
     */
    public static Key of(Object hashKey) {
        return new Key(hashKey, Optional.empty());
    }

    /**
     * A key for a table with a hash key and a range key.
     *
     * @param hashKey the hash key value
     * @param rangeKey the range key value
     * @return the key
     * @throws NullPointerException if an argument is null
     */
    public static Key of(Object hashKey, Object rangeKey) {
        return new Key(hashKey, Optional.of(Objects.requireNonNull(rangeKey, "rangeKey == null")));
    }

    /**
     * The key values for messages, e.g. {@code (1, 'E1M1')}.
     *
     * @return the values in parentheses, strings quoted
     */
    @Override
    public String toString() {
        return rangeKey.map(r -> "(" + show(hashKey) + ", " + show(r) + ")").orElse("(" + show(hashKey) + ")");
    }

    private static String show(Object value) {
        if (value instanceof CharSequence) {
            return "'" + value + "'";
        }
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        return String.valueOf(value);
    }
}
