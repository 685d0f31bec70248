package io.dynamapper.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.DynamapperException;
import io.dynamapper.Filter;
import io.dynamapper.HashKey;
import io.dynamapper.Key;
import io.dynamapper.KeyCondition;
import io.dynamapper.MappingException;
import io.dynamapper.RangeKey;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.Table;
import io.dynamapper.TransactionTooLargeException;
import io.dynamapper.Version;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Bad input gets a clear exception naming the class, field and key before anything is written:
 * every request goes through a {@link RecordingClient}, which shows that no write was sent (and,
 * where the mistake can be known up front, no request at all). Reserved words as attribute names
 * just work. On the fake.
 */
class BadInputMatrixTest {

    /** No @Table. */
    static final class NotAnEntity {
        @HashKey String id = "x";
    }

    /** A table with a hash and a range key. */
    @Table("rel_reading")
    static final class Reading {
        @HashKey long sensor;
        @RangeKey int seq;
        double value;
        @Version Long version;
    }

    /** Numbers DynamoDB limits to 38 significant digits. */
    @Table("rel_precise")
    static final class Precise {
        @HashKey String id;
        BigDecimal amount;
        BigInteger count;
        @Version Long version;
    }

    /** Every mapped attribute name is a DynamoDB reserved word. */
    @Table("rel_reserved")
    static final class Reserved {
        @HashKey String name;
        @RangeKey int year;
        String status;
        long size;
        LocalDate date;
        Integer count;
        String comment;
        String data;
        String value;
        Set<String> group = new HashSet<>();
        Map<String, String> attributes;
        List<String> order;
        String user;
        @Version Long version;

        Reserved() {
        }

        Reserved(String name, int year, String status, long size) {
            this.name = name;
            this.year = year;
            this.status = status;
            this.size = size;
            this.date = LocalDate.of(2000 + year % 100, 1 + year % 12, 1 + year % 28);
            this.count = year * 2;
            this.comment = "c" + year;
            this.data = "d" + year;
            this.value = "v" + year;
            this.group = new HashSet<>(Set.of("g" + year % 3));
            this.attributes = Map.of("key", "k" + year);
            this.order = List.of("o" + year);
            this.user = "u" + year;
        }
    }

