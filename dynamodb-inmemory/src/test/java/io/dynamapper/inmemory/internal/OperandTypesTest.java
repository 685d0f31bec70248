package io.dynamapper.inmemory.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class OperandTypesTest {
    private static final Map<String, AttributeValue> VALUES = Map.of(":n", AttributeValue.fromN("1"),
            ":m", AttributeValue.fromN("2"), ":s", AttributeValue.fromS("a"), ":b", AttributeValue.fromBool(true),
            ":l", AttributeValue.fromL(java.util.List.of()));

    private static void check(String expression) {
        OperandTypes.check(Parser.parseCondition(expression, "FilterExpression").root(),
                Context.of(Map.of(), VALUES, "FilterExpression"));
    }

    private static String error(String expression) {
        return assertThrows(DynamoDbException.class, () -> check(expression)).awsErrorDetails().errorMessage();
    }

    @Test
    void orderingOperatorsTakeStringsNumbersAndBinaries() {
        assertDoesNotThrow(() -> check("a < :n AND b >= :s AND c = :b AND d <> :l"));
        assertEquals("Invalid FilterExpression: Incorrect operand type for operator or function; operator or "
                + "function: <, operand type: BOOL", error("a < :b"));
        assertEquals("Invalid FilterExpression: Incorrect operand type for operator or function; operator or "
                + "function: >=, operand type: L", error("NOT (a >= :l)"));
    }

    @Test
    void betweenBoundsHaveOneTypeAndAscend() {
        assertDoesNotThrow(() -> check("a BETWEEN :n AND :m"));
        assertEquals("Invalid FilterExpression: The BETWEEN operator requires same data type for lower and upper "
                + "bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}",
                error("a BETWEEN :n AND :s"));
        assertEquals("Invalid FilterExpression: The BETWEEN operator requires upper bound to be greater than or "
                + "equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: "
                + "AttributeValue: {N:1}", error("a BETWEEN :m AND :n"));
    }

    @Test
    void functionsTakeTheirTypes() {
        assertDoesNotThrow(() -> check("begins_with(a, :s) OR attribute_type(a, :s)"));
        assertEquals("Invalid FilterExpression: Incorrect operand type for operator or function; operator or "
                + "function: begins_with, operand type: N", error("begins_with(a, :n)"));
        assertEquals("Invalid FilterExpression: Incorrect operand type for operator or function; operator or "
                + "function: attribute_type, operand type: N", error("attribute_type(a, :n)"));
    }

    @Test
    void redundantParenthesesAreRefusedOnlyWhenDoubled() {
        assertDoesNotThrow(() -> check("(a = :n) AND ((b = :n) OR c = :n)"));
        assertEquals("Invalid FilterExpression: The expression has redundant parentheses;", error("((a = :n))"));
        assertEquals("Invalid FilterExpression: The expression has redundant parentheses;",
                error("a = :n AND ((b = :n AND (c = :n)))"));
    }
}
