package io.dynamapper.engine.internal.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** Sizes measured on DynamoDB Local 2.6.1 (the longest string that still fits next to the number). */
    @ParameterizedTest(name = "{0} takes {1} bytes")
    @CsvSource({
            "0, 1", "1, 2", "5, 2", "10, 2", "12, 2", "99, 2", "100, 2", "123, 3", "1234, 3", "12345, 4",
            "-1, 3", "-5, 3", "-12, 3", "-123, 4", "0.5, 2", "0.05, 2", "0.001, 2", "1.5, 3", "12.34, 3",
            "-0.001, 3", "100000, 2", "1E+10, 2", "1.1E+10, 3", "-1E+10, 3",
            "12345678901234567890123456789012345678, 20", "-12345678901234567890123456789012345678, 21"})
    void numbersAreSizedAsDynamoDbLocalSizesThem(String number, long bytes) {
        assertEquals(bytes, ItemSize.numberSize(number));
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
