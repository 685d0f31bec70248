package io.dynamapper.inmemory.internal;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A request's expression attribute names and values, used to resolve placeholders during evaluation. */
record Context(Map<String, String> names, Map<String, AttributeValue> values, String kind) {

    static Context of(Map<String, String> names, Map<String, AttributeValue> values, String kind) {
        return new Context(names == null ? Map.of() : names, values == null ? Map.of() : values, kind);
    }

    /** The attribute name a path step stands for. */
    String name(String stepName) {
        return stepName.charAt(0) == '#' ? names.get(stepName) : stepName;
    }

    AttributeValue value(String ref) {
        return values.get(ref);
    }
}
