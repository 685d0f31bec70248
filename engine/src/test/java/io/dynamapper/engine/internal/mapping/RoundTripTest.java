package io.dynamapper.engine.internal.mapping;

import static io.dynamapper.engine.internal.mapping.Deep.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.HashKey;
import io.dynamapper.Ignore;
import io.dynamapper.MappingException;
import io.dynamapper.Table;
import io.dynamapper.engine.internal.mapping.Fixtures.Address;
import io.dynamapper.engine.internal.mapping.Fixtures.AllTypes;
import io.dynamapper.engine.internal.mapping.Fixtures.AllTypesRecord;
import io.dynamapper.engine.internal.mapping.Fixtures.Color;
import io.dynamapper.engine.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * Every mapped type, saved to the in-memory DynamoDB with PutItem of {@code toItem} and read back with a
 * consistent GetItem and {@code fromItem}: the result must be deeply equal to what was saved, for
 * a mutable class and for a record.
 */
class RoundTripTest {
    private static final long SEED = 20_260_525L;
    private final DynamoDbClient ddb = TestDynamoDb.client();

    @BeforeEach
    @AfterEach
    void clean() {
        TestDynamoDb.deleteAllTables();
    }

    /** Creates the entity's table (hash key only) with the raw SDK, independent of TableManager. */
    static void createTable(DynamoDbClient ddb, EntityModel<?> model) {
        PropertyModel hash = model.hashKey();
        ddb.createTable(b -> b.tableName(model.tableName()).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName(hash.attributeName()).keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName(hash.attributeName())
                        .attributeType(EntityModel.keyType(hash)).build()));
    }

    static <T> T saveAndLoad(DynamoDbClient ddb, EntityModel<T> model, T entity) {
        Map<String, AttributeValue> item = model.toItem(entity);
        ddb.putItem(b -> b.tableName(model.tableName()).item(item));
        Map<String, AttributeValue> stored = ddb.getItem(b -> b.tableName(model.tableName()).consistentRead(true)
                .key(model.keys().keyOf(entity))).item();
        assertTrue(stored != null && !stored.isEmpty(), "item not found");
        return model.fromItem(stored);
    }

    private <T> T roundTrip(Class<T> type, T entity) {
        EntityModel<T> model = EntityModel.of(type);
        if (!ddb.listTables().tableNames().contains(model.tableName())) {
            createTable(ddb, model);
        }
        return saveAndLoad(ddb, model, entity);
    }

    @Test
    void randomMutableInstancesRoundTripExactly() {
        RandomValues random = new RandomValues(SEED);
        for (int n = 0; n < 150; n++) {
            AllTypes original = random.allTypes("m" + n);
            AllTypes back = roundTrip(AllTypes.class, original);
            String difference = Deep.difference("", original, back);
            assertNull(difference, "instance " + n + " of seed " + SEED + ": " + difference);
        }
    }

    @Test
    void randomRecordsRoundTripExactly() {
        RandomValues random = new RandomValues(SEED + 1);
        for (int n = 0; n < 150; n++) {
            AllTypesRecord original = Fixtures.toRecord(random.allTypes("r" + n));
            AllTypesRecord back = roundTrip(AllTypesRecord.class, original);
            String difference = Deep.difference("", original, back);
            assertNull(difference, "record " + n + " of seed " + SEED + ": " + difference);
        }
    }

    @Test
    void deepEqualityNoticesDifferences() {
        // the property tests above can fail: the comparison sees a change anywhere, arrays included
        AllTypes a = new RandomValues(1).allTypes("x");
        AllTypes b = new RandomValues(1).allTypes("x");
        assertNull(Deep.difference("", a, b));
        b.bytes = new byte[] {1, 2, 3};
        a.bytes = new byte[] {1, 2, 4};
        assertNotNull(Deep.difference("", a, b));
        a.bytes = b.bytes.clone();
        a.decimal = new BigDecimal("1.5");
        b.decimal = new BigDecimal("1.50");
        assertNotNull(Deep.difference("", a, b), "scale counts");
        assertNotNull(Deep.difference("", Fixtures.toRecord(a), Fixtures.toRecord(b)));
    }

    @Test
    void extremeValuesRoundTrip() {
        AllTypes t = new AllTypes();
        t.id = "extremes";
        t.b = Byte.MIN_VALUE;
        t.bBox = Byte.MAX_VALUE;
        t.s = Short.MIN_VALUE;
        t.sBox = Short.MAX_VALUE;
        t.i = Integer.MIN_VALUE;
        t.iBox = Integer.MAX_VALUE;
        t.l = Long.MIN_VALUE;
        t.lBox = Long.MAX_VALUE;
        t.f = Float.MAX_VALUE;
        t.fBox = Float.MIN_VALUE;
        t.d = 1e-100;
        t.dBox = 1.0E10;
        t.decimal = new BigDecimal("12345678901234567890123456789012345678");
        t.bigInt = new BigInteger("-99999999999999999999999999999999999999");
        t.doubles = Set.of(1e-130, 9.8e125, -1e-100, 0.1, 1.0 / 3, Math.PI, 123456789.0);
        t.text = "";
        t.strings = Set.of("", "a");
        t.bytes = new byte[0];
        t.byteSet = new HashSet<>(List.of(new byte[0], new byte[] {0}));
        t.c = '\0';
        assertDeepEquals(t, roundTrip(AllTypes.class, t));
    }

    @Test
    void extremeTimesRoundTrip() {
        AllTypes t = new AllTypes();
        t.id = "times";
        t.instant = java.time.Instant.MAX;
        t.date = java.time.LocalDate.MIN;
        t.localDateTime = java.time.LocalDateTime.MAX;
        t.localTime = java.time.LocalTime.MAX;
        t.offset = java.time.OffsetDateTime.MIN;
        t.zoned = java.time.ZonedDateTime.of(java.time.LocalDateTime.MAX.minusDays(1), java.time.ZoneId.of("Asia/Tokyo"));
        t.duration = java.time.Duration.ofSeconds(Long.MIN_VALUE);
        t.instants = Set.of(java.time.Instant.EPOCH, java.time.Instant.ofEpochSecond(-1, 1));
        assertDeepEquals(t, roundTrip(AllTypes.class, t));
        t.instant = java.time.Instant.MIN;
        t.duration = java.time.Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
        t.offset = java.time.OffsetDateTime.MAX;
        t.date = java.time.LocalDate.MAX;
        t.localDateTime = java.time.LocalDateTime.MIN;
        assertDeepEquals(t, roundTrip(AllTypes.class, t));
    }

    @Test
    void emptyStringIsStoredAndDistinctFromNull() {
        AllTypes t = new AllTypes();
        t.id = "e";
        t.text = "";
        t.empty = null;
        Map<String, AttributeValue> item = EntityModel.of(AllTypes.class).toItem(t);
        assertEquals(AttributeValue.fromS(""), item.get("text"));
        assertFalse(item.containsKey("empty"));
        AllTypes back = roundTrip(AllTypes.class, t);
        assertEquals("", back.text);
        assertNull(back.empty);
    }

    @Test
    void nullsAndEmptySetsAreNeverWrittenAsAttributes() {
        AllTypes t = new AllTypes();
        t.id = "n";
        t.strings = new HashSet<>();
        t.optional = Optional.empty();
        Map<String, AttributeValue> item = EntityModel.of(AllTypes.class).toItem(t);
        // every other field is null or a primitive
        Set<String> primitives = Set.of("id", "bool", "b", "s", "i", "l", "f", "d", "c");
        assertEquals(primitives, item.keySet());
        item.values().forEach(v -> assertNull(v.nul()));
        AllTypes back = roundTrip(AllTypes.class, t);
        assertEquals(Set.of(), back.strings, "a missing set reads as an empty set");
        assertEquals(Optional.empty(), back.optional);
        assertEquals(Set.of(), back.colors);
    }

    @Test
    void emptySetsNestedInListsMapsAndOptionalsRoundTripAsEmptySets() {
        AllTypes t = new AllTypes();
        t.id = "nested-empty";
        t.listOfSets = new ArrayList<>(List.of(Set.of(), Set.of("a"), Set.of()));
        t.mapOfSets = Map.of("none", Set.of(), "one", Set.of(1));
        t.optionalSet = Optional.of(Set.of());
        t.deep = List.of(List.of(Map.of("x", Set.of())));
        Map<String, AttributeValue> item = EntityModel.of(AllTypes.class).toItem(t);
        assertEquals(AttributeValue.fromL(List.of()), item.get("listOfSets").l().get(0));
        AllTypes back = roundTrip(AllTypes.class, t);
        assertDeepEquals(t.listOfSets, back.listOfSets);
        assertDeepEquals(t.mapOfSets, back.mapOfSets);
        assertEquals(Optional.of(Set.of()), back.optionalSet);
        assertDeepEquals(t.deep, back.deep);
    }

    @Test
    void nullsInListsAndMapsRoundTrip() {
        AllTypes t = new AllTypes();
        t.id = "nulls";
        t.listWithNull = Arrays.asList(1, null, 3);
        t.map = new java.util.HashMap<>();
        t.map.put("gone", null);
        t.listOfOptionals = List.of(Optional.empty(), Optional.of("x"));
        AllTypes back = roundTrip(AllTypes.class, t);
        assertEquals(t.listWithNull, back.listWithNull);
        assertEquals(t.map, back.map);
        assertEquals(t.listOfOptionals, back.listOfOptionals);
    }

    @Test
    void setsOfEnumsUuidsAndBinaryRoundTrip() {
        AllTypes t = new AllTypes();
        t.id = "sets";
        t.colors = Set.of(Color.RED, Color.BLUE);
        t.uuids = Set.of(UUID.randomUUID(), UUID.randomUUID());
        t.sdkBytesSet = Set.of(SdkBytes.fromUtf8String("a"), SdkBytes.fromUtf8String("b"));
        t.bufferSet = Set.of(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {2, 3}));
        t.byteSet = new HashSet<>(List.of(new byte[] {1}, new byte[] {2}));
        Map<String, AttributeValue> item = EntityModel.of(AllTypes.class).toItem(t);
        assertTrue(item.get("colors").hasSs());
        assertTrue(item.get("uuids").hasSs());
        assertTrue(item.get("byteSet").hasBs());
        assertDeepEquals(t, roundTrip(AllTypes.class, t));
    }

    @Test
    void byteBufferStoresItsRemainingBytesAndKeepsItsPosition() {
        AllTypes t = new AllTypes();
        t.id = "buffer";
        t.buffer = ByteBuffer.wrap(new byte[] {9, 9, 1, 2, 3});
        t.buffer.position(2);
        Map<String, AttributeValue> item = EntityModel.of(AllTypes.class).toItem(t);
        assertEquals(SdkBytes.fromByteArray(new byte[] {1, 2, 3}), item.get("buffer").b());
        assertEquals(2, t.buffer.position(), "encoding must not consume the buffer");
        assertEquals(item, EntityModel.of(AllTypes.class).toItem(t), "encoding twice gives the same item");
        AllTypes back = roundTrip(AllTypes.class, t);
        assertEquals(t.buffer, back.buffer);
        assertEquals(0, back.buffer.position());
    }

    // ------------------------------------------------------------ numbers

    @Test
    void negativeZeroIsStoredAsZero() {
        AllTypes t = new AllTypes();
        t.id = "zero";
        t.d = -0.0;
        t.fBox = -0.0f;
        Map<String, AttributeValue> item = EntityModel.of(AllTypes.class).toItem(t);
        assertEquals("0", item.get("d").n());
        AllTypes back = roundTrip(AllTypes.class, t);
        assertEquals(0.0, back.d); // documented: DynamoDB has no negative zero
        assertEquals(Float.valueOf(0.0f), back.fBox);
    }

    @Test
    void numbersAreWrittenInTheFormDynamoDbReturns() {
        AllTypes t = new AllTypes();
        t.id = "canonical";
        t.d = 1e-100;
        t.dBox = 1.0E10;
        t.fBox = 1.0E10f;
        t.decimal = new BigDecimal("1.50");
        t.bigInt = BigInteger.TEN.pow(37);
        EntityModel<AllTypes> model = EntityModel.of(AllTypes.class);
        Map<String, AttributeValue> item = model.toItem(t);
        createTable(ddb, model);
        ddb.putItem(b -> b.tableName(model.tableName()).item(item));
        Map<String, AttributeValue> stored = ddb.getItem(b -> b.tableName(model.tableName()).consistentRead(true)
                .key(model.keys().keyOf(t))).item();
        for (String name : List.of("d", "dBox", "fBox", "decimal", "bigInt")) {
            assertEquals(stored.get(name).n(), item.get(name).n(), name);
        }
        assertEquals("10000000000", item.get("dBox").n());
        assertEquals("1.5", item.get("decimal").n());
    }

    @Test
    void bigDecimalRoundTripsByValueNotScale() {
        AllTypes t = new AllTypes();
        t.id = "scale";
        for (String text : List.of("1.50", "1.5", "100", "1E+2", "0.000", "-0.10", "123.4500")) {
            t.decimal = new BigDecimal(text);
            BigDecimal back = roundTrip(AllTypes.class, t).decimal;
            assertEquals(0, t.decimal.compareTo(back), text + " -> " + back);
            assertTrue(back.scale() >= 0 && (back.signum() == 0 || back.stripTrailingZeros().scale() == back.scale()
                    || back.stripTrailingZeros().scale() < 0), text + " -> " + back + " is canonical");
        }
        t.decimal = new BigDecimal("1.50");
        assertEquals(new BigDecimal("1.5"), roundTrip(AllTypes.class, t).decimal);
        t.decimal = new BigDecimal("1E+2");
        assertEquals(new BigDecimal("100"), roundTrip(AllTypes.class, t).decimal);
    }

    @Test
    void numbersDynamoDbCannotStoreAreMappingExceptionsNamingTheField() {
        EntityModel<AllTypes> model = EntityModel.of(AllTypes.class);
        AllTypes t = new AllTypes();
        t.id = "bad";
        t.d = Double.MAX_VALUE;
        assertMessage(assertThrows(MappingException.class, () -> model.toItem(t)), "AllTypes.d", "too large");
        t.d = Double.MIN_VALUE;
        assertMessage(assertThrows(MappingException.class, () -> model.toItem(t)), "AllTypes.d", "too small");
        t.d = Double.NaN;
        assertMessage(assertThrows(MappingException.class, () -> model.toItem(t)), "AllTypes.d", "finite");
        t.d = 0;
        t.decimal = new BigDecimal("1.00000000000000000000000000000000000001");
        assertMessage(assertThrows(MappingException.class, () -> model.toItem(t)), "AllTypes.decimal", "38");
        t.decimal = null;
        t.bigInt = BigInteger.TWO.pow(130);
        assertMessage(assertThrows(MappingException.class, () -> model.toItem(t)), "AllTypes.bigInt", "38");
        t.bigInt = null;
        t.doubles = Set.of(Double.POSITIVE_INFINITY);
        assertMessage(assertThrows(MappingException.class, () -> model.toItem(t)), "AllTypes.doubles", "finite");
        t.doubles = null;
        t.addresses = List.of();
        t.points = Map.of("p", new Fixtures.Point(1, 2, Optional.empty()));
        t.deepMap = Map.of("a", Map.of());
        t.decimals = Set.of(new BigDecimal("1E+126"));
        assertMessage(assertThrows(MappingException.class, () -> model.toItem(t)), "AllTypes.decimals", "too large");
    }

    @Test
    void setElementsDynamoDbWouldSeeAsDuplicatesAreRejected() {
        EntityModel<AllTypes> model = EntityModel.of(AllTypes.class);
        AllTypes t = new AllTypes();
        t.id = "dup";
        t.decimals = Set.of(new BigDecimal("1.5"), new BigDecimal("1.50"));
        assertMessage(assertThrows(MappingException.class, () -> model.toItem(t)), "AllTypes.decimals", "1.5",
                "1.50", "duplicates");
        t.decimals = null;
        t.doubles = Set.of(0.0, -0.0);
        assertMessage(assertThrows(MappingException.class, () -> model.toItem(t)), "AllTypes.doubles", "duplicates");
        t.doubles = null;
        t.byteSet = new HashSet<>(List.of(new byte[] {1}, new byte[] {1}));
        assertMessage(assertThrows(MappingException.class, () -> model.toItem(t)), "AllTypes.byteSet", "duplicates");
        t.byteSet = null;
        t.strings = new HashSet<>(Arrays.asList("a", null));
        assertMessage(assertThrows(MappingException.class, () -> model.toItem(t)), "AllTypes.strings", "null");
    }

    @Test
    void mapKeysMustBeNonEmpty() {
        AllTypes t = new AllTypes();
        t.id = "keys";
        t.map = Map.of("", 1);
        assertMessage(assertThrows(MappingException.class, () -> EntityModel.of(AllTypes.class).toItem(t)),
                "AllTypes.map", "empty key");
        t.map = new java.util.HashMap<>();
        t.map.put(null, 1);
        assertMessage(assertThrows(MappingException.class, () -> EntityModel.of(AllTypes.class).toItem(t)),
                "AllTypes.map", "null key");
    }

    // ------------------------------------------------------------ records, inheritance, ignore

    @Table("ignoring")
    record Ignoring(@HashKey String id, @Ignore String cache, @Ignore int hits, Optional<String> nick) {
    }

    @Test
    void ignoredRecordComponentsAreNotStoredAndReadAsZero() {
        Ignoring r = new Ignoring("a", "cached", 5, Optional.of("nick"));
        assertEquals(Set.of("id", "nick"), EntityModel.of(Ignoring.class).toItem(r).keySet());
        assertEquals(new Ignoring("a", null, 0, Optional.of("nick")), roundTrip(Ignoring.class, r));
        assertEquals(new Ignoring("b", null, 0, Optional.empty()),
                roundTrip(Ignoring.class, new Ignoring("b", "x", 1, Optional.empty())));
    }

    static class Base {
        @HashKey String id;
        long created;
        @Ignore String scratch = "base";
        transient String temp;
    }

    @Table("derived")
    static class Derived extends Base {
        String name;
        Address address;
    }

    @Test
    void superclassFieldsAreMappedFirst() {
        EntityModel<Derived> model = EntityModel.of(Derived.class);
        assertEquals(List.of("id", "created", "name", "address"),
                model.properties().stream().map(PropertyModel::fieldName).toList());
        Derived d = new Derived();
        d.id = "d";
        d.created = 42;
        d.name = "n";
        d.scratch = "changed";
        d.temp = "t";
        d.address = new Address();
        d.address.city = "Lyon";
        Derived back = roundTrip(Derived.class, d);
        assertEquals("d", back.id);
        assertEquals(42, back.created);
        assertEquals("n", back.name);
        assertEquals("Lyon", back.address.city);
        assertEquals("base", back.scratch, "an ignored field keeps its initializer");
        assertNull(back.temp);
    }

    @Test
    void selfReferencingTypesRoundTrip() {
        AllTypes t = new AllTypes();
        t.id = "chain";
        t.address = new Address();
        Address a = t.address;
        for (int i = 0; i < 20; i++) {
            a.city = "c" + i;
            a.tags = Set.of("t" + i);
            a.next = new Address();
            a = a.next;
        }
        a.tags = Set.of();
        assertDeepEquals(t, roundTrip(AllTypes.class, t));
    }

    @Table("indexed")
    static class Indexed {
        @HashKey String id;
        @io.dynamapper.IndexHashKey("by_email") String email;
        @io.dynamapper.IndexHashKey("by_avatar") byte[] avatar;
    }

    @Test
    void emptyIndexKeysAreRejectedButMissingOnesAreFine() {
        EntityModel<Indexed> model = EntityModel.of(Indexed.class);
        Indexed i = new Indexed();
        i.id = "a";
        assertEquals(Set.of("id"), model.toItem(i).keySet(), "null index keys: not in the index");
        i.email = "";
        assertMessage(assertThrows(io.dynamapper.DynamapperException.class, () -> model.toItem(i)),
                "Indexed.email", "empty string");
        i.email = "x@y";
        i.avatar = new byte[0];
        assertMessage(assertThrows(io.dynamapper.DynamapperException.class, () -> model.toItem(i)),
                "Indexed.avatar", "empty binary");
        Indexed noKey = new Indexed();
        noKey.id = "";
        assertMessage(assertThrows(io.dynamapper.DynamapperException.class, () -> model.toItem(noKey)),
                "Indexed.id", "empty string");
        noKey.id = null;
        assertMessage(assertThrows(io.dynamapper.DynamapperException.class, () -> model.toItem(noKey)),
                "Indexed.id", "is null");
    }

    static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing in: " + e.getMessage());
        }
    }
}
