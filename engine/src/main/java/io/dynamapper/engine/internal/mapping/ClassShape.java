package io.dynamapper.engine.internal.mapping;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How to take apart and build instances of one class or record: its persisted properties and its
 * constructor. Shared by entities and nested objects.
 */
final class ClassShape {
    private final Class<?> type;
    private final boolean record;
    private final List<PropertyModel> properties;
    private final List<AnnotatedElement> elements;
    private final Map<String, PropertyModel> byField;
    private final Constructor<?> constructor; // accessible
    /** Records only: for each canonical constructor parameter, the property index or -1 if ignored. */
    private final int[] componentToProperty;
    private final Class<?>[] componentTypes;
    /** Records only: the accessor of each component, persisted or not; accessible. */
    private final Method[] componentGetters;

    ClassShape(Class<?> type, boolean record, List<PropertyModel> properties, List<AnnotatedElement> elements,
               Constructor<?> constructor, int[] componentToProperty, Class<?>[] componentTypes,
               Method[] componentGetters) {
        this.type = type;
        this.record = record;
        this.properties = List.copyOf(properties);
        this.elements = List.copyOf(elements);
        this.constructor = constructor;
        this.componentToProperty = componentToProperty;
        this.componentTypes = componentTypes;
        this.componentGetters = componentGetters;
        Map<String, PropertyModel> fields = new LinkedHashMap<>();
        properties.forEach(p -> fields.put(p.fieldName(), p));
        this.byField = Map.copyOf(fields);
    }

    Class<?> type() {
        return type;
    }

    boolean isRecord() {
        return record;
    }

    List<PropertyModel> properties() {
        return properties;
    }

    /** The annotations of each property, parallel to {@link #properties()}. */
    List<AnnotatedElement> elements() {
        return elements;
    }

    PropertyModel property(String fieldName) {
        return byField.get(fieldName);
    }

    /** Every non-null property, encoded; properties stored as nothing (empty sets) are left out. */
    Map<String, AttributeValue> encode(Object instance) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(properties.size() * 2);
        for (PropertyModel p : properties) {
            AttributeValue value = p.encode(p.read(instance));
            if (value != null) {
                item.put(p.attributeName(), value);
            }
        }
        return item;
    }

    /**
     * Builds an instance from stored attributes. A missing attribute leaves a mutable class's field
     * as its constructor set it; a record component gets its {@code @Default}, else null, zero or
     * an empty container.
     *
     * @throws DecodeException if an attribute does not fit its field
     */
    Object decode(Map<String, AttributeValue> item) {
        return record ? decodeRecord(item) : decodeMutable(item);
    }

    private Object decodeMutable(Map<String, AttributeValue> item) {
        Object instance = newInstance();
        for (PropertyModel p : properties) {
            AttributeValue stored = item.get(p.attributeName());
            if (stored != null && !Boolean.TRUE.equals(stored.nul())) {
                p.write(instance, decode(p, stored));
            } else if (p.hasDefault()) {
                p.write(instance, p.defaultValue());
            } else if (!p.javaType().isPrimitive()) {
                Object missing = p.codec().missingValue();
                if (stored != null || (missing != null && p.read(instance) == null)) {
                    p.write(instance, missing);
                }
            }
        }
        return instance;
    }

    private Object decodeRecord(Map<String, AttributeValue> item) {
        Object[] args = new Object[componentToProperty.length];
        for (int i = 0; i < args.length; i++) {
            int index = componentToProperty[i];
            Object value = null;
            if (index >= 0) {
                PropertyModel p = properties.get(index);
                AttributeValue stored = item.get(p.attributeName());
                if (stored != null && !Boolean.TRUE.equals(stored.nul())) {
                    value = decode(p, stored);
                } else if (p.hasDefault()) {
                    value = p.defaultValue();
                } else {
                    value = p.codec().missingValue();
                }
            }
            args[i] = value == null ? zero(componentTypes[i]) : value;
        }
        return construct(args);
    }

    private static Object decode(PropertyModel p, AttributeValue stored) {
        try {
            return p.codec().decode(stored);
        } catch (DecodeException e) {
            throw e.at(p);
        }
    }

    /** The snapshot of every property ({@link PropertyModel#snapshot}), in property order. */
    Object[] snapshot(Object instance) {
        Object[] snapshot = new Object[properties.size()];
        for (int i = 0; i < snapshot.length; i++) {
            PropertyModel p = properties.get(i);
            snapshot[i] = p.snapshot(p.read(instance));
        }
        return snapshot;
    }

    /** Whether every property is as in a snapshot from {@link #snapshot}. */
    boolean unchanged(Object[] snapshot, Object instance) {
        for (int i = 0; i < snapshot.length; i++) {
            if (!properties.get(i).unchangedIn(snapshot[i], instance)) {
                return false;
            }
        }
        return true;
    }

    /** A new instance equal to the one a snapshot from {@link #snapshot} was taken of. */
    Object restore(Object[] snapshot) {
        if (record) {
            Object[] args = new Object[componentToProperty.length];
            for (int i = 0; i < args.length; i++) {
                int index = componentToProperty[i];
                Object value = index >= 0 ? properties.get(index).restore(snapshot[index]) : null;
                args[i] = value == null ? zero(componentTypes[i]) : value;
            }
            return construct(args);
        }
        Object instance = newInstance();
        for (int i = 0; i < snapshot.length; i++) {
            PropertyModel p = properties.get(i);
            if (!p.javaType().isPrimitive() || snapshot[i] != null) {
                p.write(instance, p.restore(snapshot[i]));
            }
        }
        return instance;
    }

    /** A copy of a record with one property replaced; for mutable classes, sets the field and returns the same instance. */
    Object with(Object instance, PropertyModel property, Object value) {
        if (!record) {
            property.write(instance, value);
            return instance;
        }
        Object[] args = new Object[componentToProperty.length];
        for (int i = 0; i < args.length; i++) {
            int index = componentToProperty[i];
            args[i] = index == property.index() ? value : Accessors.invoke(componentGetters[i], instance);
        }
        return construct(args);
    }

    private Object newInstance() {
        return Accessors.newInstance(constructor);
    }

    private Object construct(Object[] args) {
        return Accessors.newInstance(constructor, args);
    }

    private static Object zero(Class<?> type) {
        return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null;
    }
}
