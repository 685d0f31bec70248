package io.dynamapper;

import java.util.List;
import java.util.Objects;

/**
 * A filter on the items a {@link Query} or {@link Scan} reads, applied by DynamoDB after the key
 * condition (it reduces what is returned, not what is read and paid for).
 *
 * <p>Attributes are named by the entity's Java field names (nested: {@code "address.city"}); the
 * engine maps them to their {@link Attribute} names and always uses expression attribute names, so
 * DynamoDB reserved words such as {@code name} or {@code status} just work. Values are Java values
 * converted with the field's codec.
 *
 * <pre>{@code
 * Filter.and(Filter.eq("name", "Hangar"), Filter.not(Filter.contains("cheats", "idkfa")))
 * }</pre>
 */
public sealed interface Filter {

    /** Comparison operators. */
    enum Comparator { EQ, NE, LT, LE, GT, GE }

    /** {@code field op value}. */
    record Comparison(String field, Comparator comparator, Object value) implements Filter {
        /** Validates the components. */
        public Comparison {
            Objects.requireNonNull(field, "field == null");
            Objects.requireNonNull(comparator, "comparator == null");
            Objects.requireNonNull(value, "value == null (use Filter.notExists for a missing attribute)");
        }
    }

    /** {@code field BETWEEN low AND high}. */
    record Between(String field, Object low, Object high) implements Filter {
        /** Validates the components. */
        public Between {
            Objects.requireNonNull(field, "field == null");
            Objects.requireNonNull(low, "low == null");
            Objects.requireNonNull(high, "high == null");
        }
    }

    /** {@code field IN (values...)}; DynamoDB allows up to 100 values. */
    record In(String field, List<Object> values) implements Filter {
        /** Validates the components. */
        public In {
            Objects.requireNonNull(field, "field == null");
            values = List.copyOf(values);
            if (values.isEmpty() || values.size() > 100) {
                throw new IllegalArgumentException("IN takes 1 to 100 values, got " + values.size());
            }
        }
    }

    /** {@code begins_with(field, prefix)}. */
    record BeginsWith(String field, Object prefix) implements Filter {
        /** Validates the components. */
        public BeginsWith {
            Objects.requireNonNull(field, "field == null");
            Objects.requireNonNull(prefix, "prefix == null");
        }
    }

    /** {@code contains(field, value)}: a substring of a string, an element of a set or list. */
    record Contains(String field, Object value) implements Filter {
        /** Validates the components. */
        public Contains {
            Objects.requireNonNull(field, "field == null");
            Objects.requireNonNull(value, "value == null");
        }
    }

    /** {@code attribute_exists(field)}, or {@code attribute_not_exists(field)} when negated. */
    record Exists(String field, boolean exists) implements Filter {
        /** Validates the components. */
        public Exists {
            Objects.requireNonNull(field, "field == null");
        }
    }

    /** All of the filters hold. */
    record And(List<Filter> filters) implements Filter {
        /** Validates the components. */
        public And {
            filters = List.copyOf(filters);
            if (filters.isEmpty()) {
                throw new IllegalArgumentException("and() needs at least one filter");
            }
        }
    }

    /** At least one of the filters holds. */
    record Or(List<Filter> filters) implements Filter {
        /** Validates the components. */
        public Or {
            filters = List.copyOf(filters);
            if (filters.isEmpty()) {
                throw new IllegalArgumentException("or() needs at least one filter");
            }
        }
    }

    /** The filter does not hold. */
    record Not(Filter filter) implements Filter {
        /** Validates the components. */
        public Not {
            Objects.requireNonNull(filter, "filter == null");
        }
    }

    /** field = value */
    static Filter eq(String field, Object value) {
        return new Comparison(field, Comparator.EQ, value);
    }

    /** field &lt;&gt; value */
    static Filter ne(String field, Object value) {
        return new Comparison(field, Comparator.NE, value);
    }

    /** field &lt; value */
    static Filter lt(String field, Object value) {
        return new Comparison(field, Comparator.LT, value);
    }

    /** field &lt;= value */
    static Filter le(String field, Object value) {
        return new Comparison(field, Comparator.LE, value);
    }

    /** field &gt; value */
    static Filter gt(String field, Object value) {
        return new Comparison(field, Comparator.GT, value);
    }

    /** field &gt;= value */
    static Filter ge(String field, Object value) {
        return new Comparison(field, Comparator.GE, value);
    }

    /** low &lt;= field &lt;= high */
    static Filter between(String field, Object low, Object high) {
        return new Between(field, low, high);
    }

    /** field is one of the values */
    static Filter in(String field, Object... values) {
        return new In(field, List.of(values));
    }

    /** the string or binary field starts with prefix */
    static Filter beginsWith(String field, Object prefix) {
        return new BeginsWith(field, prefix);
    }

    /** the string field contains a substring, or the set or list field contains an element */
    static Filter contains(String field, Object value) {
        return new Contains(field, value);
    }

    /** the item has the attribute */
    static Filter exists(String field) {
        return new Exists(field, true);
    }

    /** the item lacks the attribute */
    static Filter notExists(String field) {
        return new Exists(field, false);
    }

    /** all filters hold */
    static Filter and(Filter... filters) {
        return new And(List.of(filters));
    }

    /** at least one filter holds */
    static Filter or(Filter... filters) {
        return new Or(List.of(filters));
    }

    /** the filter does not hold */
    static Filter not(Filter filter) {
        return new Not(filter);
    }
}
