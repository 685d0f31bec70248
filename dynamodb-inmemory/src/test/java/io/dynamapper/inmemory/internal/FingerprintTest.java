package io.dynamapper.inmemory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

class FingerprintTest {
    private static TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName("things").item(item)).build();
    }

    private static Map<String, AttributeValue> item(Object... kv) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (AttributeValue) kv[i + 1]);
        }
        return m;
    }

    /** Requests that differ in one detail each, and rebuilt twins of some: fingerprints agree with equals. */
    @Test
    void equalFingerprintsExactlyForEqualRequests() {
        List<List<TransactWriteItem>> requests = requests();
        for (List<TransactWriteItem> a : requests) {
            for (List<TransactWriteItem> b : requests) {
                assertEquals(a.equals(b), Fingerprint.of(a).equals(Fingerprint.of(b)), a + " vs " + b);
            }
        }
    }

    /** The direct reading of a transaction's actions gives the digest of the generic walk over sdkFields(). */
    @Test
    void directReadingOfTransactionsAgreesWithTheGenericWalk() {
        assertTrue(Fingerprint.direct(), "this SDK's transaction classes have the fields the direct path reads");
        for (List<TransactWriteItem> r : requests()) {
            assertEquals(Fingerprint.ofGeneric(r), Fingerprint.of(r), r.toString());
        }
        TransactWriteItem everything = TransactWriteItem.builder().put(p -> p.tableName("things")
                .item(item("pk", AttributeValue.fromS("a"))).conditionExpression("attribute_not_exists(pk)")
                .expressionAttributeNames(Map.of("#p", "pk")).expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .update(u -> u.tableName("t").key(item("pk", AttributeValue.fromS("b"))))
                .delete(d -> d.tableName("t").key(item("pk", AttributeValue.fromS("c")))
                        .returnValuesOnConditionCheckFailure("NONE"))
                .conditionCheck(c -> c.tableName("t").key(item("pk", AttributeValue.fromS("d")))).build();
        assertEquals(Fingerprint.ofGeneric(List.of(everything)), Fingerprint.of(List.of(everything)));
    }

    private static List<List<TransactWriteItem>> requests() {
        List<List<TransactWriteItem>> requests = new ArrayList<>();
        requests.add(List.of(put(item("pk", AttributeValue.fromS("a"), "v", AttributeValue.fromS("x")))));
        requests.add(List.of(put(item("v", AttributeValue.fromS("x"), "pk", AttributeValue.fromS("a")))));
        requests.add(List.of(put(item("pk", AttributeValue.fromS("a"), "v", AttributeValue.fromS("y")))));
        requests.add(List.of(put(item("pk", AttributeValue.fromS("Aa")))));
        requests.add(List.of(put(item("pk", AttributeValue.fromS("BB")))));
        requests.add(List.of(put(item("pk", AttributeValue.fromN("1")))));
        requests.add(List.of(put(item("pk", AttributeValue.fromB(SdkBytes.fromUtf8String("1"))))));
        requests.add(List.of(put(item("pk", AttributeValue.fromSs(List.of("a", "b"))))));
        requests.add(List.of(put(item("pk", AttributeValue.fromSs(List.of("b", "a"))))));
        requests.add(List.of(put(item("pk", AttributeValue.fromL(List.of(AttributeValue.fromS("a")))))));
        requests.add(List.of(put(item("pk", AttributeValue.fromM(Map.of("a", AttributeValue.fromS("b")))))));
        requests.add(List.of(put(item("pk", AttributeValue.fromM(Map.of("b", AttributeValue.fromS("a")))))));
        requests.add(List.of(put(item("pk", AttributeValue.fromBool(true)))));
        requests.add(List.of(put(item("pk", AttributeValue.fromBool(false)))));
        requests.add(List.of(put(item("pk", AttributeValue.fromNul(true)))));
        requests.add(List.of(put(item("pk", AttributeValue.fromNs(List.of("1", "2"))))));
        requests.add(List.of(put(item("pk", AttributeValue.fromSs(List.of("1", "2"))))));
        requests.add(List.of(put(item("pk", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("1")))))));
        requests.add(List.of(put(item("pk", AttributeValue.fromL(List.of())))));
        requests.add(List.of(put(item("pk", AttributeValue.fromM(Map.of())))));
        requests.add(List.of(put(item("pk", AttributeValue.fromS("")))));
        requests.add(List.of(put(item("pk", AttributeValue.fromS("a"))), put(item("pk", AttributeValue.fromS("b")))));
        requests.add(List.of(put(item("pk", AttributeValue.fromS("b"))), put(item("pk", AttributeValue.fromS("a")))));
        requests.add(List.of(TransactWriteItem.builder().put(p -> p.tableName("things")
                .item(item("pk", AttributeValue.fromS("a"))).expressionAttributeNames(Map.of())).build()));
        requests.add(List.of(TransactWriteItem.builder().put(p -> p.tableName("things")
                .item(item("pk", AttributeValue.fromS("a")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build()));
        requests.add(List.of(TransactWriteItem.builder().update(u -> u.tableName("things")
                .key(item("pk", AttributeValue.fromS("a"))).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("x")))).build()));
        requests.add(List.of(TransactWriteItem.builder().update(u -> u.tableName("things")
                .key(item("pk", AttributeValue.fromS("a"))).updateExpression("SET v = :w")
                .expressionAttributeValues(Map.of(":w", AttributeValue.fromS("x")))).build()));
        requests.add(List.of(TransactWriteItem.builder().delete(d -> d.tableName("things")
                .key(item("pk", AttributeValue.fromS("a")))).build()));
        requests.add(List.of(TransactWriteItem.builder().conditionCheck(c -> c.tableName("things")
                .key(item("pk", AttributeValue.fromS("a"))).conditionExpression("attribute_exists(pk)")).build()));
        requests.add(List.of(put(item("pk", AttributeValue.fromS("x".repeat(1001))))));
        requests.add(List.of(put(item("pk", AttributeValue.fromS("x".repeat(1000) + "y")))));
        return requests;
    }
}
