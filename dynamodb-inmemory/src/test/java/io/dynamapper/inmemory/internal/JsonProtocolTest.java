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

    @Test
    void theTreeReaderReadsAsTheObjectMapperReads() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> documents = new java.util.ArrayList<>(List.of(
                "{}", "[]", "{\"a\":1}", "{\"a\":1,\"a\":2}", "{\"n\":2147483648}", "{\"n\":-2147483649}",
                "{\"n\":92233720368547758070}", "{\"f\":1.5e300}", "{\"f\":-0.0}", "{\"s\":\"\\u00e9\\n\"}",
                "{\"t\":true,\"f\":false,\"z\":null}", "{\"l\":[1,[2,{\"x\":[]}],\"s\"]}", "{\"a\":1} trailing",
                "  {\"a\" : { \"b\" : [ ] } }  ", "\"text\"", "42", "null"));
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261202);
        for (int i = 0; i < 300; i++) {
            documents.add(randomJson(random, 3));
        }
        for (String document : documents) {
            byte[] body = document.getBytes(StandardCharsets.UTF_8);
            assertEquals(mapper.readTree(body), JsonProtocol.readTree(body), document);
        }
        for (String broken : List.of("{", "{\"a\":}", "[1,", "{\"a\" 1}", "tru")) {
            byte[] body = broken.getBytes(StandardCharsets.UTF_8);
            assertThrows(java.io.IOException.class, () -> mapper.readTree(body), broken);
            assertThrows(java.io.IOException.class, () -> JsonProtocol.readTree(body), broken);
        }
    }

    private static String randomJson(java.util.SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        switch (kind) {
            case 0: return Long.toString(random.nextLong() >> random.nextInt(64));
            case 1: return Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-20, 20)));
            case 2: return "\"v" + random.nextInt(100) + "\"";
            case 3: return random.nextBoolean() ? "true" : "false";
            case 4: return "null";
            case 5: return "\"\\u00e9\\t" + random.nextInt(9) + "\"";
            case 6: {
                StringBuilder b = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    b.append(randomJson(random, depth - 1)).append(i > 1 ? "," : "");
                }
                return b.append(']').toString();
            }
            default: {
                StringBuilder b = new StringBuilder("{");
                for (int i = random.nextInt(4); i > 0; i--) {
                    b.append("\"k").append(random.nextInt(3)).append("\":").append(randomJson(random, depth - 1))
                            .append(i > 1 ? "," : "");
                }
                return b.append('}').toString();
            }
        }
    }

    @Test
    void everyClientOperationIsFoundByItsTargetAndNothingElseIs() {
        int found = 0;
        for (java.lang.reflect.Method m : software.amazon.awssdk.services.dynamodb.DynamoDbClient.class.getMethods()) {
            if (m.getParameterCount() == 1
                    && software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                    && software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse.class.isAssignableFrom(m.getReturnType())) {
                String name = m.getParameterTypes()[0].getSimpleName().replaceFirst("Request$", "");
                HttpEndpoint.Operation op = HttpEndpoint.operation(HttpEndpoint.TARGET_PREFIX + name);
                assertEquals(m.getName(), op == null ? null : op.name(), name);
                found++;
            }
        }
        assertEquals("getRecords", HttpEndpoint.operation(HttpEndpoint.STREAMS_TARGET_PREFIX + "GetRecords").name());
        org.junit.jupiter.api.Assertions.assertTrue(found > 50, found + " operations");
        for (String unknown : List.of("listTables", "ListTable", "GetRecords", "AttributeValue", "AttributeValue$Builder",
                "", "..ListTables", "model.ListTables")) {
            assertEquals(null, HttpEndpoint.operation(HttpEndpoint.TARGET_PREFIX + unknown), unknown);
        }
        assertEquals(null, HttpEndpoint.operation(HttpEndpoint.STREAMS_TARGET_PREFIX + "PutItem"));
        assertEquals(null, HttpEndpoint.operation("DynamoDB_20120811.ListTables"));
    }
}
