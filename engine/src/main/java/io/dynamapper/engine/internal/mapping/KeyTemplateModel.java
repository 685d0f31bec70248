package io.dynamapper.engine.internal.mapping;

import io.dynamapper.MappingException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One key template of {@code @KeyTemplate} (or {@code @IndexTemplate}): literal text and fields,
 * composed into a string key attribute whose order is the order of the field values, and parsed
 * back. Formats are documented on {@link io.dynamapper.KeyTemplate}. Immutable and thread-safe.
 */
public final class KeyTemplateModel {
    private static final char ESCAPE = '\\';
    private static final DateTimeFormatter INSTANT_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_DATE_TIME_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS");
    private static final DateTimeFormatter LOCAL_DATE_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd");

    private final Class<?> owner;
    private final String template;
    private final String attributeName;
    /** Literal text (String) and fields (Field), in order. */
    private final List<Object> parts;
    private final List<PropertyModel> fields;
    private final String separators;
    private final PropertyModel property;

    /** A field of a template and how its values are formatted. */
    private record Field(PropertyModel property, Format format) {
    }

    private KeyTemplateModel(Class<?> owner, String template, String attributeName, List<Object> parts,
                             String separators) {
        this.owner = owner;
        this.template = template;
        this.attributeName = attributeName;
        this.parts = List.copyOf(parts);
        List<PropertyModel> fieldList = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Field f) {
                fieldList.add(f.property());
            }
        }
        this.fields = List.copyOf(fieldList);
        this.separators = separators;
        MethodHandle getter;
        try {
            getter = MethodHandles.lookup().findVirtual(KeyTemplateModel.class, "compose",
                    MethodType.methodType(String.class, Object.class)).bindTo(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        this.property = new PropertyModel(owner, template, attributeName, new TemplateCodec(), getter, -1);
    }

    /**
     * Parses a template against the persisted properties of a class.
     *
     * @param role "@KeyTemplate(hash)" and the like, for messages
     * @throws MappingException naming class, template and field if a field is unknown, cannot be
     *     formatted in value order, or two fields are not separated by a separator
     */
    static KeyTemplateModel parse(Class<?> owner, String role, String template, String attributeName,
                                  ClassShape shape) {
        String where = role + " \"" + template + "\" of " + owner.getName();
        if (template.isEmpty()) {
            throw new MappingException(where + " is empty; a key template needs literal text or {field}s");
        }
        if (attributeName.isEmpty()) {
            throw new MappingException(where + ": the key attribute name is empty");
        }
        List<Object> parts = new ArrayList<>();
        StringBuilder separators = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int closeBefore = template.indexOf('}', i);
            if (closeBefore >= 0 && (open < 0 || closeBefore < open)) {
                throw new MappingException(where + " has a '}' without '{' at position " + closeBefore);
            }
            if (open < 0) {
                parts.add(template.substring(i));
                break;
            }
            if (open > i) {
                parts.add(template.substring(i, open));
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new MappingException(where + " has a '{' without '}' at position " + open);
            }
            String name = template.substring(open + 1, close);
            PropertyModel p = shape.property(name);
            if (p == null) {
                throw new MappingException(where + " names field '" + name + "', which " + owner.getSimpleName()
                        + " does not have (or does not persist); it has "
                        + shape.properties().stream().map(PropertyModel::fieldName).toList());
            }
            Format format = Format.of(p.javaType());
            if (format == null) {
                throw new MappingException(where + ": field " + p.describe() + " is a " + p.genericType().getTypeName()
                        + ", which cannot be formatted so that string order equals value order; a template field is "
                        + "a String, UUID, enum, boolean, byte, short, int, long, float, double (or their boxes), "
                        + "Instant, LocalDateTime or LocalDate");
            }
            if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Field previous) {
                throw new MappingException(where + ": fields " + previous.property().fieldName() + " and " + name
                        + " follow each other; separate them with literal text that starts with a separator such as '#'");
            }
            parts.add(new Field(p, format));
            i = close + 1;
        }
        // the literal after a field must start with a separator, so that a value ends where it begins
        for (int k = 1; k < parts.size(); k++) {
            if (parts.get(k) instanceof String literal && parts.get(k - 1) instanceof Field) {
                checkStartsWithSeparator(where, literal);
            }
        }
        for (Object part : parts) {
            if (part instanceof String literal) {
                for (char c : literal.toCharArray()) {
                    if (!Character.isLetterOrDigit(c) && separators.indexOf(String.valueOf(c)) < 0) {
                        separators.append(c);
                    }
                }
            }
        }
        return new KeyTemplateModel(owner, template, attributeName, parts, separators.toString());
    }

    private static void checkStartsWithSeparator(String where, String literal) {
        if (Character.isLetterOrDigit(literal.charAt(0))) {
            throw new MappingException(where + ": the text '" + literal + "' after a field must start with a separator "
                    + "(a character that is not a letter or digit, such as '#'), so that the field's value ends there");
        }
    }

    /** The template text. */
    public String template() {
        return template;
    }

    /** The key attribute this template composes. */
    public String attributeName() {
        return attributeName;
    }

    /** The fields in template order. */
    public List<PropertyModel> fields() {
        return fields;
    }

    /** A (read-only) property whose value is the composed key: its codec converts field values. */
    public PropertyModel property() {
        return property;
    }

    /** The literal text before the first field (the whole template if it has no fields). */
    public String constantPrefix() {
        StringBuilder prefix = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Field) {
                break;
            }
            prefix.append((String) part);
        }
        return prefix.toString();
    }

    /**
     * The key of an entity, or null if one of its template fields is null.
     *
     * @param entity an instance of the owner class
     * @return the composed key
     */
    public String compose(Object entity) {
        StringBuilder key = new StringBuilder(template.length() + 32);
        for (Object part : parts) {
            if (part instanceof Field f) {
                Object value = f.property().read(entity);
                if (value == null) {
                    return null;
                }
                appendValue(key, f, value);
            } else {
                key.append((String) part);
            }
        }
        return key.toString();
    }

    /** The first template field of the entity whose value is null, if any. */
    public Optional<PropertyModel> nullField(Object entity) {
        for (PropertyModel p : fields) {
            if (p.read(entity) == null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Composes a key from field values given by a caller, in template order, each converted to its
     * field's type. Fewer values than fields give the prefix up to the last value given (for range
     * conditions such as {@code beginsWith}).
     *
     * @throws IllegalArgumentException if there are more values than fields, too few where a whole
     *     key is needed, or a value cannot be its field's type
     * @throws NullPointerException if a value is null
     */
    public String composeValues(List<?> values, boolean prefixAllowed) {
        if (values.size() > fields.size() || (!prefixAllowed && values.size() < fields.size())) {
            throw new IllegalArgumentException(owner.getSimpleName() + " key template \"" + template + "\" has "
                    + fields.size() + " field(s) " + fields.stream().map(PropertyModel::fieldName).toList() + ", but "
                    + values.size() + " value(s) were given: " + values + "; pass the fields' values in template order");
        }
        StringBuilder key = new StringBuilder(template.length() + 32);
        int given = 0;
        for (Object part : parts) {
            if (part instanceof Field f) {
                if (given == values.size()) {
                    return key.toString();
                }
                Object value = values.get(given++);
                if (value == null) {
                    throw new NullPointerException("value of key template field " + f.property().describe() + " == null");
                }
                Object converted;
                try {
                    converted = f.property().codec().convert(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Key template field " + f.property().describe() + " is a "
                            + f.property().javaType().getSimpleName() + ": " + e.getMessage(), e);
                }
                appendValue(key, f, converted);
            } else {
                if (given == values.size() && prefixAllowed && given < fields.size() && given > 0) {
                    return key.toString();
                }
                key.append((String) part);
            }
        }
        return key.toString();
    }

    private void appendValue(StringBuilder key, Field f, Object value) {
        String text;
        try {
            text = f.format().format(value);
        } catch (IllegalArgumentException e) {
            throw new MappingException("Key template field " + f.property().describe() + " value " + value
                    + " cannot be formatted: " + e.getMessage(), e);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE || separators.indexOf(c) >= 0) {
                key.append(ESCAPE);
            }
            key.append(c);
        }
    }

    /**
     * The field values a composed key holds, in template order, each of its field's Java type.
     *
     * @throws IllegalArgumentException if the key does not fit the template
     */
    public List<Object> parse(String key) {
        List<Object> values = new ArrayList<>(fields.size());
        int at = 0;
        for (Object part : parts) {
            if (part instanceof String literal) {
                if (!key.startsWith(literal, at)) {
                    throw new IllegalArgumentException("Key '" + key + "' does not fit template \"" + template
                            + "\" of " + owner.getSimpleName() + ": expected '" + literal + "' at position " + at);
                }
                at += literal.length();
            } else {
                Field f = (Field) part;
                StringBuilder text = new StringBuilder();
                while (at < key.length()) {
                    char c = key.charAt(at);
                    if (c == ESCAPE && at + 1 < key.length()) {
                        text.append(key.charAt(at + 1));
                        at += 2;
                    } else if (separators.indexOf(c) >= 0) {
                        break;
                    } else {
                        text.append(c);
                        at++;
                    }
                }
                try {
                    values.add(f.format().parse(text.toString(), f.property().javaType()));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("Key '" + key + "' does not fit template \"" + template
                            + "\" of " + owner.getSimpleName() + ": '" + text + "' is not a value of field "
                            + f.property().describe(), e);
                }
            }
        }
        if (at != key.length()) {
            throw new IllegalArgumentException("Key '" + key + "' does not fit template \"" + template + "\" of "
                    + owner.getSimpleName() + ": unexpected text after position " + at);
        }
        return Collections.unmodifiableList(values);
    }

    @Override
    public String toString() {
        return attributeName + " = \"" + template + "\"";
    }

    /** The codec of the composed key: a string; a caller's value is a field value or a list of them. */
    final class TemplateCodec implements ValueCodec {
        @Override
        public AttributeValue encode(Object value) {
            return AttributeValue.fromS((String) value);
        }

        @Override
        public Object decode(AttributeValue value) {
            if (value.s() == null) {
                throw DecodeException.typeMismatch("S", value);
            }
            return value.s();
        }

        @Override
        public String dynamoType() {
            return "S";
        }

        @Override
        public boolean immutable() {
            return true;
        }

        @Override
        public Optional<ScalarAttributeType> keyType() {
            return Optional.of(ScalarAttributeType.S);
        }

        /** Composes from one field value, or from a list (or array) of values in template order; a prefix if fewer. */
        @Override
        public Object convert(Object value) {
            List<?> values = value instanceof List<?> list ? list
                    : value instanceof Object[] array ? List.of(array) : List.of(value);
            return composeValues(values, true);
        }

        /** The template this codec composes. */
        KeyTemplateModel template() {
            return KeyTemplateModel.this;
        }
    }

    /** How the values of one field type are written so that string order equals value order. */
    enum Format {
        TEXT, BYTE(3, Byte.MAX_VALUE), SHORT(5, Short.MAX_VALUE), INT(10, Integer.MAX_VALUE), LONG(19, Long.MAX_VALUE),
        FLOAT, DOUBLE, INSTANT, LOCAL_DATE_TIME, LOCAL_DATE;

        private final int width;
        private final long max;

        Format() {
            this(0, 0);
        }

        Format(int width, long max) {
            this.width = width;
            this.max = max;
        }

        static Format of(Class<?> type) {
            if (type == String.class || type == UUID.class || type.isEnum() || type == boolean.class
                    || type == Boolean.class) {
                return TEXT;
            }
            if (type == byte.class || type == Byte.class) {
                return BYTE;
            }
            if (type == short.class || type == Short.class) {
                return SHORT;
            }
            if (type == int.class || type == Integer.class) {
                return INT;
            }
            if (type == long.class || type == Long.class) {
                return LONG;
            }
            if (type == float.class || type == Float.class) {
                return FLOAT;
            }
            if (type == double.class || type == Double.class) {
                return DOUBLE;
            }
            if (type == Instant.class) {
                return INSTANT;
            }
            if (type == LocalDateTime.class) {
                return LOCAL_DATE_TIME;
            }
            return type == LocalDate.class ? LOCAL_DATE : null;
        }

        String format(Object value) {
            return switch (this) {
                case TEXT -> value instanceof Enum<?> e ? e.name() : value.toString();
                case BYTE, SHORT, INT, LONG -> integral(((Number) value).longValue());
                case FLOAT -> {
                    int bits = Float.floatToIntBits((Float) value);
                    bits ^= bits < 0 ? -1 : Integer.MIN_VALUE;
                    yield pad(Integer.toHexString(bits), 8);
                }
                case DOUBLE -> {
                    long bits = Double.doubleToLongBits((Double) value);
                    bits ^= bits < 0 ? -1L : Long.MIN_VALUE;
                    yield pad(Long.toHexString(bits), 16);
                }
                case INSTANT -> {
                    Instant instant = (Instant) value;
                    checkYear(instant.atOffset(ZoneOffset.UTC).getYear());
                    yield INSTANT_TEXT.format(instant);
                }
                case LOCAL_DATE_TIME -> {
                    checkYear(((LocalDateTime) value).getYear());
                    yield LOCAL_DATE_TIME_TEXT.format((LocalDateTime) value);
                }
                case LOCAL_DATE -> {
                    checkYear(((LocalDate) value).getYear());
                    yield LOCAL_DATE_TEXT.format((LocalDate) value);
                }
            };
        }

        private static void checkYear(int year) {
            if (year < 0 || year > 9999) {
                throw new IllegalArgumentException("year " + year + " is outside 0..9999, where the ISO text sorts "
                        + "in time order");
            }
        }

        private String integral(long v) {
            return v >= 0 ? pad(Long.toString(v), width) : "-" + pad(Long.toString(max + 1 + v), width);
        }

        private static String pad(String digits, int width) {
            return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
        }

        Object parse(String text, Class<?> type) {
            return switch (this) {
                case TEXT -> {
                    if (type == String.class) {
                        yield text;
                    }
                    if (type == UUID.class) {
                        yield UUID.fromString(text);
                    }
                    if (type == boolean.class || type == Boolean.class) {
                        if (!text.equals("true") && !text.equals("false")) {
                            throw new IllegalArgumentException("not true or false");
                        }
                        yield Boolean.valueOf(text);
                    }
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    Object constant = Enum.valueOf((Class) type, text);
                    yield constant;
                }
                case BYTE, SHORT, INT, LONG -> {
                    long v = text.startsWith("-") ? Long.parseLong(text.substring(1)) - max - 1 : Long.parseLong(text);
                    yield switch (this) {
                        case BYTE -> (byte) v;
                        case SHORT -> (short) v;
                        case INT -> (int) v;
                        default -> v;
                    };
                }
                case FLOAT -> {
                    int bits = Integer.parseUnsignedInt(text, 16);
                    bits ^= bits < 0 ? Integer.MIN_VALUE : -1;
                    yield Float.intBitsToFloat(bits);
                }
                case DOUBLE -> {
                    long bits = Long.parseUnsignedLong(text, 16);
                    bits ^= bits < 0 ? Long.MIN_VALUE : -1L;
                    yield Double.longBitsToDouble(bits);
                }
                case INSTANT -> parseTime(() -> Instant.from(INSTANT_TEXT.parse(text)));
                case LOCAL_DATE_TIME -> parseTime(() -> LocalDateTime.parse(text, LOCAL_DATE_TIME_TEXT));
                case LOCAL_DATE -> parseTime(() -> LocalDate.parse(text, LOCAL_DATE_TEXT));
            };
        }

        private static Object parseTime(java.util.function.Supplier<Object> parser) {
            try {
                return parser.get();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }
}
