package io.dynamapper.engine.internal.mapping;

import io.dynamapper.engine.internal.mapping.Fixtures.Address;
import io.dynamapper.engine.internal.mapping.Fixtures.AllTypes;
import io.dynamapper.engine.internal.mapping.Fixtures.Color;
import io.dynamapper.engine.internal.mapping.Fixtures.Point;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Random values of every mapped type, from a seeded {@link Random}: reproducible. Values are in the
 * domain that round-trips exactly (see docs/type-mapping.md): doubles within DynamoDB's magnitude
 * and not -0.0, BigDecimals in canonical scale, strings without lone surrogates.
 */
final class RandomValues {
    private static final long MIN_SECOND = LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long MAX_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
    private static final List<String> ZONES = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));

    final Random random;

    RandomValues(long seed) {
        this.random = new Random(seed);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T orNull(Supplier<T> value) {
        return chance(15) ? null : value.get();
    }

    String string() {
        int length = random.nextInt(4) == 0 ? 0 : random.nextInt(20);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            int cp;
            if (kind < 6) {
                cp = 0x20 + random.nextInt(0x5f);
            } else if (kind < 8) {
                cp = random.nextInt(0xD800); // BMP below the surrogates, control characters included
            } else if (kind < 9) {
                cp = 0xE000 + random.nextInt(0x10000 - 0xE000);
            } else {
                cp = 0x10000 + random.nextInt(0x10FFFF - 0x10000);
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    char character() {
        int c = random.nextInt(0xD800 + (0x10000 - 0xE000));
        return (char) (c < 0xD800 ? c : c + (0xE000 - 0xD800));
    }

    double finiteDouble() {
        while (true) {
            double d = switch (random.nextInt(4)) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextGaussian() * 1e6;
                case 2 -> (double) random.nextInt();
                default -> random.nextDouble();
            };
            double abs = Math.abs(d);
            if (Double.isFinite(d) && !isNegativeZero(d) && (abs == 0 || (abs >= 1e-130 && abs < 9.9e125))) {
                return d;
            }
        }
    }

    float finiteFloat() {
        while (true) {
            float f = random.nextBoolean() ? Float.intBitsToFloat(random.nextInt()) : (float) (random.nextGaussian() * 1e3);
            if (Float.isFinite(f) && Float.floatToRawIntBits(f) != Float.floatToRawIntBits(-0.0f)) {
                return f;
            }
        }
    }

    static boolean isNegativeZero(double d) {
        return Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0);
    }

    /** A BigDecimal with up to 38 significant digits, in the scale a read returns. */
    BigDecimal decimal() {
        BigInteger unscaled = new BigInteger(random.nextInt(120) + 1, random);
        if (random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        BigDecimal d = new BigDecimal(unscaled, random.nextInt(60) - 20).round(new java.math.MathContext(38));
        return ScalarCodecs.BigDecimalCodec.normalize(d);
    }

    BigInteger bigInteger() {
        BigInteger b = new BigInteger(random.nextInt(126) + 1, random); // at most 38 digits
        return random.nextBoolean() ? b.negate() : b;
    }

    byte[] bytes() {
        byte[] b = new byte[random.nextInt(12)];
        random.nextBytes(b);
        return b;
    }

    Instant instant() {
        return Instant.ofEpochSecond(MIN_SECOND + (long) (random.nextDouble() * (MAX_SECOND - MIN_SECOND)),
                random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
    }

    ZoneOffset offset() {
        int seconds = switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> (random.nextInt(37) - 18) * 3600; // whole hours
            default -> random.nextInt(2 * 64800 + 1) - 64800; // any offset, seconds included
        };
        return ZoneOffset.ofTotalSeconds(seconds);
    }

    ZoneId zone() {
        return switch (random.nextInt(4)) {
            case 0 -> offset();
            case 1 -> ZoneId.of("UTC");
            default -> ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
        };
    }

    OffsetDateTime offsetDateTime() {
        return OffsetDateTime.ofInstant(instant(), offset());
    }

    ZonedDateTime zonedDateTime() {
        return ZonedDateTime.ofInstant(instant(), zone());
    }

    Duration duration() {
        return Duration.ofSeconds((long) (random.nextGaussian() * 1e12), random.nextInt(1_000_000_000));
    }

    <T> Set<T> set(Supplier<T> element) {
        Set<T> set = new HashSet<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            set.add(element.get());
        }
        return set;
    }

    <T> List<T> list(Supplier<T> element) {
        List<T> list = new ArrayList<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            list.add(element.get());
        }
        return list;
    }

    <T> Map<String, T> map(Supplier<T> value) {
        Map<String, T> map = new HashMap<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            map.put("k" + string(), value.get()); // DynamoDB map keys are non-empty
        }
        return map;
    }

    Color color() {
        return Color.values()[random.nextInt(3)];
    }

    Address address(int depth) {
        Address a = new Address();
        a.street = orNull(this::string);
        a.city = orNull(this::string);
        a.zip = orNull(random::nextInt);
        a.tags = set(this::string); // a missing set reads as an empty one
        a.next = depth > 0 && chance(50) ? address(depth - 1) : null;
        return a;
    }

    /** A fully random instance; null for about one in seven nullable values. */
    AllTypes allTypes(String id) {
        AllTypes t = new AllTypes();
        t.id = id;
        t.bool = random.nextBoolean();
        t.boolBox = orNull(random::nextBoolean);
        t.b = (byte) random.nextInt();
        t.bBox = orNull(() -> (byte) random.nextInt());
        t.s = (short) random.nextInt();
        t.sBox = orNull(() -> (short) random.nextInt());
        t.i = random.nextInt();
        t.iBox = orNull(random::nextInt);
        t.l = random.nextLong();
        t.lBox = orNull(random::nextLong);
        t.f = finiteFloat();
        t.fBox = orNull(this::finiteFloat);
        t.d = finiteDouble();
        t.dBox = orNull(this::finiteDouble);
        t.c = character();
        t.cBox = orNull(this::character);
        t.decimal = orNull(this::decimal);
        t.bigInt = orNull(this::bigInteger);
        t.text = orNull(this::string);
        t.empty = chance(50) ? "" : null;
        t.bytes = orNull(this::bytes);
        t.sdkBytes = orNull(() -> SdkBytes.fromByteArray(bytes()));
        t.buffer = orNull(() -> ByteBuffer.wrap(bytes()));
        t.color = orNull(this::color);
        t.uuid = orNull(() -> new UUID(random.nextLong(), random.nextLong()));
        t.instant = orNull(this::instant);
        t.date = orNull(() -> LocalDateTime.ofInstant(instant(), ZoneOffset.UTC).toLocalDate());
        t.localDateTime = orNull(() -> LocalDateTime.ofInstant(instant(), ZoneOffset.UTC));
        t.localTime = orNull(() -> LocalTime.ofNanoOfDay((long) (random.nextDouble() * 86_400_000_000_000L)));
        t.offset = orNull(this::offsetDateTime);
        t.zoned = orNull(this::zonedDateTime);
        t.duration = orNull(this::duration);
        t.strings = set(this::string);
        t.ints = set(random::nextInt);
        t.longs = set(random::nextLong);
        t.doubles = set(this::finiteDouble);
        t.decimals = set(this::decimal);
        t.bigInts = set(this::bigInteger);
        t.byteSet = new HashSet<>();
        Set<String> distinct = new HashSet<>();
        for (byte[] b : list(this::bytes)) {
            if (distinct.add(java.util.HexFormat.of().formatHex(b))) {
                t.byteSet.add(b);
            }
        }
        t.sdkBytesSet = set(() -> SdkBytes.fromByteArray(bytes()));
        t.bufferSet = set(() -> ByteBuffer.wrap(bytes()));
        t.colors = set(this::color);
        t.uuids = set(() -> new UUID(random.nextLong(), random.nextLong()));
        t.instants = set(this::instant);
        t.sorted = new TreeSet<>(set(this::string));
        t.list = orNull(() -> list(this::string));
        t.listWithNull = orNull(() -> list(() -> orNull(random::nextInt)));
        t.deep = orNull(() -> list(() -> list(() -> map(() -> set(random::nextInt)))));
        t.map = orNull(() -> map(() -> orNull(random::nextInt)));
        t.deepMap = orNull(() -> map(() -> map(() -> list(this::color))));
        t.address = orNull(() -> address(3));
        t.addresses = orNull(() -> list(() -> address(1)));
        t.points = orNull(() -> map(() -> new Point(random.nextInt(), random.nextInt(),
                chance(50) ? Optional.empty() : Optional.of(string()))));
        t.optional = chance(50) ? Optional.empty() : Optional.of(string());
        t.optionalEmpty = chance(50) ? Optional.empty() : Optional.of(random.nextInt());
        t.optionalAddress = chance(50) ? Optional.empty() : Optional.of(address(1));
        t.optionalSet = chance(50) ? Optional.empty() : Optional.of(set(this::string));
        t.listOfSets = orNull(() -> list(() -> set(this::string)));
        t.mapOfSets = orNull(() -> map(() -> set(random::nextInt)));
        t.listOfOptionals = orNull(() -> list(() -> chance(30) ? Optional.empty() : Optional.of(string())));
        t.currency = orNull(() -> Currency.getInstance(List.of("EUR", "USD", "JPY", "CHF").get(random.nextInt(4))));
        t.renamedField = orNull(this::string);
        return t;
    }
}
