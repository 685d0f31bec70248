package io.dynamapper;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts a field type that Dynamapper does not map natively to and from a DynamoDB
 * {@link AttributeValue}. Attach it with {@link Codec}; one instance serves every entity of the
 * class, so it must be thread-safe and stateless.
 *
 * <pre>{@code
 * public final class MoneyCodec implements AttributeCodec<Money> {
 *     public AttributeValue encode(Money m) { return AttributeValue.fromS(m.currency() + " " + m.amount()); }
 *     public Money decode(AttributeValue v) { return Money.parse(v.s()); }
 * }
 * }</pre>
 *
 * @param <T> the Java type converted
 */
public interface AttributeCodec<T> {
    /**
     * Encodes a non-null value. Returning {@code null} stores no attribute (as for a null field).
     *
     * @param value the field's value, never null
     * @return the attribute to store, or null for none
     * @throws RuntimeException if the value cannot be encoded; it is reported as a
     *     {@link MappingException} naming the entity class and field
     */
    AttributeValue encode(T value);

    /**
     * Decodes a stored attribute; never called with {@code null} (a missing attribute leaves the
     * field's default).
     *
     * @param value the stored attribute, never null
     * @return the field's value
     * @throws RuntimeException if the attribute cannot be decoded; it is reported as a
     *     {@link MappingException} naming the table, key and attribute
     */
    T decode(AttributeValue value);
}
