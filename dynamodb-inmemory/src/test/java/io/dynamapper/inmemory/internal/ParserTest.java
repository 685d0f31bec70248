package io.dynamapper.inmemory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class ParserTest {
    private static Ast.Condition parse(String e) {
        return Parser.parseCondition(e, "ConditionExpression").root();
    }

    private static String error(String e) {
        return assertThrows(DynamoDbException.class, () -> parse(e)).awsErrorDetails().errorMessage();
    }

    private static boolean eval(String e, Map<String, AttributeValue> item, Map<String, AttributeValue> values) {
        return Evaluator.test(parse(e), item, Context.of(Map.of("#n", "n"), values, "ConditionExpression"));
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        Ast.Condition c = parse("a = :a OR b = :b AND NOT c = :c");
        Ast.Or or = assertInstanceOf(Ast.Or.class, c);
        Ast.And and = assertInstanceOf(Ast.And.class, or.right());
        assertInstanceOf(Ast.Not.class, and.right());
        assertInstanceOf(Ast.And.class, parse("(a = :a OR b = :b) AND c = :c"));
    }

    @Test
    void documentPaths() {
        Ast.Compare c = (Ast.Compare) parse("a.b[2].c = #n.#m[0]");
        Ast.Path left = ((Ast.PathOperand) c.left()).path();
        assertEquals(List.of(Ast.Step.name("a"), Ast.Step.name("b"), Ast.Step.index(2), Ast.Step.name("c")), left.steps());
        Ast.ParsedCondition p = Parser.parseCondition("a.b[2].c = #n.#m[0] AND x IN (:a, :b)", "ConditionExpression");
        assertEquals(Set.of("#n", "#m"), p.names());
        assertEquals(Set.of(":a", ":b"), p.values());
    }

    @Test
    void syntaxAndFunctionErrorsMatchDynamoDb() {
        assertEquals("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \"", error("pk = "));
        assertEquals("Invalid ConditionExpression: Syntax error; token: \":v\", near: \":v :v\"", error("pk = :v :v"));
        assertEquals("Invalid ConditionExpression: Invalid function name; function: foo", error("foo(pk)"));
        assertEquals("Invalid ConditionExpression: Operator or function requires a document path; operator or "
                + "function: attribute_exists", error("attribute_exists(size(pk))"));
        assertEquals("Invalid ConditionExpression: The first operand must be distinct from the remaining operands "
                + "for this operator or function; operator: =, first operand: [pk]", error("pk = pk"));
        assertEquals("Invalid ConditionExpression: The expression can not be empty;", error(" "));
        assertTrue(error("attribute_exists(Status)").endsWith("reserved keyword: Status"));
    }

    @Test
    void parsesAreCached() {
        assertSame(ExpressionCache.condition("a = :v", "ConditionExpression"), ExpressionCache.condition("a = :v", "ConditionExpression"));
        assertSame(ExpressionCache.update("SET a = :v"), ExpressionCache.update("SET a = :v"));
    }

    @Test
    void evaluationSemantics() {
        Map<String, AttributeValue> item = Map.of("s", AttributeValue.fromS("hello"), "n", AttributeValue.fromN("10"),
                "ss", AttributeValue.fromSs(List.of("a", "b")), "l", AttributeValue.fromL(List.of(AttributeValue.fromN("1"))));
        Map<String, AttributeValue> v = Map.of(":h", AttributeValue.fromS("he"), ":a", AttributeValue.fromS("a"),
                ":ten", AttributeValue.fromN("1E1"), ":two", AttributeValue.fromN("2"), ":S", AttributeValue.fromS("S"));
        assertTrue(eval("begins_with(s, :h) AND contains(ss, :a) AND #n = :ten", item, v));
        assertTrue(eval("size(s) > :two AND attribute_type(s, :S) AND n BETWEEN :two AND :ten", item, v));
        assertTrue(eval("nothere <> :a AND NOT (nothere = :a) AND attribute_not_exists(nothere)", item, v));
        assertFalse(eval("nothere < :a OR s < :two OR n IN (:two, :a)", item, v));
        assertTrue(eval("size(l) < :two AND s > :a", item, v));
    }

    @Test
    void numbersNormaliseAndSize() {
        assertEquals("100", Numbers.normalize("1E+2"));
        assertEquals("0", Numbers.normalize("-0.000"));
        assertEquals("-0.0015", Numbers.normalize("-1.50E-3"));
        assertEquals(2, Numbers.size("12"));
        assertEquals(2, Numbers.size("100"));
        assertEquals(21, Numbers.size("1" + "2".repeat(37) + "0"), "20 digit pairs: 1|22|...|22|20, as DynamoDB Local counts");
    }

    @Test
    void reservedWordListIsComplete() {
        assertEquals(572, ReservedWords.count());
        assertTrue(ReservedWords.isReserved("Name") && ReservedWords.isReserved("ttl") && !ReservedWords.isReserved("pk"));
    }
}
