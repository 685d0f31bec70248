package io.dynamapper.engine.internal.read;

import io.dynamapper.DynamapperException;
import io.dynamapper.Filter;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
            FieldPath field = resolve(bw.field());
            return "begins_with(" + expressions.path(field.attributeNames()) + ", "
                    + expressions.value(textOrValue(field, bw.prefix(), "beginsWith")) + ")";
        } else if (filter instanceof Filter.Contains contains) {
            FieldPath field = resolve(contains.field());
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
            throw new DynamapperException("Filter on " + model.type().getSimpleName() + " contains a null filter");
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

    private FieldPath resolve(String field) {
        FieldPath path = FieldPath.resolve(model, field);
        if (forbiddenAttributes.contains(path.attributeNames().get(0)) && path.attributeNames().size() == 1) {
            throw new DynamapperException("Filter on " + path.property().describe() + " (attribute '"
                    + path.attributeNames().get(0) + "'): " + forbiddenReason);
        }
        return path;
    }

    private String path(String field) {
        return expressions.path(resolve(field).attributeNames());
    }

    /** A value placeholder for a value of the field, converted with its codec. */
    private String value(String field, Object value) {
        return expressions.value(encode(resolve(field), value));
    }

    private AttributeValue encode(FieldPath field, Object value) {
        AttributeValue encoded = model.convertValue(field.property(), value);
        if (encoded == null) {
            throw new DynamapperException("Filter value " + value + " for " + field.property().describe()
                    + " is stored as no attribute (an empty set or Optional.empty()); use Filter.notExists(\""
                    + field.field() + "\") to find items without it");
        }
        return encoded;
    }

    /**
     * A string prefix or substring of a string-typed attribute (also a UUID, enum or date stored as a
     * string, where a partial value is not a valid field value), else the value converted.
     */
    private AttributeValue textOrValue(FieldPath field, Object value, String function) {
        String type = field.property().codec().dynamoType();
        if (value instanceof CharSequence text && "S".equals(type)) {
            return AttributeValue.fromS(text.toString());
        }
        if (value instanceof byte[] bytes && "B".equals(type)) {
            return AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(bytes));
        }
        if (!"S".equals(type) && !"B".equals(type) && "beginsWith".equals(function)) {
            throw new DynamapperException("beginsWith on " + field.property().describe() + ": the field is stored as "
                    + type + "; begins_with applies to strings and binary only");
        }
        return encode(field, value);
    }

    /** contains(): an element of a set or list field, a substring of a string field. */
    private AttributeValue containsOperand(FieldPath field, Object value) {
        PropertyModel property = field.property();
        String type = property.codec().dynamoType();
        if (!Set.of("SS", "NS", "BS", "L").contains(type)) {
            return textOrValue(field, value, "contains");
        }
        Object element = convertElement(property, value);
        AttributeValue whole;
        try {
            Object singleton = new ArrayList<>(List.of(element));
            whole = property.codec().encode(property.javaType() == Optional.class ? Optional.of(singleton) : singleton);
        } catch (RuntimeException e) {
            throw new DynamapperException("contains on " + property.describe() + " (" + property.genericType()
                    .getTypeName() + "): " + describe(value) + " cannot be an element: " + e.getMessage(), e);
        }
        return switch (type) {
            case "SS" -> AttributeValue.fromS(whole.ss().get(0));
            case "NS" -> AttributeValue.fromN(whole.ns().get(0));
            case "BS" -> AttributeValue.fromB(whole.bs().get(0));
            default -> whole.l().get(0);
        };
    }

    /** Converts the value to the element type of a collection field, the way keys are converted. */
    private static Object convertElement(PropertyModel property, Object value) {
        Class<?> elementType = elementType(property.genericType());
        if (elementType == null || elementType.isInstance(value)) {
            return value;
        }
        String problem = null;
        if (value instanceof Number number && Number.class.isAssignableFrom(elementType)) {
            try {
                BigDecimal exact = new BigDecimal(number.toString());
                if (elementType == Long.class) {
                    return exact.longValueExact();
                } else if (elementType == Integer.class) {
                    return exact.intValueExact();
                } else if (elementType == Short.class) {
                    return exact.shortValueExact();
                } else if (elementType == Byte.class) {
                    return exact.byteValueExact();
                } else if (elementType == BigInteger.class) {
                    return exact.toBigIntegerExact();
                } else if (elementType == BigDecimal.class) {
                    return exact;
                } else if (elementType == Double.class) {
                    return exact.doubleValue();
                } else if (elementType == Float.class) {
                    return exact.floatValue();
                }
            } catch (ArithmeticException | NumberFormatException e) {
                problem = "it does not fit " + elementType.getSimpleName();
            }
        } else if (elementType == String.class && (value instanceof CharSequence || value instanceof Character)) {
            return value.toString();
        }
        throw new DynamapperException("contains on " + property.describe() + " (" + property.genericType().getTypeName()
                + ") takes an element of type " + elementType.getSimpleName() + "; " + describe(value)
                + (problem == null ? " is not one" : ": " + problem));
    }

    /** The element class of {@code Set<E>}, {@code List<E>} or {@code Optional<Set<E>>}; null if unknown. */
    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            Type raw = p.getRawType();
            Type argument = p.getActualTypeArguments()[0];
            if (raw == Optional.class) {
                return elementType(argument);
            }
            if (raw instanceof Class<?> c && Collection.class.isAssignableFrom(c)) {
                if (argument instanceof Class<?> element) {
                    return element;
                }
                if (argument instanceof ParameterizedType nested && nested.getRawType() instanceof Class<?> element) {
                    return element;
                }
            }
        }
        return null;
    }

    private static String describe(Object value) {
        return value instanceof CharSequence ? "'" + value + "' (String)"
                : value + " (" + value.getClass().getSimpleName() + ")";
    }
}
