package io.dynamapper.engine.internal.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Codecs of the scalar types DynamoDB stores as S, N, B and BOOL. */
final class ScalarCodecs {
    private ScalarCodecs() {
    }

    /** The codec of a non-generic scalar class, or empty if the class is not a known scalar. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Optional<ValueCodec> forClass(Class<?> type) {
        ValueCodec known = KNOWN.get(type);
        if (known == null && (type == UUID.class || type.getPackageName().equals("java.time"))) {
            known = Texts.KNOWN.get(type);
        }
        if (known != null) {
            return Optional.of(known);
        }
        if (type.isEnum()) {
            return Optional.of(new EnumCodec((Class<? extends Enum>) type));
        }
        return Optional.empty();
    }

    private static final Map<Class<?>, ValueCodec> KNOWN = Map.ofEntries(
            Map.entry(boolean.class, new BooleanCodec()),
            Map.entry(Boolean.class, new BooleanCodec()),
            Map.entry(byte.class, new IntegralCodec(Byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE)),
            Map.entry(Byte.class, new IntegralCodec(Byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE)),
            Map.entry(short.class, new IntegralCodec(Short.class, Short.MIN_VALUE, Short.MAX_VALUE)),
            Map.entry(Short.class, new IntegralCodec(Short.class, Short.MIN_VALUE, Short.MAX_VALUE)),
            Map.entry(int.class, new IntegralCodec(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE)),
            Map.entry(Integer.class, new IntegralCodec(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE)),
            Map.entry(long.class, new IntegralCodec(Long.class, Long.MIN_VALUE, Long.MAX_VALUE)),
            Map.entry(Long.class, new IntegralCodec(Long.class, Long.MIN_VALUE, Long.MAX_VALUE)),
            Map.entry(float.class, new FloatingCodec(Float.class)),
            Map.entry(Float.class, new FloatingCodec(Float.class)),
            Map.entry(double.class, new FloatingCodec(Double.class)),
            Map.entry(Double.class, new FloatingCodec(Double.class)),
            Map.entry(BigInteger.class, new BigIntegerCodec()),
            Map.entry(BigDecimal.class, new BigDecimalCodec()),
            Map.entry(String.class, new StringCodec()),
            Map.entry(char.class, new CharCodec()),
            Map.entry(Character.class, new CharCodec()),
            Map.entry(byte[].class, new ByteArrayCodec()),
            Map.entry(SdkBytes.class, new SdkBytesCodec()),
            Map.entry(ByteBuffer.class, new ByteBufferCodec()),
            Map.entry(AttributeValue.class, new RawCodec()));

    /**
     * The codecs of UUID and java.time types, in a class of their own: built, with
     * their method references, only when an entity has such a field (a fresh JVM pays a few
     * milliseconds for them).
     */
    private static final class Texts {
        private static final Map<Class<?>, ValueCodec> KNOWN = Map.ofEntries(
            Map.entry(UUID.class, new TextCodec<>(UUID.class, UUID::toString, UUID::fromString)),
            Map.entry(Instant.class, new TextCodec<>(Instant.class, Times::formatInstant, Instant::parse)),
            Map.entry(LocalDate.class, new TextCodec<>(LocalDate.class, LocalDate::toString, LocalDate::parse)),
            Map.entry(LocalDateTime.class, new TextCodec<>(LocalDateTime.class, Times::formatLocalDateTime, LocalDateTime::parse)),
            Map.entry(LocalTime.class, new TextCodec<>(LocalTime.class, Times::formatLocalTime, LocalTime::parse)),
            Map.entry(OffsetDateTime.class, new TextCodec<>(OffsetDateTime.class, Times::formatOffset, Times::parseOffset)),
            Map.entry(ZonedDateTime.class, new TextCodec<>(ZonedDateTime.class, Times::formatZoned, Times::parseZoned)),
            Map.entry(Duration.class, new DurationCodec()));
    }

    /** A codec that stores epoch seconds, for {@code @Ttl} fields of type {@code Instant}. */
    static ValueCodec epochSecondsInstant() {
        return new EpochSecondsCodec();
    }

    static IllegalArgumentException notConvertible(Object value, Class<?> type) {
        return new IllegalArgumentException("value " + value + " (" + value.getClass().getSimpleName()
                + ") cannot be a " + type.getSimpleName());
    }

    private static String number(AttributeValue value) {
        if (value.n() == null) {
            throw DecodeException.typeMismatch("N", value);
        }
        return value.n();
    }