    /** Something a caller does wrong, what it must throw, and what the message must name. */
    enum Bad {
        UNMAPPED_CLASS_SAVE(MappingException.class, true, s -> s.save(new NotAnEntity()), "NotAnEntity", "@Table"),
        UNMAPPED_CLASS_FIND(MappingException.class, true, s -> s.find(NotAnEntity.class, "x"), "NotAnEntity", "@Table"),
        NULL_HASH_KEY_SAVE(IllegalArgumentException.class, true, s -> s.save(new Account(null, 1, "o")), "Account.id", "null"),
        NULL_HASH_KEY_FIND(NullPointerException.class, true, s -> s.find(Account.class, null), "hashKey == null"),
        NULL_RANGE_KEY_FIND(NullPointerException.class, true, s -> s.find(Reading.class, 1, null), "rangeKey == null"),
        WRONG_HASH_KEY_TYPE(IllegalArgumentException.class, true, s -> s.find(Reading.class, "one", 1), "Reading.sensor", "one"),
        FRACTION_FOR_INT_RANGE_KEY(IllegalArgumentException.class, true, s -> s.find(Reading.class, 1, 1.5), "Reading.seq", "1.5"),
        NUMBER_FOR_STRING_KEY(IllegalArgumentException.class, true, s -> s.find(Account.class, 42), "Account.id", "42"),
        RANGE_KEY_MISSING(MappingException.class, true, s -> s.find(Reading.class, 1), "Reading", "seq"),
        RANGE_KEY_MISSING_GET_ALL(IllegalArgumentException.class, true,
                s -> s.getAll(Reading.class, List.of(Key.of(1))), "Reading", "seq"),
        RANGE_KEY_EXTRA(MappingException.class, true, s -> s.find(Account.class, "a", 1), "Account", "no range key"),
        RANGE_KEY_EXTRA_GET_ALL(IllegalArgumentException.class, true,
                s -> s.getAll(Account.class, List.of(Key.of("a", 1))), "Account", "no range key"),
        EMPTY_STRING_KEY_SAVE(IllegalArgumentException.class, true, s -> s.save(new Account("", 1, "o")), "Account.id", "empty"),
        EMPTY_STRING_KEY_FIND(IllegalArgumentException.class, true, s -> s.find(Account.class, ""), "Account.id", "empty"),
        MORE_THAN_100_WRITES(TransactionTooLargeException.class, true, s -> {
            for (int i = 0; i < 101; i++) {
                s.save(new Account("n" + i, i, "o"));
            }
            s.commit();
        }, "101", "100"),
        ITEM_OVER_400_KB_PUT(DynamapperException.class, true, s -> {
            s.save(new Account("big", 1, "x".repeat(400 * 1024)));
            s.commit();
        }, "Account", "'big'", "400 KB"),
        ITEM_OVER_400_KB_UPDATE(DynamapperException.class, false, s -> {
            s.get(Account.class, "a").owner = "x".repeat(400 * 1024);
            s.commit();
        }, "Account", "'a'", "400 KB"),
        DECIMAL_OVER_38_DIGITS_PUT(MappingException.class, true, s -> {
            Precise p = new Precise();
            p.id = "p";
            p.amount = new BigDecimal("1234567890123456789012345678901234567.89"); // 39 digits
            s.save(p);
            s.commit();
        }, "Precise.amount", "38"),
        INTEGER_OVER_38_DIGITS_UPDATE(MappingException.class, false, s -> {
            s.get(Precise.class, "q").count = BigInteger.TEN.pow(38).add(BigInteger.ONE); // 39 significant digits
            s.commit();
        }, "Precise.count", "38"),
        TYPE_MISMATCH_ON_GET(MappingException.class, false, s -> s.get(Account.class, "bad"),
                "rel_account", "'bad'", "balance", "Account.balance"),
        TYPE_MISMATCH_ON_SCAN(MappingException.class, false, s -> s.scan(Account.class).list(),
                "rel_account", "'bad'", "balance", "Account.balance");

        final Class<? extends RuntimeException> type;
        /** The mistake is known before any request: not even a read may be sent. */
        final boolean noRequestAtAll;
        final SessionAction action;
        final String[] fragments;

        Bad(Class<? extends RuntimeException> type, boolean noRequestAtAll, SessionAction action, String... fragments) {
            this.type = type;
            this.noRequestAtAll = noRequestAtAll;
            this.action = action;
            this.fragments = fragments;
        }
    }

