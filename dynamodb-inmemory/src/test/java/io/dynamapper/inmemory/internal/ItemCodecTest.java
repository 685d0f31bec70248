package io.dynamapper.inmemory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemCodecTest {
    private final ItemCodec codec = new ItemCodec(new NameDictionary());

    private static Map<String, AttributeValue> everyType() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("key"));
        item.put("sk", AttributeValue.fromN("-12.5"));
        item.put("näme", AttributeValue.fromS("é😀 and " + "x".repeat(300)));
        item.put("zero", AttributeValue.fromN("0"));
        item.put("small", AttributeValue.fromN("0.000123"));
        item.put("big", AttributeValue.fromN("1000000000000000000000"));
        item.put("bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 2})));
        item.put("t", AttributeValue.fromBool(true));
        item.put("f", AttributeValue.fromBool(false));
        item.put("nul", AttributeValue.fromNul(true));
        item.put("ss", AttributeValue.fromSs(List.of("a", "bé")));
        item.put("ns", AttributeValue.fromNs(List.of("1", "-2.25", "300")));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"), SdkBytes.fromUtf8String("yz"))));
        item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromN("7"),
                AttributeValue.fromL(List.of()), AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(true))))));
        item.put("m", AttributeValue.fromM(Map.of("ключ", AttributeValue.fromS("v"), "n",
                AttributeValue.fromM(Map.of("deep", AttributeValue.fromNs(List.of("5")))))));
        return item;
    }

    @Test
    void sizeOfAnEncodingIsTheSizeOfTheItem() {
        Map<String, AttributeValue> item = everyType();
        byte[] encoded = codec.encode(item, "pk", "sk");
        assertEquals(ItemSizer.of(item), codec.size(encoded));
        assertEquals(ItemSizer.of(codec.decode(encoded)), codec.size(encoded));
        for (String name : item.keySet()) {
            Map<String, AttributeValue> one = Map.of(name, item.get(name));
            assertEquals(ItemSizer.of(one), codec.size(codec.encode(one)), name);
        }
    }

    @Test
    void decodesWhatItEncoded() {
        Map<String, AttributeValue> item = everyType();
        assertEquals(item, codec.decode(codec.encode(item, "pk", "sk")));
    }
}