    private static String string(AttributeValue value) {
        if (value.s() == null) {
            throw DecodeException.typeMismatch("S", value);
        }
        return value.s();
    }

    private static SdkBytes binary(AttributeValue value) {
        if (value.b() == null) {
            throw DecodeException.typeMismatch("B", value);
        }
        return value.b();
    }

    /** The largest magnitude DynamoDB stores: 9.9999999999999999999999999999999999999E+125. */
    private static final int MAX_EXPONENT = 125;
    /** The smallest non-zero magnitude DynamoDB stores: 1E-130. */
    private static final int MIN_EXPONENT = -130;
    /** DynamoDB stores at most 38 significant digits. */
    private static final int MAX_DIGITS = 38;

    /**
     * The canonical DynamoDB form of a number: no exponent, no trailing zeros after the point, "0"
     * for zero (also for negative zero) -- the form DynamoDB itself returns, so that what is written
     * compares equal to what is read back and equal numbers have equal strings (sets).
     *
     * @throws IllegalArgumentException if DynamoDB cannot store the number: more than 38 significant
     *     digits, or a magnitude above 9.99..E+125 or below 1E-130
     */
    static String canonical(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.precision() > MAX_DIGITS) {
            throw new IllegalArgumentException("number " + value + " has " + stripped.precision()
                    + " significant digits; DynamoDB stores at most " + MAX_DIGITS);
        }
        long exponent = (long) stripped.precision() - stripped.scale() - 1;
        if (exponent > MAX_EXPONENT) {
            throw new IllegalArgumentException("number " + value + " is too large for DynamoDB, whose numbers go up to "
                    + "9.9999999999999999999999999999999999999E+125 in magnitude");
        }
        if (exponent < MIN_EXPONENT) {
            throw new IllegalArgumentException("number " + value + " is too small for DynamoDB, whose smallest "
                    + "non-zero magnitude is 1E-130; round it to zero first if that is what you mean");
        }
        return stripped.toPlainString();
    }

    /** Numbers given by callers, exactly as BigDecimal; anything else is not a number. */
    static BigDecimal exact(Object value, Class<?> target) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("value " + value + " is not a finite number; DynamoDB cannot store it");
            }
            return value instanceof Float ? new BigDecimal(value.toString()) : BigDecimal.valueOf(d);
        }
        throw notConvertible(value, target);
    }

    /** A scalar codec: its DynamoDB type, its key type if it can be a key, and whether its values are immutable. */
    abstract static class Scalar implements ValueCodec {
        private final String dynamoType;
        private final Optional<ScalarAttributeType> keyType;
        private final boolean immutable;

        Scalar(String dynamoType, ScalarAttributeType keyType, boolean immutable) {
            this.dynamoType = dynamoType;
            this.keyType = Optional.ofNullable(keyType);
            this.immutable = immutable;
        }

        @Override
        public final String dynamoType() {
            return dynamoType;
        }

        @Override
        public final boolean immutable() {
            return immutable;
        }

        @Override
        public final Optional<ScalarAttributeType> keyType() {
            return keyType;
        }
    }

    static final class BooleanCodec extends Scalar {
        BooleanCodec() {
            super("BOOL", null, true);
        }

        @Override
        public AttributeValue encode(Object value) {
            return AttributeValue.fromBool((Boolean) value);
        }

        @Override
        public Object decode(AttributeValue value) {
            if (value.bool() == null) {
                throw DecodeException.typeMismatch("BOOL", value);
            }
            return value.bool();
        }

        @Override
        public Object convert(Object value) {
            if (value instanceof Boolean) {
                return value;
            }
            throw notConvertible(value, Boolean.class);
        }
    }

    /** byte, short, int and long, checked for range on read and on conversion. */
    static final class IntegralCodec extends Scalar {
        private final Class<?> box;
        private final long min;
        private final long max;

        IntegralCodec(Class<?> box, long min, long max) {
            super("N", ScalarAttributeType.N, true);
            this.box = box;
            this.min = min;
            this.max = max;
        }

        @Override
        public AttributeValue encode(Object value) {
            return AttributeValue.fromN(value.toString());
        }

        @Override
        public Object decode(AttributeValue value) {
            String text = number(value);
            long parsed;
            try {
                parsed = Long.parseLong(text);
            } catch (NumberFormatException notPlain) {
                try {
                    parsed = new BigDecimal(text).longValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new DecodeException("number " + text + " does not fit " + box.getSimpleName());
                }
            }
            if (parsed < min || parsed > max) {
                throw new DecodeException("number " + text + " does not fit " + box.getSimpleName());
            }
            return box(parsed);
        }

        private Object box(long v) {
            if (box == Long.class) {
                return v;
            } else if (box == Integer.class) {
                return (int) v;
            } else if (box == Short.class) {
                return (short) v;
            }
            return (byte) v;
        }

        @Override
        public Object convert(Object value) {
            if (box.isInstance(value)) {
                return value;
            }
            BigDecimal exact = exact(value, box);
            try {
                long v = exact.longValueExact();
                if (v >= min && v <= max) {
                    return box(v);
                }
            } catch (ArithmeticException e) {
                // fall through: a fraction or out of range
            }
            throw new IllegalArgumentException("value " + value + " does not fit " + box.getSimpleName());
        }
    }

    static final class FloatingCodec extends Scalar {
        private final Class<?> box;

        FloatingCodec(Class<?> box) {
            super("N", ScalarAttributeType.N, true);
            this.box = box;
        }

        @Override
        public AttributeValue encode(Object value) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("value " + value + " is not a finite number; DynamoDB cannot store NaN or infinity");
            }
            // Float.toString/Double.toString give the shortest decimal that parses back to the same value
            BigDecimal exact = value instanceof Float ? new BigDecimal(value.toString()) : BigDecimal.valueOf(d);
            return AttributeValue.fromN(canonical(exact));
        }

        @Override
        public Object decode(AttributeValue value) {
            String text = number(value);
            try {
                return box == Float.class ? (Object) Float.parseFloat(text) : (Object) Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new DecodeException("number " + text + " is not a " + box.getSimpleName());
            }
        }

        /** DynamoDB has no negative zero: 0.0 and -0.0 are the same stored number. */
        @Override
        public boolean same(Object snapshot, Object value) {
            return ((Number) snapshot).doubleValue() == ((Number) value).doubleValue();
        }

        @Override
        public Object convert(Object value) {
            if (box.isInstance(value)) {
                return value;
            }
            BigDecimal exact = exact(value, box);
            return box == Float.class ? (Object) exact.floatValue() : (Object) exact.doubleValue();
        }
    }

    static final class BigIntegerCodec extends Scalar {
        BigIntegerCodec() {
            super("N", ScalarAttributeType.N, true);
        }

        @Override
        public AttributeValue encode(Object value) {
            return AttributeValue.fromN(canonical(new BigDecimal((BigInteger) value)));
        }

        @Override
        public Object decode(AttributeValue value) {
            String text = number(value);
            try {
                return new BigDecimal(text).toBigIntegerExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new DecodeException("number " + text + " is not an integer");
            }
        }

        @Override
        public Object convert(Object value) {
            if (value instanceof BigInteger) {
                return value;
            }
            try {
                return exact(value, BigInteger.class).toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("value " + value + " is not an integer");
            }
        }
    }

    /**
     * A BigDecimal, stored as its canonical number. DynamoDB keeps the value, not the scale: 1.50 is
     * stored as 1.5. Reads return the value with the smallest scale of at least 0 that holds it
     * (1.5, 100, 0), whatever text the store returns; a value round-trips equal by
     * {@code compareTo}, and by {@code equals} when it already has that scale.
     */
    static final class BigDecimalCodec extends Scalar {
        BigDecimalCodec() {
            super("N", ScalarAttributeType.N, true);
        }

        @Override
        public AttributeValue encode(Object value) {
            return AttributeValue.fromN(canonical((BigDecimal) value));
        }

        @Override
        public Object decode(AttributeValue value) {
            String text = number(value);
            try {
                return normalize(new BigDecimal(text));
            } catch (NumberFormatException e) {
                throw new DecodeException("number " + text + " is not a decimal");
            }
        }

        /** DynamoDB keeps the value, not the scale: 1.5 and 1.50 are the same stored number. */
        @Override
        public boolean same(Object snapshot, Object value) {
            return ((BigDecimal) snapshot).compareTo((BigDecimal) value) == 0;
        }

        @Override
        public Object convert(Object value) {
            return exact(value, BigDecimal.class);
        }

        static BigDecimal normalize(BigDecimal value) {
            if (value.signum() == 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal stripped = value.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }

    static final class StringCodec extends Scalar {
        StringCodec() {
            super("S", ScalarAttributeType.S, true);
        }

        @Override
        public AttributeValue encode(Object value) {
            return AttributeValue.fromS((String) value);
        }

        @Override
        public Object decode(AttributeValue value) {
            return string(value);
        }

        @Override
        public Object convert(Object value) {
            if (value instanceof String) {
                return value;
            }
            if (value instanceof CharSequence || value instanceof Character) {
                return value.toString();
            }
            throw notConvertible(value, String.class);
        }
    }

    static final class CharCodec extends Scalar {
        CharCodec() {
            super("S", ScalarAttributeType.S, true);
        }

        @Override
        public AttributeValue encode(Object value) {
            return AttributeValue.fromS(value.toString());
        }

        @Override
        public Object decode(AttributeValue value) {
            String text = string(value);
            if (text.length() != 1) {
                throw new DecodeException("string \"" + text + "\" is not one character");
            }
            return text.charAt(0);
        }
    }

    /** Types with a string form: UUID and the java.time types. */
    static final class TextCodec<T> extends Scalar {
        private final Class<T> type;
        private final Function<T, String> format;
        private final Function<String, T> parse;

        TextCodec(Class<T> type, Function<T, String> format, Function<String, T> parse) {
            super("S", ScalarAttributeType.S, true);
            this.type = type;
            this.format = format;
            this.parse = parse;
        }

        @Override
        public AttributeValue encode(Object value) {
            return AttributeValue.fromS(format.apply(type.cast(value)));
        }

        @Override
        public Object decode(AttributeValue value) {
            String text = string(value);
            try {
                return parse.apply(text);
            } catch (java.time.DateTimeException | IllegalArgumentException e) {
                throw new DecodeException("string \"" + text + "\" is not a " + type.getSimpleName());
            }
        }

        @Override
        public Object convert(Object value) {
            if (type.isInstance(value)) {
                return value;
            }
            throw notConvertible(value, type);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class EnumCodec extends Scalar {
        private final Class<? extends Enum> type;

        EnumCodec(Class<? extends Enum> type) {
            super("S", ScalarAttributeType.S, true);
            this.type = type;
        }

        @Override
        public AttributeValue encode(Object value) {
            return AttributeValue.fromS(((Enum<?>) value).name());
        }

        @Override
        public Object decode(AttributeValue value) {
            String text = string(value);
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                throw new DecodeException("\"" + text + "\" is not a constant of enum " + type.getName()
                        + " " + Arrays.toString(type.getEnumConstants()));
            }
        }

        @Override
        public Object convert(Object value) {
            if (type.isInstance(value)) {
                return value;
            }
            throw notConvertible(value, type);
        }
    }

    static final class ByteArrayCodec extends Scalar {
        ByteArrayCodec() {
            super("B", ScalarAttributeType.B, false);
        }

        @Override
        public AttributeValue encode(Object value) {
            return AttributeValue.fromB(SdkBytes.fromByteArray((byte[]) value));
        }

        @Override
        public Object decode(AttributeValue value) {
            return binary(value).asByteArray();
        }

        @Override
        public Object snapshot(Object value) {
            return ((byte[]) value).clone();
        }

        @Override
        public boolean same(Object snapshot, Object value) {
            return Arrays.equals((byte[]) snapshot, (byte[]) value);
        }

        @Override
        public Object restore(Object snapshot) {
            return ((byte[]) snapshot).clone();
        }

        @Override
        public Object convert(Object value) {
            if (value instanceof byte[]) {
                return value;
            }
            if (value instanceof SdkBytes bytes) {
                return bytes.asByteArray();
            }
            throw notConvertible(value, byte[].class);
        }
    }

    static final class SdkBytesCodec extends Scalar {
        SdkBytesCodec() {
            super("B", ScalarAttributeType.B, true);
        }

        @Override
        public AttributeValue encode(Object value) {
            return AttributeValue.fromB((SdkBytes) value);
        }

        @Override
        public Object decode(AttributeValue value) {
            return binary(value);
        }

        @Override
        public Object convert(Object value) {
            if (value instanceof SdkBytes) {
                return value;
            }
            if (value instanceof byte[] bytes) {
                return SdkBytes.fromByteArray(bytes);
            }
            throw notConvertible(value, SdkBytes.class);
        }
    }

    static final class ByteBufferCodec extends Scalar {
        ByteBufferCodec() {
            super("B", ScalarAttributeType.B, false);
        }

        @Override
        public AttributeValue encode(Object value) {
            return AttributeValue.fromB(SdkBytes.fromByteBuffer((ByteBuffer) value));
        }

        @Override
        public Object decode(AttributeValue value) {
            return ByteBuffer.wrap(binary(value).asByteArray());
        }

        /** The remaining bytes, which is what is stored. */
        @Override
        public Object snapshot(Object value) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }

        @Override
        public boolean same(Object snapshot, Object value) {
            return ByteBuffer.wrap((byte[]) snapshot).equals(value);
        }

        @Override
        public Object restore(Object snapshot) {
            return ByteBuffer.wrap(((byte[]) snapshot).clone());
        }
    }

    /** A Duration as a number of seconds with up to nine decimals: exact, and sorts by length. */
    static final class DurationCodec extends Scalar {
        DurationCodec() {
            super("N", ScalarAttributeType.N, true);
        }

        @Override
        public AttributeValue encode(Object value) {
            Duration d = (Duration) value;
            BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
            return AttributeValue.fromN(seconds.stripTrailingZeros().toPlainString());
        }

        @Override
        public Object decode(AttributeValue value) {
            String text = number(value);
            try {
                BigDecimal seconds = new BigDecimal(text);
                BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
                long nanos = seconds.subtract(whole).movePointRight(9).longValueExact();
                return Duration.ofSeconds(whole.longValueExact(), nanos);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new DecodeException("number " + text + " is not a Duration in seconds");
            }
        }
    }

    /** An Instant as epoch seconds, as DynamoDB's time to live reads it. Sub-second precision is dropped. */
    static final class EpochSecondsCodec extends Scalar {
        EpochSecondsCodec() {
            super("N", ScalarAttributeType.N, true);
        }

        @Override
        public AttributeValue encode(Object value) {
            return AttributeValue.fromN(Long.toString(((Instant) value).getEpochSecond()));
        }

        @Override
        public Object decode(AttributeValue value) {
            String text = number(value);
            try {
                return Instant.ofEpochSecond(new BigDecimal(text).longValue());
            } catch (NumberFormatException e) {
                throw new DecodeException("number " + text + " is not epoch seconds");
            }
        }
    }

    /** An AttributeValue field is stored as it is. */
    static final class RawCodec extends Scalar {
        RawCodec() {
            super("any", null, true);
        }

        @Override
        public AttributeValue encode(Object value) {
            return (AttributeValue) value;
        }

        @Override
        public Object decode(AttributeValue value) {
            return value;
        }
    }

    /** Fixed-width ISO-8601 forms, so that stored strings sort in time order. */
    static final class Times {
        /** UTC, always 9 fraction digits; covers Instant.MIN to Instant.MAX (4-digit years sort correctly). */
        private static final DateTimeFormatter INSTANT =
                new java.time.format.DateTimeFormatterBuilder().appendInstant(9).toFormatter();
        private static final DateTimeFormatter LOCAL_DATE_TIME =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS");
        private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS");

        private Times() {
        }

        static String formatInstant(Instant instant) {
            return INSTANT.format(instant);
        }

        static String formatLocalDateTime(LocalDateTime value) {
            return LOCAL_DATE_TIME.format(value);
        }

        static String formatLocalTime(LocalTime value) {
            return LOCAL_TIME.format(value);
        }

        /** The UTC instant (so strings sort in time order) and the offset in brackets (RFC 9557). */
        static String formatOffset(OffsetDateTime value) {
            return INSTANT.format(value.toInstant()) + "[" + value.getOffset().getId() + "]";
        }

        static OffsetDateTime parseOffset(String text) {
            int bracket = text.indexOf('[');
            if (bracket < 0 || !text.endsWith("]")) {
                return OffsetDateTime.parse(text);
            }
            Instant instant = Instant.parse(text.substring(0, bracket));
            return OffsetDateTime.ofInstant(instant, ZoneOffset.of(text.substring(bracket + 1, text.length() - 1)));
        }

        /** The UTC instant and the zone (an offset or a region such as Europe/Paris) in brackets (RFC 9557). */
        static String formatZoned(ZonedDateTime value) {
            return INSTANT.format(value.toInstant()) + "[" + value.getZone().getId() + "]";
        }

        static ZonedDateTime parseZoned(String text) {
            int bracket = text.indexOf('[');
            if (bracket < 0 || !text.endsWith("]")) {
                return ZonedDateTime.parse(text);
            }
            Instant instant = Instant.parse(text.substring(0, bracket));
            try {
                return ZonedDateTime.ofInstant(instant, ZoneId.of(text.substring(bracket + 1, text.length() - 1)));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
