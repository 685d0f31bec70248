package io.dynamapper.engine.internal.mapping;

import io.dynamapper.DynamapperException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a Java field path such as {@code "address.city"} is stored: the attribute names from the
 * item's top level down, and the codec of the value found there. Built by
 * {@link EntityModel#resolvePath(String)} for filters and conditions on nested attributes.
 *
 * <p>Each element of {@link #attributeNames()} is one document-path step; an expression names
 * each with its own placeholder ({@code #a.#b}), so names with dots or reserved words are safe.
 *
 * @param attributeNames the attribute name of each step: a field's attribute name (after
 *     {@code @Attribute}) or, inside a {@code Map<String, T>} field, the map key itself
 * @param leafCodec the codec of the value at the end of the path; an {@code Optional} is unwrapped,
 *     so it converts and encodes plain values
 * @param leafProperty the field at the end of the path; empty when the path ends in a map key
 * @param describe the path for messages, e.g. {@code "Customer.address.city (String)"}
 */
public record AttributePath(List<String> attributeNames, ValueCodec leafCodec, Optional<PropertyModel> leafProperty,
                            String describe) {
    /** Validates the components and copies the names. */
    public AttributePath {
        attributeNames = List.copyOf(attributeNames);
        if (attributeNames.isEmpty()) {
            throw new IllegalArgumentException("an attribute path has at least one name");
        }
        Objects.requireNonNull(leafCodec, "leafCodec == null");
        Objects.requireNonNull(leafProperty, "leafProperty == null");
        Objects.requireNonNull(describe, "describe == null");
    }

    /** Whether the path is a single top-level attribute. */
    public boolean isTopLevel() {
        return attributeNames.size() == 1;
    }

    /**
     * Converts a caller's value (a filter operand) to the leaf's type, as {@link
     * EntityModel#convertValue} does for a field, and encodes it.
     *
     * @throws IllegalArgumentException if the value is null, cannot be the leaf's type, or encodes to
     *     nothing (an empty set)
     */
    public AttributeValue encode(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("A value compared with " + describe + " must not be null; "
                    + "test for a missing attribute with Filter.notExists");
        }
        Object converted;
        try {
            converted = leafCodec.convert(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot compare " + describe + " with " + value + ": " + e.getMessage(), e);
        }
        AttributeValue encoded;
        try {
            encoded = leafCodec.encode(converted);
        } catch (DynamapperException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot compare " + describe + " with " + value + ": " + e.getMessage(), e);
        }
        if (encoded == null) {
            throw new IllegalArgumentException("Cannot compare " + describe + " with " + value
                    + ": DynamoDB stores it as no attribute; test for a missing attribute with Filter.notExists");
        }
        return encoded;
    }

    @Override
    public String toString() {
        return describe;
    }
}
