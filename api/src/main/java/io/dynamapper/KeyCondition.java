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
    public enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** Validates the operator and the number of values. */
    public KeyCondition {
        Objects.requireNonNull(operator, "operator == null");
        values = List.copyOf(Objects.requireNonNull(values, "values == null"));
        int expected = operator == Operator.BETWEEN ? 2 : 1;
        if (values.size() != expected) {
            throw new IllegalArgumentException(operator + " takes " + expected + " value(s), got " + values);
        }
    }

    /** range key = value */
    public static KeyCondition eq(Object value) {
        return new KeyCondition(Operator.EQ, List.of(value));
    }

    /** range key &lt; value */
    public static KeyCondition lt(Object value) {
        return new KeyCondition(Operator.LT, List.of(value));
    }

    /** range key &lt;= value */
    public static KeyCondition le(Object value) {
        return new KeyCondition(Operator.LE, List.of(value));
    }

    /** range key &gt; value */
    public static KeyCondition gt(Object value) {
        return new KeyCondition(Operator.GT, List.of(value));
    }

    /** range key &gt;= value */
    public static KeyCondition ge(Object value) {
        return new KeyCondition(Operator.GE, List.of(value));
    }

    /** low &lt;= range key &lt;= high */
    public static KeyCondition between(Object low, Object high) {
        return new KeyCondition(Operator.BETWEEN, List.of(low, high));
    }

    /** the range key (a string or binary) starts with prefix */
    public static KeyCondition beginsWith(Object prefix) {
        return new KeyCondition(Operator.BEGINS_WITH, List.of(prefix));
    }
}