    @FunctionalInterface
    interface SessionAction {
        void run(Session s);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Backends backend : Backends.values()) {
            for (Bad bad : Bad.values()) {
                cases.add(Arguments.of(backend, bad));
            }
        }
        return cases.stream();
    }

    private static final Map<String, AttributeValue> BAD_ITEM = Map.of("id", AttributeValue.fromS("bad"),
            "balance", AttributeValue.fromS("lots"), "version", AttributeValue.fromN("1"));

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void badInputIsAClearExceptionAndNothingIsWritten(Backends backend, Bad bad) {
        DynamoDbClient raw = backend.fresh();
        Backends.createTables(raw, Account.class, Reading.class, Precise.class);
        raw.putItem(b -> b.tableName(Account.TABLE).item(Account.item("a", 100, 0, "seed", 1)));
        raw.putItem(b -> b.tableName("rel_precise").item(Map.of("id", AttributeValue.fromS("q"),
                "count", AttributeValue.fromN("1"), "version", AttributeValue.fromN("1"))));
        raw.putItem(b -> b.tableName(Account.TABLE).item(BAD_ITEM));
        List<Map<String, AttributeValue>> before = scanAll(raw);
        RecordingClient client = new RecordingClient(raw);
        SessionFactory sessions = Backends.sessions(client, 3);

        try (Session s = sessions.openSession()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> bad.action.run(s));
            assertInstanceOf(bad.type, e, () -> "exception type; message: " + e.getMessage());
            for (String fragment : bad.fragments) {
                assertTrue(e.getMessage().contains(fragment),
                        "message should name <" + fragment + ">: " + e.getMessage());
            }
            assertEquals(List.of(), client.writes(), "no write request may be sent");
            if (bad.noRequestAtAll) {
                assertEquals(List.of(), client.requests(), "the mistake is known before any request");
            }
            assertEquals(before, scanAll(raw), "nothing was written");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.class)
    void aCommitTooLargeKeepsItsChangesAndSucceedsOnceSplit(Backends backend) {
        DynamoDbClient raw = backend.fresh();
        Backends.createTables(raw, Account.class);
        RecordingClient client = new RecordingClient(raw);
        SessionFactory sessions = Backends.sessions(client, 3);
        try (Session s = sessions.openSession()) {
            List<Account> accounts = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                Account a = new Account("n" + i, i, "o");
                accounts.add(a);
                s.save(a);
            }
            assertThrows(TransactionTooLargeException.class, s::commit);
            assertTrue(s.isDirty());
            assertEquals(List.of(), client.requests());

            s.delete(accounts.get(100)); // never written: forgotten
            s.commit(); // 100 puts: the largest transaction DynamoDB takes
            List<DynamoDbRequest> writes = client.writes();
            assertEquals(1, writes.size());
            assertEquals(100, ((TransactWriteItemsRequest) writes.get(0)).transactItems().size());
            assertEquals(100, scanAll(raw).size());
            assertFalse(s.isDirty());
        }
    }

    /**
     * Around the 400 KB boundary, the engine's size check and the backend agree: whatever the engine
     * sends is stored, and whatever it refuses up front the backend refuses too. Numbers here are
     * positive (see {@link #anItemWithNegativeNumbersTheEngineSendsIsStored} for negative ones).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.class)
    void theItemSizeCheckAgreesWithTheBackendAtTheBoundary(Backends backend) {
        assertSizeCheckAgrees(backend, 1, 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.class)
    void anItemWithNegativeNumbersTheEngineSendsIsStored(Backends backend) {
        assertSizeCheckAgrees(backend, -5, 1);
    }

    /**
     * The fake accepts exactly the items DynamoDB accepts at the 400 KB limit, whatever numbers they
     * hold: for each number, the longest string that still fits next to it (measured on DynamoDB
     * Local 2.6.1, which counts number sizes as DynamoDB documents them).
     */
    @org.junit.jupiter.api.Test
    void theFakeMeasuresNumbersLikeDynamoDb() {
        DynamoDbClient fake = Backends.FAKE.fresh();
        Backends.createTables(fake, Account.class);
        Map<String, Integer> fakeLimits = new java.util.TreeMap<>();
        for (String n : List.of("0", "5", "-5", "0.001", "-12345678901234567890123456789012345678",
                "12345678901234567890123456789012345678")) {
            fakeLimits.put(n, longestOwner(fake, n));
        }
        assertEquals(new java.util.TreeMap<>(Map.of("0", 409_590, "5", 409_589, "-5", 409_588, "0.001", 409_589,
                "-12345678901234567890123456789012345678", 409_570,
                "12345678901234567890123456789012345678", 409_571)), fakeLimits);
    }

    private static int longestOwner(DynamoDbClient raw, String number) {
        int low = 409_500;
        int high = 409_600;
        while (low < high) {
            int mid = (low + high + 1) / 2;
            Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("k"),
                    "owner", AttributeValue.fromS("x".repeat(mid)), "n", AttributeValue.fromN(number));
            try {
                raw.putItem(b -> b.tableName(Account.TABLE).item(item));
                low = mid;
            } catch (DynamoDbException tooLarge) {
                high = mid - 1;
            }
        }
        return low;
    }

    private static void assertSizeCheckAgrees(Backends backend, long balance, long ops) {
        DynamoDbClient raw = backend.fresh();
        Backends.createTables(raw, Account.class);
        RecordingClient client = new RecordingClient(raw);
        SessionFactory sessions = Backends.sessions(client, 1);
        int accepted = 0;
        int refused = 0;
        for (int length = 409_600 - 48; length <= 409_600 - 16; length++) {
            String id = "k" + length;
            String owner = "x".repeat(length);
            client.clearRequests();
            try (Session s = sessions.openSession()) {
                Account account = new Account(id, balance, owner);
                account.ops = ops;
                s.save(account);
                s.commit();
                accepted++;
                assertEquals(owner, Backends.rawGet(raw, Account.TABLE, Backends.key("id", id)).get("owner").s());
            } catch (DynamapperException e) {
                int len = length;
                assertTrue(e.getMessage().contains("400 KB"), e.getMessage());
                assertEquals(List.of(), client.requests(), () -> "owner length " + len + " was sent, then rejected: "
                        + e.getMessage());
                refused++;
                assertThrows(DynamoDbException.class, () -> raw.putItem(b -> b.tableName(Account.TABLE)
                        .item(Account.item(id, balance, ops, owner, 1))),
                        () -> "the engine refused an item of owner length " + len + " that " + backend + " accepts");
            }
        }
        assertTrue(accepted > 0 && refused > 0, "the range spans the boundary: " + accepted + " accepted, "
                + refused + " refused");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Backends.class)
    void reservedWordsAsAttributeNamesRoundTripUpdateQueryFilterAndDelete(Backends backend) {
        DynamoDbClient raw = backend.fresh();
        Backends.createTables(raw, Reserved.class);
        SessionFactory sessions = Backends.sessions(raw, 3);
        sessions.useTransaction(s -> {
            for (int year = 1; year <= 6; year++) {
                s.save(new Reserved("doom", year, year % 2 == 0 ? "even" : "odd", year * 10L));
            }
        });

        // stored under the reserved names themselves
        Map<String, AttributeValue> item = Backends.rawGet(raw, "rel_reserved",
                Map.of("name", AttributeValue.fromS("doom"), "year", AttributeValue.fromN("3")));
        assertTrue(item.keySet().containsAll(Set.of("name", "year", "status", "size", "date", "count", "comment",
                "data", "value", "group", "attributes", "order", "user", "version")), item.keySet().toString());

        sessions.useTransaction(s -> {
            Reserved r = s.get(Reserved.class, "doom", 3);
            assertEquals("odd", r.status);
            assertEquals(30, r.size);
            assertEquals(LocalDate.of(2003, 4, 4), r.date);
            assertEquals(Set.of("g0"), r.group);
            assertEquals(Map.of("key", "k3"), r.attributes);
            r.status = "changed";
            r.size = 31;
            r.date = null;
            r.group.add("extra");
        });
        try (Session s = sessions.openSession()) {
            Reserved r = s.get(Reserved.class, "doom", 3);
            assertEquals("changed", r.status);
            assertEquals(31, r.size);
            assertEquals(null, r.date);
            assertEquals(Set.of("g0", "extra"), r.group);
            assertEquals(2L, r.version);

            List<Reserved> evenAndLarge = s.query(Reserved.class).hashKey("doom")
                    .rangeKey(KeyCondition.between(2, 6))
                    .filter(Filter.and(Filter.eq("status", "even"), Filter.gt("size", 20), Filter.exists("date"),
                            Filter.contains("group", "g0"), Filter.eq("value", "v6")))
                    .list();
            assertEquals(List.of(6), evenAndLarge.stream().map(x -> x.year).toList());
            assertEquals(2, s.scan(Reserved.class)
                    .filter(Filter.or(Filter.eq("status", "changed"), Filter.eq("user", "u5"))).count());
            assertEquals(List.of(1, 2), s.query(Reserved.class).hashKey("doom").rangeKey(KeyCondition.lt(3))
                    .list().stream().map(x -> x.year).toList());

            s.delete(s.get(Reserved.class, "doom", 1));
            s.commit();
        }
        assertEquals(null, Backends.rawGet(raw, "rel_reserved",
                Map.of("name", AttributeValue.fromS("doom"), "year", AttributeValue.fromN("1"))));
    }

    private static List<Map<String, AttributeValue>> scanAll(DynamoDbClient raw) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (String table : raw.listTables().tableNames()) {
            if (table.startsWith(Backends.PREFIX)) {
                raw.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(items::add);
            }
        }
        items.sort(java.util.Comparator.comparing(Object::toString));
        return items;
    }
}
