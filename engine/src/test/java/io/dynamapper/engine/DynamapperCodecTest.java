package io.dynamapper.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.AttributeCodec;
import io.dynamapper.Codec;
import io.dynamapper.HashKey;
import io.dynamapper.MappingException;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.Table;
import io.dynamapper.Throughput;
import io.dynamapper.Version;
import io.dynamapper.engine.testing.TestDynamoDb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** {@code Dynamapper.builder().codec(type, codec)}: a codec per type and per factory. */
class DynamapperCodecTest {
    /** A value type the built-in mapping cannot store (final fields, no no-argument constructor). */
    static final class Money {
        final long cents;
        final String currency;

        Money(long cents, String currency) {
            this.cents = cents;
            this.currency = currency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money m && m.cents == cents && m.currency.equals(currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cents, currency);
        }

        @Override
        public String toString() {
            return cents + " " + currency;
        }
    }

    /** Money as one string, "1234 EUR". */
    static final class MoneyAsString implements AttributeCodec<Money> {
        @Override
        public AttributeValue encode(Money value) {
            return AttributeValue.fromS(value.cents + " " + value.currency);
        }

        @Override
        public Money decode(AttributeValue value) {
            String[] parts = value.s().split(" ");
            return new Money(Long.parseLong(parts[0]), parts[1]);
        }
    }

    /** Money as a map, {cents: N, currency: S}. */
    static final class MoneyAsMap implements AttributeCodec<Money> {
        @Override
        public AttributeValue encode(Money value) {
            return AttributeValue.fromM(Map.of("cents", AttributeValue.fromN(Long.toString(value.cents)),
                    "currency", AttributeValue.fromS(value.currency)));
        }

        @Override
        public Money decode(AttributeValue value) {
            return new Money(Long.parseLong(value.m().get("cents").n()), value.m().get("currency").s());
        }
    }

    /** Money in the field of a nested class. */
    static class Line {
        String label;
        Money price;

        Line() {
        }

        Line(String label, Money price) {
            this.label = label;
            this.price = price;
        }
    }

    @Table("codec_invoices")
    static class Invoice {
        @HashKey String id;
        Money total;
        List<Money> payments = new ArrayList<>();
        Map<String, Money> taxes = new HashMap<>();
        Optional<Money> discount = Optional.empty();
        Line first;
        @Codec(MoneyAsString.class) Money alwaysString;
        @Version Long version;
    }

    @Table("codec_events")
    static class Event {
        @HashKey String id;
        Instant at;
    }

    /** Instants as epoch milliseconds instead of the built-in ISO-8601 string. */
    static final class EpochMillis implements AttributeCodec<Instant> {
        @Override
        public AttributeValue encode(Instant value) {
            return AttributeValue.fromN(Long.toString(value.toEpochMilli()));
        }

        @Override
        public Instant decode(AttributeValue value) {
            return Instant.ofEpochMilli(Long.parseLong(value.n()));
        }
    }

    private final DynamoDbClient client = TestDynamoDb.client();

    @BeforeEach
    void freshTables() {
        TestDynamoDb.deleteAllTables();
    }

    private static Invoice invoice(String id) {
        Invoice invoice = new Invoice();
        invoice.id = id;
        invoice.total = new Money(1234, "EUR");
        invoice.payments.add(new Money(1000, "EUR"));
        invoice.taxes.put("vat", new Money(234, "EUR"));
        invoice.discount = Optional.of(new Money(5, "EUR"));
        invoice.first = new Line("widget", new Money(999, "EUR"));
        invoice.alwaysString = new Money(1, "USD");
        return invoice;
    }

