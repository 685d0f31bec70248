package io.dynamapper.engine.internal.mapping;

import io.dynamapper.Attribute;
import io.dynamapper.AttributeCodec;
import io.dynamapper.Codec;
import io.dynamapper.HashKey;
import io.dynamapper.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.HashSet;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Entity types holding every supported type, as a mutable class and as a record with the same names. */
final class Fixtures {
    private Fixtures() {
    }

    enum Color { RED, GREEN, BLUE }

    /** A nested mutable class that refers to itself. */
    static class Address {
        String street;
        String city;
        Integer zip;
        Set<String> tags = new HashSet<>();
        Address next;
    }

    /** A nested record. */
    record Point(int x, int y, Optional<String> label) {
    }

    /** A codec for a JDK type that is not mapped natively. */
    static final class CurrencyCodec implements AttributeCodec<Currency> {
        @Override
        public AttributeValue encode(Currency value) {
            return AttributeValue.fromS(value.getCurrencyCode());
        }

        @Override
        public Currency decode(AttributeValue value) {
            return Currency.getInstance(value.s());
        }
    }

    /** Every supported type. Set and Optional fields start empty: null is
     * stored as no attribute and reads as an empty set or Optional. */
    @Table("all_types")
    static class AllTypes {
        @HashKey String id;
        boolean bool;
        Boolean boolBox;
        byte b;
        Byte bBox;
        short s;
        Short sBox;
        int i;
        Integer iBox;
        long l;
        Long lBox;
        float f;
        Float fBox;
        double d;
        Double dBox;
        char c;
        Character cBox;
        BigDecimal decimal;
        BigInteger bigInt;
        String text;
        String empty;
        byte[] bytes;
        SdkBytes sdkBytes;
        ByteBuffer buffer;
        Color color;
        UUID uuid;
        Instant instant;
        LocalDate date;
        LocalDateTime localDateTime;
        LocalTime localTime;
        OffsetDateTime offset;
        ZonedDateTime zoned;
        Duration duration;
        Set<String> strings = new HashSet<>();
        Set<Integer> ints = new HashSet<>();
        Set<Long> longs = new HashSet<>();
        Set<Double> doubles = new HashSet<>();
        Set<BigDecimal> decimals = new HashSet<>();
        Set<BigInteger> bigInts = new HashSet<>();
        Set<byte[]> byteSet = new HashSet<>();
        Set<SdkBytes> sdkBytesSet = new HashSet<>();
        Set<ByteBuffer> bufferSet = new HashSet<>();
        Set<Color> colors = new HashSet<>();
        Set<UUID> uuids = new HashSet<>();
        Set<Instant> instants = new HashSet<>();
        SortedSet<String> sorted = new TreeSet<>();
        List<String> list;
        List<Integer> listWithNull;
        List<List<Map<String, Set<Integer>>>> deep;
        Map<String, Integer> map;
        Map<String, Map<String, List<Color>>> deepMap;
        Address address;
        List<Address> addresses;
        Map<String, Point> points;
        Optional<String> optional = Optional.empty();
        Optional<Integer> optionalEmpty = Optional.empty();
        Optional<Address> optionalAddress = Optional.empty();
        Optional<Set<String>> optionalSet = Optional.empty();
        List<Set<String>> listOfSets;
        Map<String, Set<Integer>> mapOfSets;
        List<Optional<String>> listOfOptionals;
        @Codec(CurrencyCodec.class) Currency currency;
        @Attribute("renamed") String renamedField;
    }

    @Table("all_types")
    record AllTypesRecord(
            @HashKey String id,
            boolean bool,
            Boolean boolBox,
            byte b,
            Byte bBox,
            short s,
            Short sBox,
            int i,
            Integer iBox,
            long l,
            Long lBox,
            float f,
            Float fBox,
            double d,
            Double dBox,
            char c,
            Character cBox,
            BigDecimal decimal,
            BigInteger bigInt,
            String text,
            String empty,
            byte[] bytes,
            SdkBytes sdkBytes,
            ByteBuffer buffer,
            Color color,
            UUID uuid,
            Instant instant,
            LocalDate date,
            LocalDateTime localDateTime,
            LocalTime localTime,
            OffsetDateTime offset,
            ZonedDateTime zoned,
            Duration duration,
            Set<String> strings,
            Set<Integer> ints,
            Set<Long> longs,
            Set<Double> doubles,
            Set<BigDecimal> decimals,
            Set<BigInteger> bigInts,
            Set<byte[]> byteSet,
            Set<SdkBytes> sdkBytesSet,
            Set<ByteBuffer> bufferSet,
            Set<Color> colors,
            Set<UUID> uuids,
            Set<Instant> instants,
            SortedSet<String> sorted,
            List<String> list,
            List<Integer> listWithNull,
            List<List<Map<String, Set<Integer>>>> deep,
            Map<String, Integer> map,
            Map<String, Map<String, List<Color>>> deepMap,
            Address address,
            List<Address> addresses,
            Map<String, Point> points,
            Optional<String> optional,
            Optional<Integer> optionalEmpty,
            Optional<Address> optionalAddress,
            Optional<Set<String>> optionalSet,
            List<Set<String>> listOfSets,
            Map<String, Set<Integer>> mapOfSets,
            List<Optional<String>> listOfOptionals,
            @Codec(CurrencyCodec.class) Currency currency,
            @Attribute("renamed") String renamedField) {
    }

    /** The record with the same values as a mutable instance (components and fields share names and order). */
    static AllTypesRecord toRecord(AllTypes source) {
        try {
            var components = AllTypesRecord.class.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                var field = AllTypes.class.getDeclaredField(components[i].getName());
                field.setAccessible(true);
                args[i] = field.get(source);
                types[i] = components[i].getType();
            }
            var constructor = AllTypesRecord.class.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
