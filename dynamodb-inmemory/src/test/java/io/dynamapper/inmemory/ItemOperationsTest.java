package io.dynamapper.inmemory;

import static io.dynamapper.inmemory.Fixtures.assertValidation;
import static io.dynamapper.inmemory.Fixtures.item;
import static io.dynamapper.inmemory.Fixtures.n;
import static io.dynamapper.inmemory.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

class ItemOperationsTest {
    private final InMemoryDynamoDb ddb = Fixtures.withTable();

    private Map<String, AttributeValue> get(String pk, String sk) {
        return ddb.getItem(b -> b.tableName("things").key(item("pk", s(pk), "sk", n(sk)))).item();
    }

    @Test
    void putThenGetReturnsNormalisedNumbers() {
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1.0"), "a", n("1E+2"), "b", n("-0"),
                "c", n("0.000100"), "ns", AttributeValue.fromNs(List.of("2.0", "1")))));
        Map<String, AttributeValue> got = get("a", "1");
        assertEquals("100", got.get("a").n());
        assertEquals("0", got.get("b").n());
        assertEquals("0.0001", got.get("c").n());
        assertEquals(List.of("2", "1"), got.get("ns").ns());
        assertEquals("1", got.get("sk").n());
    }

    @Test
    void getMissingItemHasNoItem() {
        assertFalse(ddb.getItem(b -> b.tableName("things").key(item("pk", s("zz"), "sk", n("1")))).hasItem());
    }

    @Test
    void missingTableIsResourceNotFound() {
        assertThrows(ResourceNotFoundException.class,
                () -> ddb.getItem(b -> b.tableName("nope").key(item("pk", s("a"), "sk", n("1")))));
    }

    @Test
    void keyValidation() {
        assertValidation("One or more parameter values were invalid: Missing the key sk in the item",
                () -> ddb.putItem(b -> b.tableName("things").item(item("pk", s("a")))));
        assertValidation("Type mismatch for key pk expected: S actual: N",
                () -> ddb.putItem(b -> b.tableName("things").item(item("pk", n("1"), "sk", n("1")))));
        assertValidation("cannot contain an empty string value. Key: pk",
                () -> ddb.putItem(b -> b.tableName("things").item(item("pk", s(""), "sk", n("1")))));
        assertValidation("The provided key element does not match the schema",
                () -> ddb.getItem(b -> b.tableName("things").key(item("pk", s("a")))));
        assertValidation("Type mismatch for Index Key",
                () -> ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"), "g", n("1")))));
        assertValidation("IndexName: byG, IndexKey: g",
                () -> ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"), "g", s("")))));
    }

    @Test
    void valueValidation() {
        assertValidation("An string set  may not be empty", () -> ddb.putItem(b -> b.tableName("things")
                .item(item("pk", s("a"), "sk", n("1"), "x", AttributeValue.fromSs(List.of())))));
        assertValidation("Input collection [x, x] contains duplicates", () -> ddb.putItem(b -> b.tableName("things")
                .item(item("pk", s("a"), "sk", n("1"), "x", AttributeValue.fromSs(List.of("x", "x"))))));
        assertValidation("Input collection contains duplicates", () -> ddb.putItem(b -> b.tableName("things")
                .item(item("pk", s("a"), "sk", n("1"), "x", AttributeValue.fromNs(List.of("1", "1.0"))))));
        assertValidation("Attempting to store more than 38 significant digits in a Number", () -> ddb.putItem(b -> b.tableName("things")
                .item(item("pk", s("a"), "sk", n("1"), "x", n("123456789012345678901234567890123456789")))));
        assertValidation("Number overflow", () -> ddb.putItem(b -> b.tableName("things")
                .item(item("pk", s("a"), "sk", n("1"), "x", n("1E126")))));
        assertValidation("Number underflow", () -> ddb.putItem(b -> b.tableName("things")
                .item(item("pk", s("a"), "sk", n("1"), "x", n("1E-131")))));
        assertValidation("The parameter cannot be converted to a numeric value", () -> ddb.putItem(b -> b.tableName("things")
                .item(item("pk", s("a"), "sk", n("1"), "x", n("abc")))));
    }

    @Test
    void itemSizeLimitIs400KbInclusive() {
        // pk(2)+"a"(1) + sk(2)+1(2) + big(3) = 10 bytes of overhead
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"), "big", s("x".repeat(409600 - 10)))));
        assertValidation("Item size has exceeded the maximum allowed size", () -> ddb.putItem(b -> b.tableName("things")
                .item(item("pk", s("a"), "sk", n("1"), "big", s("x".repeat(409600 - 9))))));
    }

    @Test
    void conditionalPutFailureCarriesOldItem() {
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"), "v", n("1"))));
        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
                () -> ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals("1", e.item().get("v").n());
        assertThrows(ConditionalCheckFailedException.class,
                () -> ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1")))
                        .conditionExpression("attribute_not_exists(pk)")));
    }

    @Test
    void putReturnsAllOldAndDeleteRemoves() {
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"), "v", n("1"))));
        Map<String, AttributeValue> old = ddb.putItem(b -> b.tableName("things")
                .item(item("pk", s("a"), "sk", n("1"), "v", n("2"))).returnValues(ReturnValue.ALL_OLD)).attributes();
        assertEquals("1", old.get("v").n());
        Map<String, AttributeValue> deleted = ddb.deleteItem(b -> b.tableName("things")
                .key(item("pk", s("a"), "sk", n("1"))).returnValues(ReturnValue.ALL_OLD)).attributes();
        assertEquals("2", deleted.get("v").n());
        assertFalse(ddb.getItem(b -> b.tableName("things").key(item("pk", s("a"), "sk", n("1")))).hasItem());
        assertValidation("Return values set to invalid value", () -> ddb.putItem(b -> b.tableName("things")
                .item(item("pk", s("a"), "sk", n("1"))).returnValues(ReturnValue.ALL_NEW)));
    }

    @Test
    void expressionPlaceholdersMustBeDefinedAndUsed() {
        assertValidation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}",
                () -> ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1")))
                        .conditionExpression("attribute_not_exists(pk)").expressionAttributeValues(Map.of(":v", s("x")))));
        assertValidation("Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}",
                () -> ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1")))
                        .conditionExpression("attribute_not_exists(pk)").expressionAttributeNames(Map.of("#n", "x"))));
        assertValidation("An expression attribute value used in expression is not defined; attribute value: :v",
                () -> ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1")))
                        .conditionExpression("pk = :v")));
        assertValidation("Attribute name is a reserved keyword; reserved keyword: name",
                () -> ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1")))
                        .conditionExpression("attribute_not_exists(name)")));
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1")))
                .conditionExpression("attribute_not_exists(#name)").expressionAttributeNames(Map.of("#name", "name")));
        assertTrue(get("a", "1") != null);
    }

    @Test
    void legacyAndExpressionParametersCannotBeMixed() {
        assertValidation("Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}",
                () -> ddb.getItem(b -> b.tableName("things").key(item("pk", s("a"), "sk", n("1")))
                        .attributesToGet("x").projectionExpression("x")));
    }

    @Test
    void projectionExpressionKeepsNestedPaths() {
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"),
                "li", AttributeValue.fromL(List.of(n("0"), n("1"), n("2"))),
                "m", AttributeValue.fromM(Map.of("q", s("r"), "z", s("y"))), "other", s("o"))));
        Map<String, AttributeValue> got = ddb.getItem(b -> b.tableName("things").key(item("pk", s("a"), "sk", n("1")))
                .projectionExpression("li[1], m.q, nope")).item();
        assertEquals(Map.of("li", AttributeValue.fromL(List.of(n("1"))),
                "m", AttributeValue.fromM(Map.of("q", s("r")))), got);
        assertValidation("Two document paths overlap", () -> ddb.getItem(b -> b.tableName("things")
                .key(item("pk", s("a"), "sk", n("1"))).projectionExpression("m, m.q")));
    }
}
