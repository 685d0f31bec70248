package io.dynamapper.engine.internal.reliability;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Seeded random values in the domain DynamoDB stores exactly (docs/type-mapping.md): numbers of at
 * most 38 significant digits within 1E-130..9.99E+125 and no negative zero, strings without lone
 * surrogates, non-empty map keys, set elements that are distinct once stored.
 */
final class Generator {
    private static final List<String> ZONES = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    private static final long YEAR_1 = LocalDate.of(1, 1, 1).toEpochDay() * 86_400L;
    private static final long YEAR_9999 = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400L;

    final Random random;

    Generator(long seed) {
        random = new Random(seed);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    <T> T orNull(Supplier<T> value) {
        return chance(15) ? null : value.get();
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Empty, ASCII, BMP, supplementary characters. */
    String string() {
        int length = chance(20) ? 0 : random.nextInt(24);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            int cp;
            if (kind < 5) {
                cp = 0x20 + random.nextInt(0x5f);
            } else if (kind < 8) {
                cp = 0xA0 + random.nextInt(0xD800 - 0xA0);
            } else if (kind < 9) {
                cp = 0xE000 + random.nextInt(0xFFFE - 0xE000);
            } else {
                cp = 0x10000 + random.nextInt(0x10FFFF - 0x10000);
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    String nonEmptyString() {
        String s = string();
        return s.isEmpty() ? "k" : s;
    }

    double finiteDouble() {
        while (true) {
            double d = switch (random.nextInt(4)) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextGaussian() * 1e9;
                case 2 -> random.nextInt();
                default -> random.nextDouble();
            };
            double abs = Math.abs(d);
            if (Double.isFinite(d) && Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(-0.0)
                    && (abs == 0 || (abs >= 1e-130 && abs < 9.9e125))) {
                return d;
            }
        }
    }

    float finiteFloat() {
        while (true) {
            float f = random.nextBoolean() ? Float.intBitsToFloat(random.nextInt()) : (float) (random.nextGaussian() * 1e4);
            if (Float.isFinite(f) && Float.floatToRawIntBits(f) != Float.floatToRawIntBits(-0.0f)) {
                return f;
            }
        }
    }

    BigDecimal decimal() {
        BigInteger unscaled = new BigInteger(1 + random.nextInt(125), random);
        if (random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        return new BigDecimal(unscaled, random.nextInt(70) - 30).round(new MathContext(38));
    }

    BigInteger bigInteger() {
        BigInteger b = new BigInteger(1 + random.nextInt(125), random); // below 10^38
        return random.nextBoolean() ? b.negate() : b;
    }

    byte[] bytes() {
        byte[] b = new byte[random.nextInt(16)];
        random.nextBytes(b);
        return b;
    }

    byte[] nonEmptyBytes() {
        byte[] b = new byte[1 + random.nextInt(16)];
        random.nextBytes(b);
        return b;
    }

    Instant instant() {
        long second = chance(80) ? 0 + (long) (random.nextDouble() * 4_102_444_800L) // 1970..2100
                : YEAR_1 + (long) (random.nextDouble() * (YEAR_9999 - YEAR_1));
        return Instant.ofEpochSecond(second, chance(25) ? 0 : random.nextInt(1_000_000_000));
    }

    ZoneOffset offset() {
        return switch (random.nextInt(3)) {
            case 0 -> ZoneOffset.UTC;
            case 1 -> ZoneOffset.ofHours(random.nextInt(37) - 18);
            default -> ZoneOffset.ofTotalSeconds(random.nextInt(2 * 64_800 + 1) - 64_800);
        };
    }

    ZoneId zone() {
        return chance(25) ? offset() : ZoneId.of(pick(ZONES));
    }

    LocalDate localDate() {
        return LocalDate.ofEpochDay(Math.floorDiv(instant().getEpochSecond(), 86_400L));
    }

    LocalDateTime localDateTime() {
        return LocalDateTime.ofInstant(instant(), ZoneOffset.UTC);
    }

    OffsetDateTime offsetDateTime() {
        return OffsetDateTime.ofInstant(instant(), offset());
    }

    ZonedDateTime zonedDateTime() {
        return ZonedDateTime.ofInstant(instant(), zone());
    }

    Duration duration() {
        return Duration.ofSeconds((long) (random.nextGaussian() * 1e10), random.nextInt(1_000_000_000));
    }

    <T> Set<T> set(Supplier<T> element) {
        Set<T> set = new HashSet<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            set.add(element.get());
        }
        return set;
    }

    /** Byte arrays with distinct contents (Java's HashSet compares arrays by identity). */
    Set<byte[]> byteArraySet() {
        Set<byte[]> set = new HashSet<>();
        Set<String> seen = new HashSet<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            byte[] b = bytes();
            if (seen.add(java.util.Arrays.toString(b))) {
                set.add(b);
            }
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
            map.put(nonEmptyString(), value.get());
        }
        return map;
    }
}
