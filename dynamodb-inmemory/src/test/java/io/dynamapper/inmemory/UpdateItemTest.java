package io.dynamapper.inmemory;

import static io.dynamapper.inmemory.Fixtures.assertValidation;
import static io.dynamapper.inmemory.Fixtures.item;
import static io.dynamapper.inmemory.Fixtures.n;
import static io.dynamapper.inmemory.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

class UpdateItemTest {
    private final InMemoryDynamoDb ddb = Fixtures.withTable();
    private final Map<String, AttributeValue> key = item("pk", s("a"), "sk", n("1"));

    @BeforeEach
    void seed() {
        ddb.putItem(b -> b.tableName("things").item(item("pk", s("a"), "sk", n("1"), "a", n("1"), "x", s("xx"),
                "h", AttributeValue.fromNs(List.of("1", "2")), "li", AttributeValue.fromL(List.of(n("0"), n("1"), n("2"), n("3"))),
                "m", AttributeValue.fromM(Map.of("q", s("r"))))));
    }

    private Map<String, AttributeValue> update(String expr, Map<String, AttributeValue> values, ReturnValue rv) {
        return ddb.updateItem(b -> b.tableName("things").key(key).updateExpression(expr)
                .expressionAttributeValues(values).returnValues(rv)).attributes();
    }

    @Test
    void setWithArithmeticAndUpdatedNew() {
        Map<String, AttributeValue> out = update("SET a = a + :v, m.z = :v REMOVE x", Map.of(":v", n("1")),
                ReturnValue.UPDATED_NEW);
        assertEquals(Map.of("a", n("2"), "m", AttributeValue.fromM(Map.of("z", n("1")))), out);
    }

    @Test
    void updatedOldReturnsOldValuesOfUpdatedPaths() {
        Map<String, AttributeValue> out = update("SET m.q = :v", Map.of(":v", n("1")), ReturnValue.UPDATED_OLD);
        assertEquals(Map.of("m", AttributeValue.fromM(Map.of("q", s("r")))), out);
    }

    @Test
    void ifNotExistsAndListAppend() {
        Map<String, AttributeValue> out = update("SET c = if_not_exists(c, :z), a = if_not_exists(a, :z), "
                + "li = list_append(li, :l)", Map.of(":z", n("0"), ":l", AttributeValue.fromL(List.of(n("4")))),
                ReturnValue.ALL_NEW);
        assertEquals("0", out.get("c").n());
        assertEquals("1", out.get("a").n());
        assertEquals(5, out.get("li").l().size());
    }

    @Test
    void removeListElementsUsesOriginalIndexes() {
        Map<String, AttributeValue> out = update("REMOVE li[1], li[2] SET li[10] = :v", Map.of(":v", n("9")),
                ReturnValue.UPDATED_NEW);
        assertEquals(List.of(n("0"), n("3"), n("9")), out.get("li").l());
    }

    @Test
    void addAndDeleteOnSets() {
        Map<String, AttributeValue> out = update("ADD h :add, a :one DELETE li2 :del",
                Map.of(":add", AttributeValue.fromNs(List.of("3")), ":one", n("5"),
                        ":del", AttributeValue.fromNs(List.of("1"))), ReturnValue.ALL_NEW);
        assertEquals(Set.of("1", "2", "3"), new HashSet<>(out.get("h").ns()));
        assertEquals("6", out.get("a").n());
        out = update("DELETE h :v", Map.of(":v", AttributeValue.fromNs(List.of("1", "2", "3"))), ReturnValue.ALL_NEW);
        assertFalse(out.containsKey("h"));
    }

    @Test
    void updateOfMissingItemCreatesIt() {
        Map<String, AttributeValue> out = ddb.updateItem(b -> b.tableName("things")
                .key(item("pk", s("new"), "sk", n("1"))).returnValues(ReturnValue.ALL_NEW)).attributes();
        assertEquals(item("pk", s("new"), "sk", n("1")), out);
    }

    @Test
    void conditionalUpdate() {
        update("SET a = :v", Map.of(":v", n("7")), ReturnValue.NONE);
        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
                () -> ddb.updateItem(b -> b.tableName("things").key(key).updateExpression("SET a = :n")
                        .conditionExpression("a = :old").expressionAttributeValues(Map.of(":n", n("9"), ":old", n("1")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals("7", e.item().get("a").n());
    }

    @Test
    void validationErrorsLikeDynamoDb() {
        assertValidation("Cannot update attribute pk. This attribute is part of the key",
                () -> update("SET pk = :v", Map.of(":v", s("x")), ReturnValue.NONE));
        assertValidation("Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [m, a], path two: [m]", () -> update("SET m.a = :v, m = :v", Map.of(":v", s("x")), ReturnValue.NONE));
        assertValidation("Incorrect operand type for operator or function; operator: ADD, operand type: STRING",
                () -> update("ADD x :v", Map.of(":v", s("x")), ReturnValue.NONE));
        assertValidation("An operand in the update expression has an incorrect data type",
                () -> update("SET a = x + :v", Map.of(":v", n("1")), ReturnValue.NONE));
        assertValidation("The provided expression refers to an attribute that does not exist in the item",
                () -> update("SET a = nope + :v", Map.of(":v", n("1")), ReturnValue.NONE));
        assertValidation("The document path provided in the update expression is invalid for update",
                () -> update("SET nomap.a = :v", Map.of(":v", n("1")), ReturnValue.NONE));
        assertValidation("The \"SET\" section can only be used once in an update expression",
                () -> update("SET a = :v SET x = :v", Map.of(":v", n("1")), ReturnValue.NONE));
        update("SET f = :v", Map.of(":v", n("1E125")), ReturnValue.NONE);
        assertValidation("Number overflow", () -> update("ADD f :v", Map.of(":v", n("9E125")), ReturnValue.NONE));
    }
}
