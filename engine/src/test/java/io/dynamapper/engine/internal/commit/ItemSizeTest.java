package io.dynamapper.engine.internal.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemSizeTest {
    @Test
    void stringsAndNamesCountTheirUtf8Bytes() {
        assertEquals(4 + 5, ItemSize.of(Map.of("name", AttributeValue.fromS("Doom!"))));
        String text = "é€😀a";
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, ItemSize.utf8Length(text));
        assertEquals(2 + 8, ItemSize.of(Map.of("ü", AttributeValue.fromS("€😀a"))));
    }

    @Test
    void numbersTakeOneBytePerTwoSignificantDigitsPlusOne() {
        assertEquals(2, ItemSize.numberSize("1"));
        assertEquals(2, ItemSize.numberSize("12"));
        assertEquals(3, ItemSize.numberSize("123"));
        assertEquals(2, ItemSize.numberSize("1000"), "trailing zeroes are trimmed");
        assertEquals(2, ItemSize.numberSize("0.001"), "leading zeroes are trimmed");
        assertEquals(3, ItemSize.numberSize("-12.5"));
        assertEquals(2, ItemSize.numberSize("0"));
        assertEquals(20, ItemSize.numberSize("12345678901234567890123456789012345678"));
    }

    @Test
    void binaryBooleansNullsSetsListsAndMaps() {
        assertEquals(3, ItemSize.valueSize(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[3]))));
        assertEquals(1, ItemSize.valueSize(AttributeValue.fromBool(true)));
        assertEquals(1, ItemSize.valueSize(AttributeValue.fromNul(true)));
        assertEquals(6, ItemSize.valueSize(AttributeValue.fromSs(List.of("ab", "cde", "f"))));
        assertEquals(4, ItemSize.valueSize(AttributeValue.fromNs(List.of("1", "22"))));
        assertEquals(3, ItemSize.valueSize(AttributeValue.fromL(List.of())));
        // 3 overhead + (1 + 1) + (1 + 2)
        assertEquals(8, ItemSize.valueSize(AttributeValue.fromL(List.of(AttributeValue.fromS("x"),
                AttributeValue.fromN("5")))));
        // 3 overhead + (1 + "key" 3 + "v" 1)
        assertEquals(8, ItemSize.valueSize(AttributeValue.fromM(Map.of("key", AttributeValue.fromS("v")))));
    }
}
