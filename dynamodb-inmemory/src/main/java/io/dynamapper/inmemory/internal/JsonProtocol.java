package io.dynamapper.inmemory.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * DynamoDB's JSON 1.0 protocol for any SDK model object, driven by the model's own metadata
 * ({@link SdkPojo#sdkFields()}: member names, marshalling types, list and map member fields): one generic
 * translation serves every request and response of every operation. Timestamps are epoch seconds,
 * binaries base64, absent collections are left out; only payload members are read and written.
 */
public final class JsonProtocol {
    /**
     * Requests are read with Jackson's streaming parser into {@link JsonNode} trees built by hand
     * ({@link #readTree}), not with an {@code ObjectMapper}: creating the first mapper costs a fresh
     * JVM some 150 ms of class loading (data binding, dates, locales), paid by the first request of
     * every test run against the HTTP endpoint.
     */
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonProtocol() {
    }

    /** Thrown for a body that is not JSON or does not fit the model; DynamoDB's SerializationException. */
    public static final class SerializationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SerializationException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads a JSON document into the builder of a model object (an empty body is an empty object).
     *
     * @throws SerializationException if the body is not a JSON object or a member has the wrong type
     */
    public static SdkPojo read(byte[] body, SdkPojo builder) {
        JsonNode root;
        try {
            root = body.length == 0 ? NODES.objectNode() : readTree(body);
        } catch (IOException e) {
            throw new SerializationException("Start of structure or map found where not expected", e);
        }
        if (root == null || !root.isObject()) {
            throw new SerializationException("Start of structure or map found where not expected", null);
        }
        readInto(root, builder);
        return builder;
    }

    /**
     * The first JSON value of {@code body} as a tree, as {@code ObjectMapper.readTree} reads it with its
     * default settings: integers as int, long or BigInteger nodes by size, other numbers as doubles, a
     * repeated member name keeps its last value, anything after the first value is ignored.
     *
     * @return the tree, or null if the body holds no value
     * @throws IOException if the body is not JSON
     */
    static JsonNode readTree(byte[] body) throws IOException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : node(parser, first);
        }
    }

    private static JsonNode node(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, node(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(node(parser, t));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return NODES.numberNode(parser.getIntValue());
                    case LONG:
                        return NODES.numberNode(parser.getLongValue());
                    default:
                        return NODES.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(parser, "Unexpected token " + token);
        }
    }

    /** Builds the object a builder stands for. */
    public static Object build(SdkPojo builder) {
        return ((SdkBuilder<?, ?>) builder).build();
    }

    private static void readInto(JsonNode object, SdkPojo builder) {
        for (SdkField<?> field : builder.sdkFields()) {
            if (field.location() != MarshallLocation.PAYLOAD) {
                continue;
            }
            JsonNode value = object.get(field.locationName());
            if (value != null && !value.isNull()) {
                field.set(builder, readValue(value, field));
            }
        }
    }

    private static Object readValue(JsonNode node, SdkField<?> field) {
        MarshallingType<?> type = field.marshallingType();
        try {
            if (type == MarshallingType.STRING) {
                return text(node, field);
            } else if (type == MarshallingType.BOOLEAN) {
                require(node.isBoolean(), field);
                return node.booleanValue();
            } else if (type == MarshallingType.INTEGER) {
                require(node.isNumber(), field);
                return node.intValue();
            } else if (type == MarshallingType.LONG) {
                require(node.isNumber(), field);
                return node.longValue();
            } else if (type == MarshallingType.DOUBLE) {
                require(node.isNumber(), field);
                return node.doubleValue();
            } else if (type == MarshallingType.FLOAT) {
                require(node.isNumber(), field);
                return node.floatValue();
            } else if (type == MarshallingType.BIG_DECIMAL) {
                require(node.isNumber(), field);
                return node.decimalValue();
            } else if (type == MarshallingType.INSTANT) {
                require(node.isNumber(), field);
                BigDecimal seconds = node.decimalValue();
                return Instant.ofEpochSecond(0).plusNanos(seconds.movePointRight(9).longValue());
            } else if (type == MarshallingType.SDK_BYTES) {
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(text(node, field)));
            } else if (type == MarshallingType.SDK_POJO) {
                require(node.isObject(), field);
                SdkPojo nested = field.constructor().get();
                if (nested instanceof AttributeValue.Builder && node.size() == 1) {
                    AttributeValue value = attributeValue(node);
                    if (value != null) {
                        return value;
                    }
                }
                readInto(node, nested);
                return build(nested);
            } else if (type == MarshallingType.LIST) {
                require(node.isArray(), field);
                SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(element.isNull() ? null : readValue(element, member));
                }
                return list;
            } else if (type == MarshallingType.MAP) {
                require(node.isObject(), field);
                SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
                Map<String, Object> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    map.put(e.getKey(), e.getValue().isNull() ? null : readValue(e.getValue(), member));
                }
                return map;
            }
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Unexpected value for " + field.locationName() + ": " + e.getMessage(), e);
        }
        throw new SerializationException("Unsupported member type " + type + " of " + field.locationName(), null);
    }

    /**
     * The bulk of every request: an attribute value of one well-formed member, read without the generic
     * field dispatch; null for anything else (the generic path then reads it, or reports the error).
     */
    private static AttributeValue attributeValue(JsonNode node) {
        Map.Entry<String, JsonNode> only = node.fields().next();
        JsonNode v = only.getValue();
        switch (only.getKey()) {
            case "S":
                return v.isTextual() ? AttributeValue.fromS(v.textValue()) : null;
            case "N":
                return v.isTextual() ? AttributeValue.fromN(v.textValue()) : null;
            case "BOOL":
                return v.isBoolean() ? AttributeValue.fromBool(v.booleanValue()) : null;
            case "NULL":
                return v.isBoolean() ? AttributeValue.fromNul(v.booleanValue()) : null;
            case "M": {
                if (!v.isObject()) {
                    return null;
                }
                Map<String, AttributeValue> m = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode member = e.getValue();
                    AttributeValue a = member.isObject() && member.size() == 1 ? attributeValue(member) : null;
                    if (a == null) {
                        return null;
                    }
                    m.put(e.getKey(), a);
                }
                return AttributeValue.fromM(m);
            }
            case "L": {
                if (!v.isArray()) {
                    return null;
                }
                List<AttributeValue> l = new ArrayList<>(v.size());
                for (JsonNode member : v) {
                    AttributeValue a = member.isObject() && member.size() == 1 ? attributeValue(member) : null;
                    if (a == null) {
                        return null;
                    }
                    l.add(a);
                }
                return AttributeValue.fromL(l);
            }
            case "SS":
            case "NS": {
                if (!v.isArray()) {
                    return null;
                }
                List<String> l = new ArrayList<>(v.size());
                for (JsonNode member : v) {
                    if (!member.isTextual()) {
                        return null;
                    }
                    l.add(member.textValue());
                }
                return only.getKey().equals("SS") ? AttributeValue.fromSs(l) : AttributeValue.fromNs(l);
            }
            default:
                return null;
        }
    }

    private static String text(JsonNode node, SdkField<?> field) {
        require(node.isTextual(), field);
        return node.textValue();
    }

    private static void require(boolean ok, SdkField<?> field) {
        if (!ok) {
            throw new SerializationException("Unexpected token for member " + field.locationName(), null);
        }
    }

    /** Writes a model object as a JSON document. */
    public static byte[] write(SdkPojo pojo) {
        return write(pojo, Map.of());
    }

    /**
     * Writes a model object as a JSON document, {@code extra} members first (e.g. an error's
     * {@code __type}); a member of the model whose name equals an extra one's, ignoring case, is left out.
     */
    public static byte[] write(SdkPojo pojo, Map<String, String> extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, String> e : extra.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            if (pojo != null) {
                Set<String> skip = new HashSet<>();
                extra.keySet().forEach(k -> skip.add(k.toLowerCase(Locale.ROOT)));
                writeFields(g, pojo, skip);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeFields(JsonGenerator g, SdkPojo pojo, Set<String> skip) throws IOException {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.location() != MarshallLocation.PAYLOAD
                    || (!skip.isEmpty() && skip.contains(field.locationName().toLowerCase(Locale.ROOT)))) {
                continue;
            }
            Object value = field.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            g.writeFieldName(field.locationName());
            writeValue(g, value, field);
        }
    }

    private static void writeValue(JsonGenerator g, Object value, SdkField<?> field) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            g.writeString((String) value);
        } else if (type == MarshallingType.BOOLEAN) {
            g.writeBoolean((Boolean) value);
        } else if (type == MarshallingType.INTEGER || type == MarshallingType.LONG || type == MarshallingType.SHORT
                || type == MarshallingType.BYTE) {
            g.writeNumber(((Number) value).longValue());
        } else if (type == MarshallingType.DOUBLE || type == MarshallingType.FLOAT) {
            g.writeNumber(((Number) value).doubleValue());
        } else if (type == MarshallingType.BIG_DECIMAL) {
            g.writeNumber((BigDecimal) value);
        } else if (type == MarshallingType.INSTANT) {
            Instant i = (Instant) value;
            g.writeNumber(BigDecimal.valueOf(i.getEpochSecond()).add(BigDecimal.valueOf(i.getNano(), 9))
                    .stripTrailingZeros());
        } else if (type == MarshallingType.SDK_BYTES) {
            g.writeString(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe()));
        } else if (type == MarshallingType.SDK_POJO) {
            g.writeStartObject();
            if (value instanceof AttributeValue a) {
                writeAttributeValue(g, a);
            } else {
                writeFields(g, (SdkPojo) value, Set.of());
            }
            g.writeEndObject();
        } else if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            g.writeStartArray();
            for (Object element : (List<?>) value) {
                writeValue(g, element, member);
            }
            g.writeEndArray();
        } else if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                g.writeFieldName((String) e.getKey());
                writeValue(g, e.getValue(), member);
            }
            g.writeEndObject();
        } else {
            throw new IllegalStateException("unsupported member type " + type + " of " + field.locationName());
        }
    }

    /**
     * The members of an attribute value, as {@link #writeFields} writes them (the SDK's order, unset ones
     * left out) but through its getters: most of a response is attribute values.
     */
    private static void writeAttributeValue(JsonGenerator g, AttributeValue a) throws IOException {
        if (a.s() != null) {
            g.writeStringField("S", a.s());
        }
        if (a.n() != null) {
            g.writeStringField("N", a.n());
        }
        if (a.b() != null) {
            g.writeStringField("B", Base64.getEncoder().encodeToString(a.b().asByteArrayUnsafe()));
        }
        if (a.hasSs()) {
            writeStrings(g, "SS", a.ss());
        }
        if (a.hasNs()) {
            writeStrings(g, "NS", a.ns());
        }
        if (a.hasBs()) {
            g.writeArrayFieldStart("BS");
            for (SdkBytes b : a.bs()) {
                if (b == null) {
                    g.writeNull();
                } else {
                    g.writeString(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
                }
            }
            g.writeEndArray();
        }
        if (a.hasM()) {
            g.writeObjectFieldStart("M");
            for (Map.Entry<String, AttributeValue> e : a.m().entrySet()) {
                g.writeFieldName(e.getKey());
                writeNested(g, e.getValue());
            }
            g.writeEndObject();
        }
        if (a.hasL()) {
            g.writeArrayFieldStart("L");
            for (AttributeValue e : a.l()) {
                writeNested(g, e);
            }
            g.writeEndArray();
        }
        if (a.bool() != null) {
            g.writeBooleanField("BOOL", a.bool());
        }
        if (a.nul() != null) {
            g.writeBooleanField("NULL", a.nul());
        }
    }

    private static void writeNested(JsonGenerator g, AttributeValue a) throws IOException {
        if (a == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        writeAttributeValue(g, a);
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            if (v == null) {
                g.writeNull();
            } else {
                g.writeString(v);
            }
        }
        g.writeEndArray();
    }
}
