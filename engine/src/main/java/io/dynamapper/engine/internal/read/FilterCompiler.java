package io.dynamapper.engine.internal.read;

import io.dynamapper.DynamapperException;
import io.dynamapper.Filter;
import io.dynamapper.engine.internal.mapping.AttributePath;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.ValueCodec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Compiles a {@link Filter} tree into a DynamoDB filter expression on one entity model. Field names
 * are Java names mapped to attribute names through placeholders; values are converted with the
 * field's codec. Every operand of {@code AND}, {@code OR} and {@code NOT} is parenthesised, so the
 * expression means exactly what the tree means.
 */
final class FilterCompiler {
    private final EntityModel<?> model;
    private final Expressions expressions;
    private final Set<String> forbiddenAttributes;
    private final String forbiddenReason;

    /**
     * @param forbiddenAttributes attribute names the filter may not use (a query's key attributes)
     * @param forbiddenReason what to tell the caller who uses one
     */
    FilterCompiler(EntityModel<?> model, Expressions expressions, Set<String> forbiddenAttributes,
                   String forbiddenReason) {
        this.model = model;
        this.expressions = expressions;
        this.forbiddenAttributes = Set.copyOf(forbiddenAttributes);
        this.forbiddenReason = forbiddenReason;
    }

    /**
     * A filter expression narrowed to the items of the model's type name, for a class with a key
     * template (several classes share its table); the expression itself otherwise.
     *
     * @param filterExpression the caller's filters, or null
     * @return the expression with {@code type attribute = type name} added, or null
     */
    static String withTypeFilter(EntityModel<?> model, Expressions expressions, String filterExpression) {
        if (model.typeAttribute().isEmpty()) {
            return filterExpression;
        }
        String name = expressions.name(model.typeAttribute().get());
        String type;
        if (model.typeNames().size() == 1) {
            type = name + " = " + expressions.value(AttributeValue.fromS(model.typeNames().iterator().next()));
        } else { // a polymorphic base: any of its subtypes
            type = name + " IN (" + String.join(", ", model.typeNames().stream()
                    .map(t -> expressions.value(AttributeValue.fromS(t))).toList()) + ")";
        }
        return filterExpression == null ? type : "(" + filterExpression + ") AND " + type;
    }

    /** The expression of several filters that must all hold; null when there are none. */
    String compileAll(List<Filter> filters) {
        if (filters.isEmpty()) {
            return null;
        }
        if (filters.size() == 1) {
            return compile(filters.get(0));
        }
        return filters.stream().map(f -> "(" + compile(f) + ")").collect(Collectors.joining(" AND "));
    }

    /** The expression of one filter. */
    String compile(Filter filter) {
        if (filter instanceof Filter.Comparison c) {
            return path(c.field()) + " " + operator(c.comparator()) + " " + value(c.field(), c.value());
        } else if (filter instanceof Filter.Between b) {
            return path(b.field()) + " BETWEEN " + value(b.field(), b.low()) + " AND " + value(b.field(), b.high());
        } else if (filter instanceof Filter.In in) {
            String path = path(in.field());
            return path + " IN (" + in.values().stream().map(v -> value(in.field(), v))
                    .collect(Collectors.joining(", ")) + ")";
        } else if (filter instanceof Filter.BeginsWith bw) {
            AttributePath field = resolve(bw.field());
            return "begins_with(" + expressions.path(field.attributeNames()) + ", "
                    + expressions.value(textOrValue(field, bw.prefix(), "beginsWith")) + ")";
        } else if (filter instanceof Filter.Contains contains) {
            AttributePath field = resolve(contains.field());
            return "contains(" + expressions.path(field.attributeNames()) + ", "
                    + expressions.value(containsOperand(field, contains.value())) + ")";
        } else if (filter instanceof Filter.Exists exists) {
            return (exists.exists() ? "attribute_exists(" : "attribute_not_exists(") + path(exists.field()) + ")";
        } else if (filter instanceof Filter.And and) {
            return junction(and.filters(), " AND ");
        } else if (filter instanceof Filter.Or or) {
            return junction(or.filters(), " OR ");
        } else if (filter instanceof Filter.Not not) {
            return "NOT (" + compile(not.filter()) + ")";
        } else if (filter == null) {
            throw new NullPointerException("filter == null (in a filter on " + model.type().getSimpleName() + ")");
        }
        throw new DynamapperException("Unknown filter " + filter.getClass().getName()); // unreachable: sealed
    }

    private String junction(List<Filter> filters, String operator) {
        if (filters.size() == 1) {
            return compile(filters.get(0));
        }
        return filters.stream().map(f -> "(" + compile(f) + ")").collect(Collectors.joining(operator));
    }

    private static String operator(Filter.Comparator comparator) {
        return switch (comparator) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
    }

    private AttributePath resolve(String field) {
        if (field == null) {
            throw new NullPointerException("field == null (in a filter on " + model.type().getSimpleName() + ")");
        }
        AttributePath path = model.resolvePath(field);
        if (path.isTopLevel() && forbiddenAttributes.contains(path.attributeNames().get(0))) {
            throw new IllegalArgumentException("Filter on " + path.describe() + " (attribute '"
                    + path.attributeNames().get(0) + "'): " + forbiddenReason);
        }
        return path;
    }

    private String path(String field) {
        return expressions.path(resolve(field).attributeNames());
    }

    /** A value placeholder for a value of the field, converted with its codec. */
    private String value(String field, Object value) {
        return expressions.value(resolve(field).encode(value));
    }

    /**
     * A string prefix or substring of a string-typed attribute (also a UUID, enum or date stored as a
     * string, where a partial value is not a valid field value), else the value converted.
     */
    private static AttributeValue textOrValue(AttributePath field, Object value, String function) {
        String type = field.leafCodec().dynamoType();
        if (value instanceof CharSequence text && "S".equals(type)) {
            return AttributeValue.fromS(text.toString());
        }
        if (value instanceof byte[] bytes && "B".equals(type)) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
        }
        if (!"S".equals(type) && !"B".equals(type) && "beginsWith".equals(function)) {
            throw new IllegalArgumentException("beginsWith on " + field.describe() + ": the field is stored as "
                    + type + "; begins_with applies to strings and binary only");
        }
        return field.encode(value);
    }

    /** contains(): an element of a set or list field, a substring of a string field. */
    private static AttributeValue containsOperand(AttributePath field, Object value) {
        Optional<ValueCodec> elements = field.leafCodec().elementCodec();
        if (elements.isEmpty()) {
            return textOrValue(field, value, "contains");
        }
        ValueCodec element = elements.get();
        try {
            AttributeValue encoded = element.encode(element.convert(value));
            if (encoded == null) {
                throw new IllegalArgumentException("it is stored as no attribute");
            }
            return encoded;
        } catch (DynamapperException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("contains on " + field.describe() + " takes an element; "
                    + describe(value) + " cannot be one: " + e.getMessage(), e);
        }
    }

    private static String describe(Object value) {
        return value instanceof CharSequence ? "'" + value + "' (String)"
                : value + " (" + value.getClass().getSimpleName() + ")";
    }
}
