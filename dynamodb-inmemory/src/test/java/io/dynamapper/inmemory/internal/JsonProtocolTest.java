package io.dynamapper.inmemory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Attribute values are read and written directly; the results must be those of the generic translation. */
class JsonProtocolTest {
    private static Map<String, AttributeValue> everyType() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", AttributeValue.fromS("é😀 \"quoted\""));
        item.put("n", AttributeValue.fromN("-12.5"));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 2})));
        item.put("t", AttributeValue.fromBool(true));
        item.put("nul", AttributeValue.fromNul(true));
        item.put("ss", AttributeValue.fromSs(List.of("a", "bé")));
        item.put("ns", AttributeValue.fromNs(List.of("1", "300")));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"))));
        item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromL(List.of()),
                AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(false))))));
        item.put("m", AttributeValue.fromM(Map.of("deep", AttributeValue.fromM(Map.of("x", AttributeValue.fromNs(List.of("5")))))));
        item.put("emptyM", AttributeValue.fromM(Map.of()));
        return item;
    }

    private static PutItemRequest read(String json) {
        return (PutItemRequest) JsonProtocol.build(JsonProtocol.read(json.getBytes(StandardCharsets.UTF_8),
                (software.amazon.awssdk.core.SdkPojo) PutItemRequest.builder()));
    }

    @Test
    void everyTypeOfValueRoundTrips() {
        PutItemRequest request = PutItemRequest.builder().tableName("things").item(everyType()).build();
        String json = new String(JsonProtocol.write(request), StandardCharsets.UTF_8);
        assertEquals(request, read(json));
    }

    @Test
    void valuesAreWrittenAsDynamoDbWritesThem() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("a", AttributeValue.fromS("x"));
        item.put("b", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromNul(true))));
        item.put("c", AttributeValue.fromM(Map.of("d", AttributeValue.fromSs(List.of("e")))));
        item.put("f", AttributeValue.fromB(SdkBytes.fromUtf8String("hi")));
        byte[] json = JsonProtocol.write(GetItemResponse.builder().item(item).build());
        assertEquals("{\"Item\":{\"a\":{\"S\":\"x\"},\"b\":{\"L\":[{\"N\":\"1\"},{\"NULL\":true}]},"
                + "\"c\":{\"M\":{\"d\":{\"SS\":[\"e\"]}}},\"f\":{\"B\":\"aGk=\"}}}", new String(json, StandardCharsets.UTF_8));
    }

    /** Values the direct reading does not take (two members, odd JSON types) go the generic way. */
    @Test
    void unusualValuesAreReadTheGenericWay() {
        PutItemRequest twoMembers = read("{\"Item\":{\"a\":{\"S\":\"x\",\"N\":\"1\"},\"b\":{\"L\":[null]}}}");
        AttributeValue a = twoMembers.item().get("a");
        assertEquals(List.of("x", "1"), Arrays.asList(a.s(), a.n()));
        assertEquals(Arrays.asList((AttributeValue) null), twoMembers.item().get("b").l());
        JsonProtocol.SerializationException e = assertThrows(JsonProtocol.SerializationException.class,
                () -> read("{\"Item\":{\"a\":{\"S\":5}}}"));
        assertEquals("Unexpected token for member S", e.getMessage());
        e = assertThrows(JsonProtocol.SerializationException.class, () -> read("{\"Item\":{\"a\":{\"M\":{\"x\":{\"BOOL\":\"no\"}}}}}"));
        assertEquals("Unexpected token for member BOOL", e.getMessage());
    }
}
