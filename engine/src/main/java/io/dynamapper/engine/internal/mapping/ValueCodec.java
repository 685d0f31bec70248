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
