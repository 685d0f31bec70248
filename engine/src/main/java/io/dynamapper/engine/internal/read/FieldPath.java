package io.dynamapper.engine.internal.read;

import io.dynamapper.DynamapperException;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import java.util.List;
import java.util.Objects;

/**
 * A field named in a filter, resolved against an entity model: the DynamoDB attribute names along
 * the path and the property at its end, whose codec converts the filter's values.
 *
 * @param field the Java path as the caller wrote it, e.g. {@code "name"} or {@code "address.city"}
 * @param attributeNames the attribute name of each path segment
 * @param property the property at the end of the path
 */
record FieldPath(String field, List<String> attributeNames, PropertyModel property) {
    /** Validates the components. */
    FieldPath {
        Objects.requireNonNull(field, "field == null");
        attributeNames = List.copyOf(attributeNames);
        Objects.requireNonNull(property, "property == null");
    }

    /**
     * Resolves a Java field name (or dotted path of nested fields) of the model.
     *
     * @throws DynamapperException if the entity has no such persisted field, naming the entity and
     *     its fields
     */
    static FieldPath resolve(EntityModel<?> model, String field) {
        if (field == null || field.isEmpty()) {
            throw new DynamapperException("Filter on " + model.type().getSimpleName()
                    + " names no field (" + (field == null ? "null" : "an empty string") + "); known fields: "
                    + knownFields(model));
        }
        int dot = field.indexOf('.');
        if (dot < 0) {
            PropertyModel property = model.property(field).orElseThrow(() -> unknown(model, field));
            return new FieldPath(field, List.of(property.attributeName()), property);
        }
        return resolveNested(model, field, dot);
    }

    /*
     * Nested paths need the nested class's properties, which the mapping package keeps to itself for
     * now. When EntityModel.resolvePath(String) lands, this becomes: call it and map its segments.
     */
    private static FieldPath resolveNested(EntityModel<?> model, String field, int dot) {
        String head = field.substring(0, dot);
        PropertyModel first = model.property(head).orElseThrow(() -> unknown(model, field));
        throw new DynamapperException("Filter on nested path '" + field + "' of " + model.type().getSimpleName()
                + ": filters on fields inside nested objects (here inside " + first.describe() + ", attribute '"
                + first.attributeName() + "') are not supported yet; filter on a top-level field: "
                + knownFields(model));
    }

    private static DynamapperException unknown(EntityModel<?> model, String field) {
        return new DynamapperException(model.type().getSimpleName() + " has no persisted field '" + field
                + "' to filter on; known fields: " + knownFields(model)
                + " (use Java field names, not @Attribute names)");
    }

    static String knownFields(EntityModel<?> model) {
        return model.properties().stream().map(PropertyModel::fieldName).toList().toString();
    }
}
