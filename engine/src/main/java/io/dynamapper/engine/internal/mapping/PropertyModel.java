package io.dynamapper.engine.internal.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
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
    private final Primitive primitive;   // how to read a primitive field without boxing, or null
    private final MethodHandle primitiveGetter; // (Object)long, (Object)double or (Object)boolean
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
        this.getter = getter.asType(MethodType.methodType(Object.class, Object.class));
        this.primitive = Primitive.of(javaType);
        this.primitiveGetter = primitive == null ? null
                : getter.asType(MethodType.methodType(primitive.carrier, Object.class));
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
            String shown = String.valueOf(value);
            throw new io.dynamapper.MappingException("Cannot write field " + describe() + " (attribute '"
                    + attributeName + "'), value " + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown)
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a snapshot keeps of a value: null for a value stored as no attribute (null, an empty
     * set or Optional), the value itself when immutable, else a deep copy (see {@link ValueCodec#snapshot}).
     */
    public Object snapshot(Object value) {
        return value == null || codec.isAbsent(value) ? null : codec.snapshot(value);
    }

    /** Whether {@code current} is what the snapshot was taken of (as far as DynamoDB can tell). */
    public boolean unchanged(Object snapshot, Object current) {
        if (snapshot == current) {
            return true;
        }
        if (snapshot == null) {
            return codec.isAbsent(current);
        }
        return current != null && codec.same(snapshot, current);
    }

    /**
     * Whether this property of {@code target} is what the snapshot was taken of. Reads primitive
     * fields without boxing: the dirty check of a clean entity allocates nothing.
     */
    public boolean unchangedIn(Object snapshot, Object target) {
        if (primitive == null) {
            return unchanged(snapshot, read(target));
        }
        try {
            return switch (primitive) {
                case INTEGRAL -> ((Number) snapshot).longValue() == (long) primitiveGetter.invokeExact(target);
                case FLOATING -> ((Number) snapshot).doubleValue() == (double) primitiveGetter.invokeExact(target);
                case BOOLEAN -> (Boolean) snapshot == (boolean) primitiveGetter.invokeExact(target);
            };
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    /** The getter, (Object)Object: boxes primitive values. */
    MethodHandle getter() {
        return getter;
    }

    /** How a primitive field is read without boxing; null for a reference (or char) field. */
    Primitive primitive() {
        return primitive;
    }

    /** (Object)long, (Object)double or (Object)boolean by {@link #primitive()}; null for a reference field. */
    MethodHandle primitiveGetter() {
        return primitiveGetter;
    }

    /**
     * The value of a primitive field as 64 bits, without boxing: the integral value, the raw bits of
     * the (widened) floating value, or 1 and 0 for true and false.
     */
    long readBits(Object target) {
        try {
            return switch (primitive) {
                case INTEGRAL -> (long) primitiveGetter.invokeExact(target);
                case FLOATING -> Double.doubleToRawLongBits((double) primitiveGetter.invokeExact(target));
                case BOOLEAN -> (boolean) primitiveGetter.invokeExact(target) ? 1L : 0L;
            };
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    /**
     * Whether a primitive field holds the value of bits from {@link #readBits}; 0.0 and -0.0 are
     * the same number to DynamoDB, NaN is never the same.
     */
    boolean sameBits(long bits, Object target) {
        try {
            return switch (primitive) {
                case INTEGRAL -> bits == (long) primitiveGetter.invokeExact(target);
                case FLOATING -> Double.longBitsToDouble(bits) == (double) primitiveGetter.invokeExact(target);
                case BOOLEAN -> (bits != 0) == (boolean) primitiveGetter.invokeExact(target);
            };
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    /** The value of bits from {@link #readBits}, boxed as the field's type. */
    Object boxBits(long bits) {
        if (javaType == long.class) {
            return bits;
        } else if (javaType == int.class) {
            return (int) bits;
        } else if (javaType == short.class) {
            return (short) bits;
        } else if (javaType == byte.class) {
            return (byte) bits;
        } else if (javaType == double.class) {
            return Double.longBitsToDouble(bits);
        } else if (javaType == float.class) {
            return (float) Double.longBitsToDouble(bits);
        }
        return bits != 0;
    }

    /** A new value equal to the one the snapshot was taken of; for a null snapshot, null or an empty container. */
    Object restore(Object snapshot) {
        return snapshot == null ? codec.missingValue() : codec.restore(snapshot);
    }

    /** The primitive field kinds read without boxing; char fields are read boxed. */
    enum Primitive {
        INTEGRAL(long.class), FLOATING(double.class), BOOLEAN(boolean.class);

        final Class<?> carrier;

        Primitive(Class<?> carrier) {
            this.carrier = carrier;
        }

        static Primitive of(Class<?> type) {
            if (type == long.class || type == int.class || type == short.class || type == byte.class) {
                return INTEGRAL;
            }
            if (type == double.class || type == float.class) {
                return FLOATING;
            }
            return type == boolean.class ? BOOLEAN : null;
        }
    }

    @Override
    public String toString() {
        return describe() + " -> " + attributeName;
    }
}
