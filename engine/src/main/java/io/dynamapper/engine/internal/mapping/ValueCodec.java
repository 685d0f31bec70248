package io.dynamapper.engine.internal.mapping;

import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Converts one Java type to and from a DynamoDB attribute value. Implementations are immutable and
 * thread-safe; one is built per field when an entity model is built.
 */
public interface ValueCodec {
    /** Encodes a non-null value; {@code null} means "store no attribute" (e.g. an empty set). */
    AttributeValue encode(Object value);

    /**
     * Decodes a stored, non-null attribute.
     *
     * @throws DecodeException if the attribute's type or value does not fit
     */
    Object decode(AttributeValue value);

    /** The DynamoDB type this codec writes, for messages: "N", "S", "B", "BOOL", "SS", "L", "M"... */
    String dynamoType();

    /** Whether values are immutable, so that a snapshot can keep the value itself. */
    boolean immutable();

    /** Whether a non-null value is stored as no attribute (an empty set, an empty Optional). */
    default boolean isAbsent(Object value) {
        return false;
    }

    /**
     * What a snapshot keeps of a non-null value, to tell later whether it changed: the value itself
     * when immutable; otherwise codecs keep a deep copy, and the default keeps the encoded form.
     */
    default Object snapshot(Object value) {
        return immutable() ? value : new Encoded(encode(value));
    }

    /** Whether a non-null value equals the value a snapshot was taken of. */
    default boolean same(Object snapshot, Object value) {
        return immutable() ? value.equals(snapshot) : snapshot.equals(new Encoded(encode(value)));
    }

    /** A new value equal to the one a snapshot was taken of (for rollback). */
    default Object restore(Object snapshot) {
        if (immutable()) {
            return snapshot;
        }
        AttributeValue encoded = ((Encoded) snapshot).value();
        return encoded == null ? missingValue() : decode(encoded);
    }

    /** A snapshot kept in encoded form, for values this codec cannot copy itself (user codecs). */
    record Encoded(AttributeValue value) {
    }

    /** The codec of the elements of a set or list (through an Optional), for {@code contains} filters. */
    default Optional<ValueCodec> elementCodec() {
        return Optional.empty();
    }

    /** The key attribute type, if values of this codec can be a table or index key. */
    default Optional<ScalarAttributeType> keyType() {
        return Optional.empty();
    }

    /** The value of a field whose attribute is missing and that has no default: null or an empty container. */
    default Object missingValue() {
        return null;
    }

    /**
     * Encodes a value held inside a list, a map or an {@code Optional}, where "no attribute" cannot
     * be stored: null becomes NULL, and a codec whose {@link #encode} stores an empty value as no
     * attribute (a set) returns its nested form (an empty list).
     */
    default AttributeValue encodeNested(Object value) {
        AttributeValue encoded = value == null ? null : encode(value);
        return encoded == null ? ContainerCodecs.NULL : encoded;
    }

    /** What a NULL inside a list or map reads as: null, or {@code Optional.empty()} for an Optional. */
    default Object decodeNull() {
        return null;
    }

    /**
     * Converts a value given by a caller (a key argument, a filter value) to this codec's Java type.
     *
     * @throws IllegalArgumentException if it cannot be that type
     */
    default Object convert(Object value) {
        return value;
    }
}
