package io.dynamapper.engine.internal.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Type;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One persisted field of a mutable class, or component of a record: its Java and attribute names,
 * its codec and fast accessors ({@link MethodHandle}s built once). Immutable and thread-safe.
 */
public final class PropertyModel {
    private final Class<?> owner;
    private final String fieldName;
    private final String attributeName;
    private final Class<?> javaType;
    private final Type genericType;
    private final ValueCodec codec;
    private final MethodHandle getter;   // (Object)Object
    private final MethodHandle setter;   // (Object,Object)void, null for records
    private final MethodHandle defaultValue; // ()Object, null if none
    private final int index;

    PropertyModel(Class<?> owner, String fieldName, String attributeName, Class<?> javaType, Type genericType,
                  ValueCodec codec, MethodHandle getter, MethodHandle setter, MethodHandle defaultValue, int index) {
        this.owner = owner;
        this.fieldName = fieldName;
        this.attributeName = attributeName;
        this.javaType = javaType;
        this.genericType = genericType;
        this.codec = codec;
        this.getter = getter;
        this.setter = setter;
        this.defaultValue = defaultValue;
        this.index = index;
    }

    /** The Java field or record component name. */
    public String fieldName() {
        return fieldName;
    }

    /** The DynamoDB attribute name. */
    public String attributeName() {
        return attributeName;
    }

    /** The declared Java type. */
    public Class<?> javaType() {
        return javaType;
    }

    /** The declared generic type. */
    public Type genericType() {
        return genericType;
    }

    /** The codec converting this property. */
    public ValueCodec codec() {
        return codec;
    }

    /** Position among the persisted properties of its class (the snapshot slot). */
    public int index() {
        return index;
    }

    /** "DoomMap.name", for messages. */
    public String describe() {
        return owner.getSimpleName() + "." + fieldName;
    }

    /** The property's current value in {@code target}. */
    public Object read(Object target) {
        try {
            return (Object) getter.invokeExact(target);
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    /** Sets the value in a mutable {@code target}. */
    void write(Object target, Object value) {
        try {
            setter.invokeExact(target, value);
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    boolean hasDefault() {
        return defaultValue != null;
    }

    Object defaultValue() {
        try {
            return (Object) defaultValue.invokeExact();
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    /**
     * Encodes a value of this property; {@code null} for a null value or one stored as no
     * attribute (an empty set or Optional).
     *
     * @throws io.dynamapper.MappingException if the value cannot be encoded
     */
    public AttributeValue encode(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return codec.encode(value);
        } catch (io.dynamapper.DynamapperException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new io.dynamapper.MappingException("Cannot write field " + describe() + " (attribute '"
                    + attributeName + "'): " + e.getMessage(), e);
        }
    }

    /** What a snapshot keeps of a value: the value itself if immutable, else its encoded form. */
    public Object snapshot(Object value) {
        return value == null || codec.immutable() ? value : encode(value);
    }

    /** Whether {@code current} is the same as the snapshot taken of an earlier value. */
    public boolean unchanged(Object snapshot, Object current) {
        if (snapshot == current) {
            return true;
        }
        if (codec.immutable()) {
            return current != null && current.equals(snapshot);
        }
        return Objects.equals(snapshot, current == null ? null : encode(current));
    }

    @Override
    public String toString() {
        return describe() + " -> " + attributeName;
    }
}