    private Map<String, AttributeValue> stored(String table, String id) {
        return client.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true).build()).item();
    }

    private static void assertSameInvoice(Invoice expected, Invoice actual) {
        assertEquals(expected.total, actual.total);
        assertEquals(expected.payments, actual.payments);
        assertEquals(expected.taxes, actual.taxes);
        assertEquals(expected.discount, actual.discount);
        assertEquals(expected.first.price, actual.first.price);
        assertEquals(expected.alwaysString, actual.alwaysString);
    }

    @Test
    void twoFactoriesStoreTheSameClassWithTheirOwnCodecAtEveryDepth() {
        SessionFactory strings = Dynamapper.builder().client(client).codec(Money.class, new MoneyAsString()).build();
        SessionFactory maps = Dynamapper.builder().client(client).codec(Money.class, new MoneyAsMap()).build();
        strings.schema().createTable(Invoice.class, Throughput.onDemand());

        strings.useTransaction(s -> s.save(invoice("s")));
        maps.useTransaction(s -> s.save(invoice("m")));

        Map<String, AttributeValue> asString = stored("codec_invoices", "s");
        assertEquals(AttributeValue.fromS("1234 EUR"), asString.get("total"));
        assertEquals(AttributeValue.fromS("1000 EUR"), asString.get("payments").l().get(0));
        assertEquals(AttributeValue.fromS("234 EUR"), asString.get("taxes").m().get("vat"));
        assertEquals(AttributeValue.fromS("5 EUR"), asString.get("discount"));
        assertEquals(AttributeValue.fromS("999 EUR"), asString.get("first").m().get("price"));

        Map<String, AttributeValue> asMap = stored("codec_invoices", "m");
        AttributeValue total = AttributeValue.fromM(Map.of("cents", AttributeValue.fromN("1234"),
                "currency", AttributeValue.fromS("EUR")));
        assertEquals(total, asMap.get("total"));
        assertEquals("1000", asMap.get("payments").l().get(0).m().get("cents").n());
        assertEquals("234", asMap.get("taxes").m().get("vat").m().get("cents").n());
        assertEquals("5", asMap.get("discount").m().get("cents").n());
        assertEquals("999", asMap.get("first").m().get("price").m().get("cents").n());
        assertEquals(AttributeValue.fromS("1 USD"), asMap.get("alwaysString"), "@Codec on the field wins");

        try (Session s = strings.openSession()) {
            assertSameInvoice(invoice("s"), s.get(Invoice.class, "s"));
        }
        try (Session s = maps.openSession()) {
            assertSameInvoice(invoice("m"), s.get(Invoice.class, "m"));
        }
    }

    @Test
    void aChangeToARegisteredTypeIsFoundByDirtyCheckingAndWrittenWithTheFactorysCodec() {
        SessionFactory maps = Dynamapper.builder().client(client).codec(Money.class, new MoneyAsMap()).build();
        maps.schema().createTable(Invoice.class, Throughput.onDemand());
        maps.useTransaction(s -> s.save(invoice("m")));

        maps.useTransaction(s -> {
            Invoice loaded = s.get(Invoice.class, "m");
            assertTrue(!s.isDirty());
            loaded.first.price = new Money(1001, "EUR");
            assertTrue(s.isDirty());
        });

        assertEquals("1001", stored("codec_invoices", "m").get("first").m().get("price").m().get("cents").n());
        assertEquals("2", stored("codec_invoices", "m").get("version").n());
    }

    @Test
    void withoutTheCodecTheClassCannotBeMapped() {
        SessionFactory plain = Dynamapper.builder().client(client).build();
        MappingException e = assertThrows(MappingException.class,
                () -> plain.schema().createTable(Invoice.class, Throughput.onDemand()));
        assertTrue(e.getMessage().contains("Money"), e.getMessage());
    }

    @Test
    void aRegisteredCodecReplacesTheBuiltInMappingOfItsTypeInItsFactoryOnly() {
        SessionFactory millis = Dynamapper.builder().client(client).codec(Instant.class, new EpochMillis()).build();
        SessionFactory plain = Dynamapper.builder().client(client).build();
        plain.schema().createTable(Event.class, Throughput.onDemand());
        Instant at = Instant.ofEpochMilli(1_700_000_000_123L);
        millis.useTransaction(s -> {
            Event e = new Event();
            e.id = "millis";
            e.at = at;
            s.save(e);
        });
        plain.useTransaction(s -> {
            Event e = new Event();
            e.id = "plain";
            e.at = at;
            s.save(e);
        });
        assertEquals(AttributeValue.fromN("1700000000123"), stored("codec_events", "millis").get("at"));
        assertEquals(at, Instant.parse(stored("codec_events", "plain").get("at").s()), "the built-in ISO-8601 string");
        try (Session s = millis.openSession()) {
            assertEquals(at, s.get(Event.class, "millis").at);
        }
    }

    @Test
    void registrationsAreChecked() {
        Dynamapper.Builder builder = Dynamapper.builder().codec(Money.class, new MoneyAsString());
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> builder.codec(Money.class, new MoneyAsMap()));
        assertTrue(twice.getMessage().contains(Money.class.getName()), twice.getMessage());
        assertThrows(NullPointerException.class, () -> builder.codec(null, new MoneyAsString()));
        assertThrows(NullPointerException.class, () -> builder.codec(Instant.class, null));
        assertThrows(IllegalArgumentException.class, () -> builder.codec(long.class, new AttributeCodec<Long>() {
            @Override
            public AttributeValue encode(Long value) {
                return AttributeValue.fromN(value.toString());
            }

            @Override
            public Long decode(AttributeValue value) {
                return Long.valueOf(value.n());
            }
        }));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<List<Money>> list = (Class) List.class;
        assertThrows(IllegalArgumentException.class, () -> builder.codec(list, new AttributeCodec<List<Money>>() {
            @Override
            public AttributeValue encode(List<Money> value) {
                return AttributeValue.fromNul(true);
            }

            @Override
            public List<Money> decode(AttributeValue value) {
                return List.of();
            }
        }));
    }
}
