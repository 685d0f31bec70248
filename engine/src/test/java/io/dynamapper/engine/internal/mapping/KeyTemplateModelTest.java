package io.dynamapper.engine.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.HashKey;
import io.dynamapper.KeyTemplate;
import io.dynamapper.MappingException;
import io.dynamapper.Table;
import io.dynamapper.TypeName;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class KeyTemplateModelTest {

    enum Status { OPEN, SHIPPED }

    @Table("shop")
    @KeyTemplate(hash = "CUSTOMER#{customerId}", range = "ORDER#{created}#{orderId}")
    @TypeName("Order")
    record Order(String customerId, Instant created, String orderId, Status status) {
    }

    @Table("shop")
    @KeyTemplate(hash = "N#{i}", range = "{l}#{d}#{f}#{day}#{b}#{id}#{s}")
    record Numbers(int i, long l, double d, float f, LocalDate day, byte b, UUID id, short s) {
    }

    @Table("shop")
    @KeyTemplate(hash = "X#{amount}")
    record Decimal(BigDecimal amount) {
    }

    @Table("shop")
    @KeyTemplate(hash = "X#{a}{b}")
    record Adjacent(String a, String b) {
    }

    @Table("shop")
    @KeyTemplate(hash = "X#{a}and{b}")
    record LetterAfterField(String a, String b) {
    }

    @Table("shop")
    @KeyTemplate(hash = "X#{missing}")
    record Unknown(String a) {
    }

    @Table("shop")
    @KeyTemplate(hash = "X#{a}")
    record BothKinds(@HashKey String a) {
    }

    @Table("shop")
    @KeyTemplate(hash = "X#{a}")
    record OwnPk(String a, String pk) {
    }

    private static final EntityModel<Order> ORDER = EntityModel.of(Order.class);

    @Test
    void composesTheKeyAttributesAndWritesTheFieldsAndTheTypeToo() {
        Instant created = Instant.parse("2026-11-30T10:15:30Z");
        Map<String, AttributeValue> item = ORDER.toItem(new Order("alice", created, "o1", Status.OPEN));
        assertEquals("CUSTOMER#alice", item.get("pk").s());
        assertEquals("ORDER#2026-11-30T10:15:30.000000000Z#o1", item.get("sk").s());
        assertEquals("Order", item.get("_type").s());
        assertEquals("alice", item.get("customerId").s());
        assertEquals("o1", item.get("orderId").s());
        assertEquals(new Order("alice", created, "o1", Status.OPEN), ORDER.fromItem(item));
    }

    @Test
    void separatorsAndBackslashesInsideValuesAreEscapedAndParsedBack() {
        KeyTemplateModel range = ORDER.rangeTemplate().orElseThrow();
        Instant created = Instant.parse("2026-01-01T00:00:00.5Z");
        for (String orderId : List.of("a#b", "#", "\\", "a\\#b#", "plain")) {
            String key = range.compose(new Order("c", created, orderId, Status.OPEN));
            assertEquals(List.of(created, orderId), range.parse(key), key);
        }
        assertEquals("ORDER#2026-01-01T00:00:00.500000000Z#a\\#b",
                range.compose(new Order("c", created, "a#b", Status.OPEN)));
        KeyTemplateModel hash = ORDER.hashTemplate().orElseThrow();
        assertEquals(List.of("x#y"), hash.parse(hash.compose(new Order("x#y", created, "o", Status.OPEN))));
    }

    @Test
    void numbersAndTimesSortAsTheirValuesAndParseBack() {
        EntityModel<Numbers> model = EntityModel.of(Numbers.class);
        KeyTemplateModel range = model.rangeTemplate().orElseThrow();
        Random random = new Random(15);
        List<Numbers> values = new ArrayList<>();
        long[] longs = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1_000_000, -2, -1, 0, 1, 9, 10, Long.MAX_VALUE};
        double[] doubles = {Double.NEGATIVE_INFINITY, -1e300, -2.5, -1, -Double.MIN_VALUE, 0.0, Double.MIN_VALUE, 1,
            2.5, 1e300, Double.POSITIVE_INFINITY};
        for (int n = 0; n < 400; n++) {
            values.add(new Numbers(random.nextInt(), longs[random.nextInt(longs.length)],
                    doubles[random.nextInt(doubles.length)], (float) doubles[random.nextInt(doubles.length)],
                    LocalDate.of(random.nextInt(10000), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    (byte) random.nextInt(), new UUID(random.nextLong(), random.nextLong()), (short) random.nextInt()));
        }
        for (Numbers a : values) {
            String ka = range.compose(a);
            assertEquals(List.of(a.l(), a.d(), a.f(), a.day(), a.b(), a.id(), a.s()), range.parse(ka), ka);
            for (Numbers b : values.subList(0, 40)) {
                int byValue = Long.compare(a.l(), b.l()) != 0 ? Long.compare(a.l(), b.l())
                        : Double.compare(a.d(), b.d()) != 0 ? Double.compare(a.d(), b.d())
                        : Float.compare(a.f(), b.f()) != 0 ? Float.compare(a.f(), b.f())
                        : a.day().compareTo(b.day()) != 0 ? a.day().compareTo(b.day())
                        : Byte.compare(a.b(), b.b()) != 0 ? Byte.compare(a.b(), b.b())
                        : a.id().toString().compareTo(b.id().toString()) != 0 ? a.id().toString().compareTo(b.id().toString())
                        : Short.compare(a.s(), b.s());
                assertEquals(Integer.signum(byValue), Integer.signum(ka.compareTo(range.compose(b))), ka + " vs " + b);
            }
            KeyTemplateModel hash = model.hashTemplate().orElseThrow();
            assertEquals(List.of(a.i()), hash.parse(hash.compose(a)));
        }
        assertEquals("-9223372036854775807", longFormat(-1));
        assertEquals("0000000000000000042", longFormat(42));
    }

    private static String longFormat(long value) {
        return KeyTemplateModel.Format.LONG.format(value);
    }

    @Test
    void callersGiveFieldValuesConvertedToTheFieldTypesAndMayGiveAPrefix() {
        KeyTemplateModel range = ORDER.rangeTemplate().orElseThrow();
        Instant created = Instant.parse("2026-11-30T10:15:30Z");
        assertEquals("ORDER#2026-11-30T10:15:30.000000000Z#o1", range.composeValues(List.of(created, "o1"), false));
        assertEquals("ORDER#2026-11-30T10:15:30.000000000Z", range.composeValues(List.of(created), true));
        assertEquals("ORDER#", range.constantPrefix());
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> range.composeValues(List.of(created), false));
        assertTrue(tooFew.getMessage().contains("[created, orderId]"), tooFew.getMessage());
        assertThrows(IllegalArgumentException.class, () -> range.composeValues(List.of("not a time", "o1"), false));
        assertThrows(IllegalArgumentException.class, () -> ORDER.keys().key("alice", null));
        Map<String, AttributeValue> key = ORDER.keys().keyAttributes(ORDER.keys().templateKeyItem(List.of("alice", created, "o1")));
        assertEquals(Map.of("pk", AttributeValue.fromS("CUSTOMER#alice"),
                "sk", AttributeValue.fromS("ORDER#2026-11-30T10:15:30.000000000Z#o1")), key);
    }

    @Test
    void fieldsThatCannotBeFormattedInValueOrderAreRejectedNamingClassAndField() {
        MappingException e = assertThrows(MappingException.class, () -> EntityModel.of(Decimal.class));
        assertTrue(e.getMessage().contains("Decimal.amount") && e.getMessage().contains("BigDecimal"), e.getMessage());
    }

    @Test
    void badTemplatesAreRejectedWithTheirReason() {
        String adjacent = assertThrows(MappingException.class, () -> EntityModel.of(Adjacent.class)).getMessage();
        assertTrue(adjacent.contains("fields a and b follow each other"), adjacent);
        String letter = assertThrows(MappingException.class, () -> EntityModel.of(LetterAfterField.class)).getMessage();
        assertTrue(letter.contains("'and'") && letter.contains("separator"), letter);
        String unknown = assertThrows(MappingException.class, () -> EntityModel.of(Unknown.class)).getMessage();
        assertTrue(unknown.contains("'missing'") && unknown.contains("[a]"), unknown);
        String both = assertThrows(MappingException.class, () -> EntityModel.of(BothKinds.class)).getMessage();
        assertTrue(both.contains("@HashKey"), both);
        String pk = assertThrows(MappingException.class, () -> EntityModel.of(OwnPk.class)).getMessage();
        assertTrue(pk.contains("OwnPk.pk") && pk.contains("'pk'"), pk);
    }

    @Test
    void aKeyTemplateFieldIsKnownAsSuchAndItemsOfOtherTypesAreNotOwn() {
        assertTrue(ORDER.isKeyTemplateField(ORDER.property("orderId").orElseThrow()));
        assertFalse(ORDER.isKeyTemplateField(ORDER.property("status").orElseThrow()));
        assertTrue(ORDER.isOwnType(Map.of("_type", AttributeValue.fromS("Order"))));
        assertFalse(ORDER.isOwnType(Map.of("_type", AttributeValue.fromS("Customer"))));
        assertFalse(ORDER.isOwnType(Map.of()));
    }
}
