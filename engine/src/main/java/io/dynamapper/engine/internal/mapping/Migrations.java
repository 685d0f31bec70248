package io.dynamapper.engine.internal.mapping;

import io.dynamapper.MappingException;
import io.dynamapper.Migrate;
import io.dynamapper.SchemaVersion;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The lazy schema migrations of one entity class: its {@link SchemaVersion} and the chain of static
 * {@link Migrate} methods, checked once when the model is built.
 */
final class Migrations {
    private final Class<?> type;
    private final int current;
    private final String attribute;
    private final AttributeValue currentValue;
    /** steps[k - 1] lifts version k to k + 1. */
    private final MethodHandle[] steps;
    private final String[] stepNames;

    private Migrations(Class<?> type, int current, String attribute, MethodHandle[] steps, String[] stepNames) {
        this.type = type;
        this.current = current;
        this.attribute = attribute;
        this.currentValue = AttributeValue.fromN(Integer.toString(current));
        this.steps = steps;
        this.stepNames = stepNames;
    }

    /**
     * The migrations of a class, or null if it has no {@code @SchemaVersion}.
     *
     * @throws MappingException for a bad version, a bad or duplicate {@code @Migrate} method, or a gap
     */
    static Migrations of(Class<?> type) {
        SchemaVersion schema = type.getAnnotation(SchemaVersion.class);
        List<Method> annotated = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Migrate.class)) {
                annotated.add(m);
            }
        }
        if (schema == null) {
            if (!annotated.isEmpty()) {
                throw new MappingException(type.getName() + " has @Migrate methods " + names(annotated)
                        + " but no @SchemaVersion; annotate the class with @SchemaVersion(n)");
            }
            return null;
        }
        if (schema.value() < 1) {
            throw new MappingException("@SchemaVersion(" + schema.value() + ") on " + type.getName()
                    + ": a schema version is at least 1");
        }
        if (schema.attribute().isEmpty()) {
            throw new MappingException("@SchemaVersion(attribute = \"\") on " + type.getName()
                    + ": the schema version attribute needs a name");
        }
        TreeMap<Integer, Method> byFrom = new TreeMap<>();
        for (Method m : annotated) {
            int from = m.getAnnotation(Migrate.class).from();
            checkSignature(type, m);
            if (from < 1 || from >= schema.value()) {
                throw new MappingException("@Migrate(from = " + from + ") on " + describe(m) + ": " + type.getSimpleName()
                        + " is at @SchemaVersion(" + schema.value() + "), so steps go from 1 to "
                        + (schema.value() - 1));
            }
            Method other = byFrom.put(from, m);
            if (other != null) {
                throw new MappingException(type.getName() + " has two @Migrate(from = " + from + ") methods, "
                        + other.getName() + " and " + m.getName() + "; it may have one");
            }
        }
        MethodHandle[] steps = new MethodHandle[schema.value() - 1];
        String[] stepNames = new String[steps.length];
        for (int k = 1; k < schema.value(); k++) {
            Method m = byFrom.get(k);
            if (m == null) {
                throw new MappingException(type.getName() + " is at @SchemaVersion(" + schema.value()
                        + ") but has no @Migrate(from = " + k + ") method; add a static method "
                        + "Map<String, AttributeValue> m(Map<String, AttributeValue> item) that lifts version " + k
                        + " to " + (k + 1));
            }
            try {
                steps[k - 1] = Accessors.generic(Accessors.lookupIn(type).unreflect(m));
            } catch (IllegalAccessException e) {
                throw new MappingException("Cannot call " + m, e);
            }
            stepNames[k - 1] = describe(m);
        }
        return new Migrations(type, schema.value(), schema.attribute(), steps, stepNames);
    }

    private static void checkSignature(Class<?> type, Method m) {
        Type[] parameters = m.getGenericParameterTypes();
        boolean ok = Modifier.isStatic(m.getModifiers()) && parameters.length == 1 && isItemType(parameters[0])
                && isItemType(m.getGenericReturnType());
        if (!ok) {
            throw new MappingException("@Migrate method " + describe(m) + " must be static, take one "
                    + "Map<String, AttributeValue> and return a Map<String, AttributeValue>; it is " + m.toGenericString());
        }
    }

    private static boolean isItemType(Type t) {
        return t instanceof ParameterizedType p && p.getRawType() == Map.class
                && p.getActualTypeArguments()[0] == String.class
                && p.getActualTypeArguments()[1] == AttributeValue.class;
    }

    private static String describe(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName() + "()";
    }

    private static List<String> names(List<Method> methods) {
        return methods.stream().map(Migrations::describe).toList();
    }

    int current() {
        return current;
    }

    String attribute() {
        return attribute;
    }

    /** The schema version attribute's value for items written now. */
    AttributeValue currentValue() {
        return currentValue;
    }

    /**
     * The version of a stored item: its attribute, 1 if it has none.
     *
     * @throws MappingException if the attribute is not a positive whole number or newer than the class
     */
    int versionOf(Map<String, AttributeValue> item, EntityModel<?> model) {
        AttributeValue stored = item.get(attribute);
        if (stored == null) {
            return 1;
        }
        if (stored.equals(currentValue)) {
            return current;
        }
        int version;
        try {
            version = stored.n() == null ? -1 : new BigDecimal(stored.n()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            version = -1;
        }
        if (version < 1) {
            throw new MappingException("Item " + model.keys().keyValue(item) + " of table '" + model.tableName()
                    + "' has schema version attribute '" + attribute + "' = " + DecodeException.abbreviate(stored)
                    + ", not a whole number of at least 1, so " + type.getName() + " cannot read it");
        }
        if (version > current) {
            throw new MappingException("Item " + model.keys().keyValue(item) + " of table '" + model.tableName()
                    + "' has schema version " + version + ", newer than " + type.getName() + "'s @SchemaVersion("
                    + current + "); it was written by a newer version of the application, which this one cannot read");
        }
        return version;
    }

    /**
     * The item lifted to the current version, or the same instance if it is current.
     *
     * @throws MappingException if the item is newer than the class, or a step fails or returns null
     */
    Map<String, AttributeValue> migrate(Map<String, AttributeValue> item, EntityModel<?> model) {
        int version = versionOf(item, model);
        if (version == current) {
            return item;
        }
        Map<String, AttributeValue> lifted = item;
        for (int k = version; k < current; k++) {
            Object result;
            try {
                result = steps[k - 1].invoke(lifted);
            } catch (Throwable t) {
                if (t instanceof Error e) {
                    throw e;
                }
                throw new MappingException("Migration " + stepNames[k - 1] + " of item " + model.keys().keyValue(item)
                        + " of table '" + model.tableName() + "' from version " + k + " to " + (k + 1) + " failed: " + t,
                        t);
            }
            if (!(result instanceof Map<?, ?>)) {
                throw new MappingException("Migration " + stepNames[k - 1] + " returned null for item "
                        + model.keys().keyValue(item) + " of table '" + model.tableName() + "'; return the lifted item");
            }
            @SuppressWarnings("unchecked")
            Map<String, AttributeValue> next = (Map<String, AttributeValue>) result;
            lifted = next;
        }
        Map<String, AttributeValue> done = new java.util.LinkedHashMap<>(lifted);
        done.put(attribute, currentValue);
        return done;
    }
}
