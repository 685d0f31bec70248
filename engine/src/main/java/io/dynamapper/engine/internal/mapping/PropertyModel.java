package io.dynamapper.engine.internal.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One persisted field of a mutable class, or component of a record: its Java and attribute names,
 * its codec and accessors. Fields are read and written through core reflection made accessible
 * (cheap to set up on a model's first use, primitives read without boxing); the method handles a
 * compiled clean check needs are built when it asks for them. Immutable (but for those handles,
 * built once) and thread-safe.
 */
public final class PropertyModel {
    private final Class<?> owner;
    private final String fieldName;
    private final String attributeName;
    private final Class<?> javaType;
    private final Type genericType;
    private final ValueCodec codec;
    private final Field field;           // a mutable class's field, accessible; null otherwise
    private final Method accessor;       // a record component's accessor, accessible; null otherwise
    private final MethodHandle composer; // (Object)Object, a key template's value; null otherwise
    private final Primitive primitive;   // how to read a primitive field without boxing, or null
    private final Method defaultValue;   // static, no parameters, accessible; null if none
    private final int index;
    private MethodHandle getter;          // (Object)Object, built on first use (racy: any copy is equal)
    private MethodHandle primitiveGetter; // (Object)long, (Object)double or (Object)boolean, built on first use

    /**
     * @param access the field of a mutable class or the accessor of a record component, made
     *     {@link Accessors#accessible accessible}
     * @param defaultValue the {@code @Default} method, accessible; null if none
     */
    PropertyModel(Class<?> owner, String fieldName, String attributeName, Class<?> javaType, Type genericType,
                  ValueCodec codec, java.lang.reflect.Member access, Method defaultValue, int index) {
        this(owner, fieldName, attributeName, javaType, genericType, codec, access instanceof Field f ? f : null,
                access instanceof Method m ? m : null, null, defaultValue, index);
    }

    /** A property read by a handle, (Object)String: a key composed by a key template. */
    PropertyModel(Class<?> owner, String fieldName, String attributeName, ValueCodec codec, MethodHandle composer,
                  int index) {
        this(owner, fieldName, attributeName, String.class, String.class, codec, null, null,
                composer.asType(MethodType.methodType(Object.class, Object.class)), null, index);
    }

    private PropertyModel(Class<?> owner, String fieldName, String attributeName, Class<?> javaType, Type genericType,
                          ValueCodec codec, Field field, Method accessor, MethodHandle composer, Method defaultValue,
                          int index) {
        this.owner = owner;
        this.fieldName = fieldName;
        this.attributeName = attributeName;
        this.javaType = javaType;
        this.genericType = genericType;
        this.codec = codec;
        this.field = field;
        this.accessor = accessor;
        this.composer = composer;
        this.getter = composer;
        this.primitive = Primitive.of(javaType);
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
        if (field != null) {
            try {
                return field.get(target);
            } catch (IllegalAccessException e) {
                throw inaccessible(e);
            }
        }
        if (accessor != null) {
            return Accessors.invoke(accessor, target);
        }
        try {
            return (Object) composer.invokeExact(target);
        } catch (Throwable t) {
            throw Accessors.rethrow(t);
        }
    }

    /** Sets the value in a mutable {@code target}. */
    void write(Object target, Object value) {
        if (field == null) {
            throw new IllegalStateException(describe() + " cannot be set: it is a record component or a composed key");
        }
        try {
            field.set(target, value);
        } catch (IllegalAccessException e) {
            throw inaccessible(e);
        }
    }

    private io.dynamapper.MappingException inaccessible(IllegalAccessException e) {
        return new io.dynamapper.MappingException("Cannot access field " + describe() + ": " + e.getMessage(), e);
    }

    boolean hasDefault() {
        return defaultValue != null;
    }

    Object defaultValue() {
        return Accessors.invoke(defaultValue, null);
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
        return switch (primitive) {
            case INTEGRAL -> ((Number) snapshot).longValue() == readLong(target);
            case FLOATING -> ((Number) snapshot).doubleValue() == readDouble(target);
            case BOOLEAN -> (Boolean) snapshot == readBoolean(target);
        };
    }

    /** A primitive integral field's value, widened; without boxing for a mutable class's field. */
    private long readLong(Object target) {
        if (field == null) {
            return ((Number) read(target)).longValue();
        }
        try {
            return field.getLong(target);
        } catch (IllegalAccessException e) {
            throw inaccessible(e);
        }
    }

    /** A primitive floating field's value, widened; without boxing for a mutable class's field. */
    private double readDouble(Object target) {
        if (field == null) {
            return ((Number) read(target)).doubleValue();
        }
        try {
            return field.getDouble(target);
        } catch (IllegalAccessException e) {
            throw inaccessible(e);
        }
    }

    /** A primitive boolean field's value; without boxing for a mutable class's field. */
    private boolean readBoolean(Object target) {
        if (field == null) {
            return (Boolean) read(target);
        }
        try {
            return field.getBoolean(target);
        } catch (IllegalAccessException e) {
            throw inaccessible(e);
        }
    }

    /** The getter, (Object)Object: boxes primitive values. Built on first use (a compiled clean check). */
    MethodHandle getter() {
        MethodHandle g = getter;
        if (g == null) {
            g = typedGetter().asType(MethodType.methodType(Object.class, Object.class));
            getter = g;
        }
        return g;
    }

    private MethodHandle typedGetter() {
        return field != null ? Accessors.getter(field) : Accessors.getter(accessor);
    }

    /** How a primitive field is read without boxing; null for a reference (or char) field. */
    Primitive primitive() {
        return primitive;
    }

    /** (Object)long, (Object)double or (Object)boolean by {@link #primitive()}; null for a reference field. */
    MethodHandle primitiveGetter() {
        if (primitive == null) {
            return null;
        }
        MethodHandle g = primitiveGetter;
        if (g == null) {
            g = typedGetter().asType(MethodType.methodType(primitive.carrier, Object.class));
            primitiveGetter = g;
        }
        return g;
    }

    /**
     * The value of a primitive field as 64 bits, without boxing: the integral value, the raw bits of
     * the (widened) floating value, or 1 and 0 for true and false.
     */
    long readBits(Object target) {
        return switch (primitive) {
            case INTEGRAL -> readLong(target);
            case FLOATING -> Double.doubleToRawLongBits(readDouble(target));
            case BOOLEAN -> readBoolean(target) ? 1L : 0L;
        };
    }

    /**
     * Whether a primitive field holds the value of bits from {@link #readBits}; 0.0 and -0.0 are
     * the same number to DynamoDB, NaN is never the same.
     */
    boolean sameBits(long bits, Object target) {
        return switch (primitive) {
            case INTEGRAL -> bits == readLong(target);
            case FLOATING -> Double.longBitsToDouble(bits) == readDouble(target);
            case BOOLEAN -> (bits != 0) == readBoolean(target);
        };
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
