package io.dynamapper.engine.internal.mapping;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stored attribute does not fit a field. Thrown by codecs without context; the entity model adds
 * the table, key and attribute and rethrows it as a {@link io.dynamapper.MappingException}.
 */
public final class DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private String path;
    private String field;

    DecodeException(String message) {
        super(message, null, false, false);
    }

    /** Records that the failure happened in {@code property}, innermost first. */
    DecodeException at(PropertyModel property) {
        path = join(property.attributeName());
        if (field == null) {
            field = property.describe() + " (" + property.genericType().getTypeName().replace("java.lang.", "").replace("java.util.", "") + ")";
        }
        return this;
    }

    /** Records that the failure happened in element {@code i} of a list. */
    DecodeException atIndex(int i) {
        path = "[" + i + "]" + (path == null ? "" : path.startsWith("[") ? path : "." + path);
        return this;
    }

    /** Records that the failure happened in the value of {@code key} in a map. */
    DecodeException atKey(String key) {
        path = join(key);
        return this;
    }

    private String join(String outer) {
        if (path == null) {
            return outer;
        }
        return outer + (path.startsWith("[") ? path : "." + path);
    }

    /** The attribute path from the item's top level, e.g. "address.city". */
    public String path() {
        return path;
    }

    /** The innermost field, e.g. "Address.city (String)". */
    public String field() {
        return field;
    }

    /** The attribute is of another DynamoDB type than the codec reads. */
    static DecodeException typeMismatch(String expected, AttributeValue found) {
        return new DecodeException("expected DynamoDB type " + expected + ", found " + typeOf(found)
                + " " + abbreviate(found));
    }

    /** The DynamoDB type name of a value: S, N, B, BOOL, NULL, SS, NS, BS, L, M. */
    public static String typeOf(AttributeValue value) {
        return switch (value.type()) {
            case S -> "S";
            case N -> "N";
            case B -> "B";
            case BOOL -> "BOOL";
            case NUL -> "NULL";
            case SS -> "SS";
            case NS -> "NS";
            case BS -> "BS";
            case L -> "L";
            case M -> "M";
            default -> "unknown";
        };
    }

    static String abbreviate(AttributeValue value) {
        String text = switch (value.type()) {
            case S -> "\"" + value.s() + "\"";
            case N -> value.n();
            default -> value.toString();
        };
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
