package io.dynamapper;

import java.util.List;
import java.util.Objects;

/**
 * A condition on the range key of a {@link Query}, e.g. {@code KeyCondition.gt(5)}. Values are Java
 * values of the range key field's type; they are converted by the entity model.
 *
 * @param operator the comparison
 * @param values one value, or two for {@link Operator#BETWEEN}
 */
public record KeyCondition(Operator operator, List<Object> values) {
    /** The comparisons DynamoDB allows on a range key. */
    public enum Operator {
        /** Equal. */
        EQ,
        /** Less than. */
        LT,
        /** Less than or equal. */
        LE,
        /** Greater than. */
        GT,
        /** Greater than or equal. */
        GE,
        /** Between two values, both inclusive. */
        BETWEEN,
        /** Starts with a prefix (string and binary keys). */
        BEGINS_WITH
    }

    /**
     * Validates the operator and the number of values.
     *
     * @param operator the comparison

     * @param values one value, or two for {@link Operator#BETWEEN}

     * @throws NullPointerException if {@code operator}, {@code values} or a value is null
     * @throws IllegalArgumentException if there are not one value (two for {@code BETWEEN})
     */
    public KeyCondition {
        Objects.requireNonNull(operator, "operator == null");
        Objects.requireNonNull(values, "values == null");
        for (int i = 0; i < values.size(); i++) {
            int position = i;
            Objects.requireNonNull(values.get(i), () -> "values[" + position + "] == null");
        }
        values = List.copyOf(values);
        int expected = operator == Operator.BETWEEN ? 2 : 1;
        if (values.size() != expected) {
            throw new IllegalArgumentException(operator + " takes " + expected + " value(s), got " + values);
        }
    }

    /**
     * {@code range key = value}.
     *
     * @param value a value of the range key field's type
     * @return the condition
     * @throws NullPointerException if {@code value} is null
     */
    public static KeyCondition eq(Object value) {
        return new KeyCondition(Operator.EQ, List.of(requireValue(value, "value")));
    }

    /**
     * {@code range key < value}.
     *
     * @param value a value of the range key field's type
     * @return the condition
     * @throws NullPointerException if {@code value} is null
     */
    public static KeyCondition lt(Object value) {
        return new KeyCondition(Operator.LT, List.of(requireValue(value, "value")));
    }

    /**
     * {@code range key <= value}.
     *
     * @param value a value of the range key field's type
     * @return the condition
     * @throws NullPointerException if {@code value} is null
     */
    public static KeyCondition le(Object value) {
        return new KeyCondition(Operator.LE, List.of(requireValue(value, "value")));
    }

    /**
     * {@code range key > value}.
     *
     * @param value a value of the range key field's type
     * @return the condition
     * @throws NullPointerException if {@code value} is null
     */
    public static KeyCondition gt(Object value) {
        return new KeyCondition(Operator.GT, List.of(requireValue(value, "value")));
    }

    /**
     * {@code range key >= value}.
     *
     * @param value a value of the range key field's type
     * @return the condition
     * @throws NullPointerException if {@code value} is null
     */
    public static KeyCondition ge(Object value) {
        return new KeyCondition(Operator.GE, List.of(requireValue(value, "value")));
    }

    /**
     * {@code low <= range key <= high}.
     *
     * @param low the lower bound, inclusive
     * @param high the upper bound, inclusive
     * @return the condition
     * @throws NullPointerException if an argument is null
     */
    public static KeyCondition between(Object low, Object high) {
        return new KeyCondition(Operator.BETWEEN, List.of(requireValue(low, "low"), requireValue(high, "high")));
    }

    /**
     * The range key (a string or binary) starts with {@code prefix}.
     *
     * @param prefix a non-empty string (or bytes for a binary key)
     * @return the condition
     * @throws NullPointerException if {@code prefix} is null
     */
    public static KeyCondition beginsWith(Object prefix) {
        return new KeyCondition(Operator.BEGINS_WITH, List.of(requireValue(prefix, "prefix")));
    }

    private static Object requireValue(Object value, String name) {
        return Objects.requireNonNull(value, () -> name + " == null");
    }
}
