package io.dynamapper.engine.internal.read;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Placeholders of one request's expressions: {@code #f0, #f1...} for attribute names and
 * {@code :v0, :v1...} for values. The key condition and the filter of a request share one instance,
 * so their placeholders never collide; an attribute name used twice gets one placeholder. Every
 * attribute name goes through a placeholder, so DynamoDB reserved words need no special care.
 * Not thread-safe; used while one request is compiled.
 */
final class Expressions {
    private final Map<String, String> namesByPlaceholder = new LinkedHashMap<>();
    private final Map<String, String> placeholdersByName = new HashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    /** The placeholder of one attribute name (one path segment). */
    String name(String attributeName) {
        return placeholdersByName.computeIfAbsent(attributeName, n -> {
            String placeholder = "#f" + namesByPlaceholder.size();
            namesByPlaceholder.put(placeholder, n);
            return placeholder;
        });
    }

    /** The document path of attribute names, e.g. {@code #f0.#f1} for {@code address.city}. */
    String path(List<String> attributeNames) {
        return attributeNames.stream().map(this::name).collect(Collectors.joining("."));
    }

    /** A new value placeholder for an encoded value. */
    String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    /** {@code ExpressionAttributeNames}, or null when none were used (DynamoDB rejects an empty map). */
    Map<String, String> names() {
        return namesByPlaceholder.isEmpty() ? null : Map.copyOf(namesByPlaceholder);
    }

    /** {@code ExpressionAttributeValues}, or null when none were used (DynamoDB rejects an empty map). */
    Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : Map.copyOf(values);
    }
}
