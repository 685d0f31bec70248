package io.dynamapper;

import java.util.Arrays;
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
    enum Comparator {
        /** Equal. */
        EQ,
        /** Not equal. */
        NE,
        /** Less than. */
        LT,
        /** Less than or equal. */
        LE,
        /** Greater than. */
        GT,
        /** Greater than or equal. */
        GE
    }

    /**
     * {@code field op value}.
     *
     * @param field the entity's Java field name (dotted for a nested one)
     * @param comparator the comparison
     * @param value the value compared with, of the field's type
     */
    record Comparison(String field, Comparator comparator, Object value) implements Filter {
        /**
         * Validates the components.
         *
         * @param field the entity's Java field name (dotted for a nested one)
         * @param comparator the comparison
         * @param value the value compared with, of the field's type
         * @throws NullPointerException if a component is null
         */
        public Comparison {
            Objects.requireNonNull(field, "field == null");
            Objects.requireNonNull(comparator, "comparator == null");
            Objects.requireNonNull(value, "value == null (use Filter.notExists for a missing attribute)");
        }
    }

    /**
     * {@code field BETWEEN low AND high}.
     *
     * @param field the entity's Java field name
     * @param low the lower bound, inclusive
     * @param high the upper bound, inclusive
     */
    record Between(String field, Object low, Object high) implements Filter {
        /**
         * Validates the components.
         *
         * @param field the entity's Java field name
         * @param low the lower bound, inclusive
         * @param high the upper bound, inclusive
         * @throws NullPointerException if a component is null
         */
        public Between {
            Objects.requireNonNull(field, "field == null");
            Objects.requireNonNull(low, "low == null");
            Objects.requireNonNull(high, "high == null");
        }
    }

    /**
     * {@code field IN (values...)}; DynamoDB allows up to 100 values.
     *
     * @param field the entity's Java field name
     * @param values the values, 1 to 100; copied
     */
    record In(String field, List<Object> values) implements Filter {
        /**
         * Validates and copies the components.
         *
         * @param field the entity's Java field name
         * @param values the values
         * @throws NullPointerException if {@code field}, {@code values} or a value is null
         * @throws IllegalArgumentException if there are no values or more than 100
         */
        public In {
            Objects.requireNonNull(field, "field == null");
            values = copyOf(values, "values");
            if (values.isEmpty() || values.size() > 100) {
                throw new IllegalArgumentException("IN takes 1 to 100 values, got " + values.size());
            }
        }
    }

    /**
     * {@code begins_with(field, prefix)}.
     *
     * @param field the entity's Java field name, of a string or binary field
     * @param prefix the prefix: a string or bytes
     */
    record BeginsWith(String field, Object prefix) implements Filter {
        /**
         * Validates the components.
         *
         * @param field the entity's Java field name
         * @param prefix the prefix
         * @throws NullPointerException if a component is null
         */
        public BeginsWith {
            Objects.requireNonNull(field, "field == null");
            Objects.requireNonNull(prefix, "prefix == null");
        }
    }

    /**
     * {@code contains(field, value)}: a substring of a string, an element of a set or list.
     *
     * @param field the entity's Java field name
     * @param value the substring or element
     */
    record Contains(String field, Object value) implements Filter {
        /**
         * Validates the components.
         *
         * @param field the entity's Java field name
         * @param value the value
         * @throws NullPointerException if a component is null
         */
        public Contains {
            Objects.requireNonNull(field, "field == null");
            Objects.requireNonNull(value, "value == null");
        }
    }

    /**
     * {@code attribute_exists(field)}, or {@code attribute_not_exists(field)} when negated.
     *
     * @param field the entity's Java field name
     * @param exists true for {@code attribute_exists}, false for {@code attribute_not_exists}
     */
    record Exists(String field, boolean exists) implements Filter {
        /**
         * Validates the components.
         *
         * @param field the entity's Java field name
         * @param exists the exists
         * @throws NullPointerException if {@code field} is null
         */
        public Exists {
            Objects.requireNonNull(field, "field == null");
        }
    }

    /**
     * All of the filters hold.
     *
     * @param filters at least one filter; copied
     */
    record And(List<Filter> filters) implements Filter {
        /**
         * Validates and copies the components.
         *
         * @param filters the filters
         * @throws NullPointerException if {@code filters} or one of them is null
         * @throws IllegalArgumentException if there is no filter
         */
        public And {
            filters = copyOf(filters, "filters");
            if (filters.isEmpty()) {
                throw new IllegalArgumentException("and() needs at least one filter");
            }
        }
    }

    /**
     * At least one of the filters holds.
     *
     * @param filters at least one filter; copied
     */
    record Or(List<Filter> filters) implements Filter {
        /**
         * Validates and copies the components.
         *
         * @param filters at least one filter; copied
         * @throws NullPointerException if {@code filters} or one of them is null
         * @throws IllegalArgumentException if there is no filter
         */
        public Or {
            filters = copyOf(filters, "filters");
            if (filters.isEmpty()) {
                throw new IllegalArgumentException("or() needs at least one filter");
            }
        }
    }

    /**
     * The filter does not hold.
     *
     * @param filter the negated filter
     */
    record Not(Filter filter) implements Filter {
        /**
         * Validates the components.
         *
         * @param filter the filter
         * @throws NullPointerException if {@code filter} is null
         */
        public Not {
            Objects.requireNonNull(filter, "filter == null");
        }
    }

    /**
     * {@code field = value}.
     *
     * @param field the entity's Java field name (dotted for a nested one)
     * @param value the value, of the field's type
     * @return the filter
     * @throws NullPointerException if an argument is null
     */
    static Filter eq(String field, Object value) {
        return new Comparison(field, Comparator.EQ, value);
    }

    /**
     * {@code field <> value}.
     *
     * @param field the entity's Java field name
     * @param value the value, of the field's type
     * @return the filter
     * @throws NullPointerException if an argument is null
     */
    static Filter ne(String field, Object value) {
        return new Comparison(field, Comparator.NE, value);
    }

    /**
     * {@code field < value}.
     *
     * @param field the entity's Java field name
     * @param value the value, of the field's type
     * @return the filter
     * @throws NullPointerException if an argument is null
     */
    static Filter lt(String field, Object value) {
        return new Comparison(field, Comparator.LT, value);
    }

    /**
     * {@code field <= value}.
     *
     * @param field the entity's Java field name
     * @param value the value, of the field's type
     * @return the filter
     * @throws NullPointerException if an argument is null
     */
    static Filter le(String field, Object value) {
        return new Comparison(field, Comparator.LE, value);
    }

    /**
     * {@code field > value}.
     *
     * @param field the entity's Java field name
     * @param value the value, of the field's type
     * @return the filter
     * @throws NullPointerException if an argument is null
     */
    static Filter gt(String field, Object value) {
        return new Comparison(field, Comparator.GT, value);
    }

    /**
     * {@code field >= value}.
     *
     * @param field the entity's Java field name
     * @param value the value, of the field's type
     * @return the filter
     * @throws NullPointerException if an argument is null
     */
    static Filter ge(String field, Object value) {
        return new Comparison(field, Comparator.GE, value);
    }

    /**
     * {@code low <= field <= high}.
     *
     * @param field the entity's Java field name
     * @param low the lower bound, inclusive
     * @param high the upper bound, inclusive
     * @return the filter
     * @throws NullPointerException if an argument is null
     */
    static Filter between(String field, Object low, Object high) {
        return new Between(field, low, high);
    }

    /**
     * The field is one of the values.
     *
     * @param field the entity's Java field name
     * @param values 1 to 100 values, of the field's type
     * @return the filter
     * @throws NullPointerException if {@code field}, {@code values} or a value is null
     * @throws IllegalArgumentException if there are no values or more than 100
     */
    static Filter in(String field, Object... values) {
        return new In(field, Arrays.asList(Objects.requireNonNull(values, "values == null")));
    }

    /**
     * The string or binary field starts with {@code prefix}.
     *
     * @param field the entity's Java field name
     * @param prefix a string (or bytes for a binary field)
     * @return the filter
     * @throws NullPointerException if an argument is null
     */
    static Filter beginsWith(String field, Object prefix) {
        return new BeginsWith(field, prefix);
    }

    /**
     * The string field contains a substring, or the set or list field contains an element.
     *
     * @param field the entity's Java field name
     * @param value the substring or element
     * @return the filter
     * @throws NullPointerException if an argument is null
     */
    static Filter contains(String field, Object value) {
        return new Contains(field, value);
    }

    /**
     * The item has the attribute.
     *
     * @param field the entity's Java field name
     * @return the filter
     * @throws NullPointerException if {@code field} is null
     */
    static Filter exists(String field) {
        return new Exists(field, true);
    }

    /**
     * The item lacks the attribute.
     *
     * @param field the entity's Java field name
     * @return the filter
     * @throws NullPointerException if {@code field} is null
     */
    static Filter notExists(String field) {
        return new Exists(field, false);
    }

    /**
     * All filters hold.
     *
     * @param filters at least one filter
     * @return the filter
     * @throws NullPointerException if {@code filters} or one of them is null
     * @throws IllegalArgumentException if there is no filter
     */
    static Filter and(Filter... filters) {
        return new And(Arrays.asList(Objects.requireNonNull(filters, "filters == null")));
    }

    /**
     * At least one filter holds.
     *
     * @param filters at least one filter
     * @return the filter
     * @throws NullPointerException if {@code filters} or one of them is null
     * @throws IllegalArgumentException if there is no filter
     */
    static Filter or(Filter... filters) {
        return new Or(Arrays.asList(Objects.requireNonNull(filters, "filters == null")));
    }

    /**
     * The filter does not hold.
     *
     * @param filter the filter to negate
     * @return the filter
     * @throws NullPointerException if {@code filter} is null
     */
    static Filter not(Filter filter) {
        return new Not(filter);
    }

    /** An unmodifiable copy; a null list or element is reported by its name and position. */
    private static <E> List<E> copyOf(List<E> list, String name) {
        Objects.requireNonNull(list, () -> name + " == null");
        for (int i = 0; i < list.size(); i++) {
            int position = i;
            Objects.requireNonNull(list.get(i), () -> name + "[" + position + "] == null");
        }
        return List.copyOf(list);
    }
}
