package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.av;
import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.ns;
import static io.dynamapper.inmemory.contract.Dsl.ss;
import static io.dynamapper.inmemory.contract.Dsl.values;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The legacy parameters (AWS developer guide, "Legacy conditional parameters"): {@code Expected} with
 * {@code ConditionalOperator}, {@code AttributesToGet}, {@code KeyConditions}, {@code QueryFilter},
 * {@code ScanFilter} and {@code AttributeUpdates}, every comparison operator, their validation, and the
 * rule that legacy and expression parameters cannot be mixed in one request.
 */
final class LegacyParametersContractTest extends ContractSuite {

    static final Map<String, AttributeValue> STORED = item("pk", "a", "n", 5, "s", "hello", "tags", ss("red", "blue"),
            "l", list(1, "x"), "flag", true);

    static final String HOLDS = "condition holds";

    static ExpectedAttributeValue op(ComparisonOperator op, Object... values) {
        return ExpectedAttributeValue.builder().comparisonOperator(op)
                .attributeValueList(values.length == 0 ? null : Arrays.stream(values).map(Dsl::av).toList()).build();
    }

    static Condition cond(ComparisonOperator op, Object... values) {
        return Condition.builder().comparisonOperator(op)
                .attributeValueList(values.length == 0 ? null : Arrays.stream(values).map(Dsl::av).toList()).build();
    }

    /** Deletes the stored item under {@code Expected}; returns {@link #HOLDS} when the delete happened. */
    static ContractCase.Action expected(Map<String, ExpectedAttributeValue> expected, ConditionalOperator operator) {
        return db -> {
            db.table("items", "pk:S");
            db.put("items", STORED);
            db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a")).expected(expected)
                    .conditionalOperator(operator));
            return HOLDS;
        };
    }

    private static void holds(Cases c, String attribute, ExpectedAttributeValue e) {
        c.add("Expected holds: " + attribute + " " + e,
                expected(Map.of(attribute, e), null)).expect(HOLDS);
    }

    private static void fails(Cases c, String attribute, ExpectedAttributeValue e) {
        c.add("Expected fails: " + attribute + " " + e,
                expected(Map.of(attribute, e), null)).expectError("ConditionalCheckFailedException");
    }

    private static void invalid(Cases c, String name, Map<String, ExpectedAttributeValue> e) {
        c.add("Expected invalid: " + name, expected(e, null)).expectError("ValidationException");
    }

    /** "nums" (pk:S, sk:N): partition "a" has sk 1, 2, 10, 20 (v "odd"/"even"); partition "b" has sk 5. */
    static void numbers(Db db) {
        QueryContractTest.numbers(db);
    }

    @Override
    protected void define(Cases c) {
        expectedCases(c);
        attributesToGetCases(c);
        keyConditionCases(c);
        filterCases(c);
        attributeUpdateCases(c);
        mixingCases(c);
    }

    private static void expectedCases(Cases c) {
        holds(c, "n", ExpectedAttributeValue.builder().value(av(5)).build());
        fails(c, "n", ExpectedAttributeValue.builder().value(av(6)).build());
        holds(c, "flag", ExpectedAttributeValue.builder().value(av(true)).build());
        holds(c, "absent", ExpectedAttributeValue.builder().exists(false).build());
        fails(c, "n", ExpectedAttributeValue.builder().exists(false).build());
        holds(c, "n", op(ComparisonOperator.EQ, 5));
        fails(c, "n", op(ComparisonOperator.EQ, "5"));
        holds(c, "tags", op(ComparisonOperator.EQ, ss("blue", "red")));
        holds(c, "n", op(ComparisonOperator.NE, 6));
        fails(c, "n", op(ComparisonOperator.NE, 5));
        holds(c, "absent", op(ComparisonOperator.NE, 5));
        holds(c, "n", op(ComparisonOperator.LE, 5));
        fails(c, "n", op(ComparisonOperator.LT, 5));
        holds(c, "n", op(ComparisonOperator.GE, 5));
        fails(c, "n", op(ComparisonOperator.GT, 5));
        fails(c, "absent", op(ComparisonOperator.GT, 5));
        holds(c, "s", op(ComparisonOperator.GT, "Zebra"));
        holds(c, "n", op(ComparisonOperator.NOT_NULL));
        fails(c, "absent", op(ComparisonOperator.NOT_NULL));
        holds(c, "absent", op(ComparisonOperator.NULL));
        fails(c, "n", op(ComparisonOperator.NULL));
        holds(c, "s", op(ComparisonOperator.CONTAINS, "ell"));
        holds(c, "tags", op(ComparisonOperator.CONTAINS, "red"));
        holds(c, "l", op(ComparisonOperator.CONTAINS, "x"));
        fails(c, "tags", op(ComparisonOperator.CONTAINS, "green"));
        holds(c, "tags", op(ComparisonOperator.NOT_CONTAINS, "green"));
        fails(c, "s", op(ComparisonOperator.NOT_CONTAINS, "ell"));
        fails(c, "absent", op(ComparisonOperator.NOT_CONTAINS, "x"));   // needs the attribute to exist
        holds(c, "s", op(ComparisonOperator.BEGINS_WITH, "he"));
        fails(c, "s", op(ComparisonOperator.BEGINS_WITH, "lo"));
        holds(c, "n", op(ComparisonOperator.IN, 1, 5, 9));
        fails(c, "n", op(ComparisonOperator.IN, 1, 9));
        holds(c, "n", op(ComparisonOperator.BETWEEN, 5, 6));
        fails(c, "n", op(ComparisonOperator.BETWEEN, 6, 9));
        holds(c, "n", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.EQ).value(av(5)).build());

        Map<String, ExpectedAttributeValue> oneOfTwo = new LinkedHashMap<>();
        oneOfTwo.put("n", op(ComparisonOperator.EQ, 6));
        oneOfTwo.put("s", op(ComparisonOperator.EQ, "hello"));
        c.add("Expected: two conditions are ANDed by default", expected(oneOfTwo, null))
                .expectError("ConditionalCheckFailedException");
        c.add("Expected: ConditionalOperator AND", expected(oneOfTwo, ConditionalOperator.AND))
                .expectError("ConditionalCheckFailedException");
        c.add("Expected: ConditionalOperator OR holds when one holds", expected(oneOfTwo, ConditionalOperator.OR))
                .expect(HOLDS);
        Map<String, ExpectedAttributeValue> neither = Map.of("n", op(ComparisonOperator.EQ, 6),
                "absent", op(ComparisonOperator.NOT_CONTAINS, "x"));
        c.add("Expected: ConditionalOperator OR fails when none holds", expected(neither, ConditionalOperator.OR))
                .expectError("ConditionalCheckFailedException");
        c.add("Expected on PutItem: Exists false on a new key puts the item", db -> {
            db.table("items", "pk:S");
            db.ddb().putItem(r -> r.tableName("items").item(item("pk", "new", "v", 1))
                    .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build())));
            return db.contents("items");
        }).expect(java.util.Set.of(item("pk", "new", "v", 1)));
        c.add("Expected on PutItem: Exists false on a stored key fails", db -> {
            db.table("items", "pk:S");
            db.put("items", STORED);
            db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a"))
                    .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build())));
            return HOLDS;
        }).expectError("ConditionalCheckFailedException");

        invalid(c, "Exists true without Value", Map.of("n", ExpectedAttributeValue.builder().exists(true).build()));
        invalid(c, "neither Value nor Exists", Map.of("n", ExpectedAttributeValue.builder().build()));
        invalid(c, "Exists false with Value", Map.of("n", ExpectedAttributeValue.builder().exists(false)
                .value(av(5)).build()));
        invalid(c, "Value and AttributeValueList together", Map.of("n", ExpectedAttributeValue.builder()
                .comparisonOperator(ComparisonOperator.EQ).value(av(5)).attributeValueList(av(5)).build()));
        invalid(c, "Exists and ComparisonOperator together", Map.of("n", ExpectedAttributeValue.builder()
                .comparisonOperator(ComparisonOperator.EQ).exists(true).value(av(5)).build()));
        invalid(c, "AttributeValueList without ComparisonOperator", Map.of("n", ExpectedAttributeValue.builder()
                .attributeValueList(av(5)).build()));
        invalid(c, "EQ without a value", Map.of("n", op(ComparisonOperator.EQ)));
        invalid(c, "NULL with a value", Map.of("n", op(ComparisonOperator.NULL, 5)));
        invalid(c, "BETWEEN with one value", Map.of("n", op(ComparisonOperator.BETWEEN, 5)));
        invalid(c, "BETWEEN with bounds of different types", Map.of("n", op(ComparisonOperator.BETWEEN, 1, "9")));
        invalid(c, "BETWEEN with the lower bound above the upper", Map.of("n", op(ComparisonOperator.BETWEEN, 9, 1)));
        invalid(c, "LT on a set value", Map.of("n", op(ComparisonOperator.LT, ns(1, 2))));
        invalid(c, "BEGINS_WITH on a number", Map.of("n", op(ComparisonOperator.BEGINS_WITH, 5)));
        invalid(c, "CONTAINS with a list value", Map.of("l", op(ComparisonOperator.CONTAINS, list(1))));
    }

    private static void attributesToGetCases(Cases c) {
        c.add("AttributesToGet on GetItem keeps those attributes", db -> {
            db.table("items", "pk:S");
            db.put("items", STORED);
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")).attributesToGet("n", "s", "nope"));
        }).expect(item("n", 5, "s", "hello"));
        c.add("AttributesToGet with a duplicate name is invalid", db -> {
            db.table("items", "pk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")).attributesToGet("n", "n"));
        }).expectError("ValidationException");
        c.add("AttributesToGet that is empty is invalid", db -> {
            db.table("items", "pk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")).attributesToGet(List.of()));
        }).expectError("ValidationException");
        c.add("AttributesToGet on BatchGetItem", db -> {
            db.table("items", "pk:S");
            db.put("items", STORED);
            return db.ddb().batchGetItem(r -> r.requestItems(Map.of("items", KeysAndAttributes.builder()
                    .keys(key("pk", "a")).attributesToGet("pk", "flag").build())));
        }).expect(Map.of("responses", Map.of("items", List.of(item("pk", "a", "flag", true))),
                "unprocessedKeys", java.util.Set.of()));
        c.add("AttributesToGet on Scan with Select SPECIFIC_ATTRIBUTES", db -> {
            numbers(db);
            return db.ddb().scan(r -> r.tableName("nums").attributesToGet("sk").select("SPECIFIC_ATTRIBUTES")
                    .scanFilter(Map.of("pk", cond(ComparisonOperator.EQ, "b"))));
        }).expect(Dsl.page(List.of(item("sk", 5)), 1, 5));
        c.add("AttributesToGet with Select COUNT is invalid", db -> {
            numbers(db);
            return db.ddb().scan(r -> r.tableName("nums").attributesToGet("sk").select("COUNT"));
        }).expectError("ValidationException");
    }

    private static ContractCase.Action keyConditions(Map<String, Condition> conditions) {
        return db -> {
            numbers(db);
            return db.ddb().query(r -> r.tableName("nums").keyConditions(conditions)).items().stream()
                    .map(i -> i.get("sk")).toList();
        };
    }

    private static void keyConditionCases(Cases c) {
        c.add("KeyConditions: EQ on the partition key", keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, "a"))))
                .expect(list(1, 2, 10, 20));
        c.add("KeyConditions: BETWEEN on the sort key", keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, "a"),
                "sk", cond(ComparisonOperator.BETWEEN, 2, 10)))).expect(list(2, 10));
        c.add("KeyConditions: GT on the sort key", keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, "a"),
                "sk", cond(ComparisonOperator.GT, 2)))).expect(list(10, 20));
        c.add("KeyConditions: LE on the sort key", keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, "a"),
                "sk", cond(ComparisonOperator.LE, 2)))).expect(list(1, 2));
        c.add("KeyConditions: NE is not an indexable operation", keyConditions(Map.of(
                "pk", cond(ComparisonOperator.EQ, "a"), "sk", cond(ComparisonOperator.NE, 2))))
                .expectError("ValidationException");
        c.add("KeyConditions: without the partition key", keyConditions(Map.of("sk", cond(ComparisonOperator.EQ, 2))))
                .expectError("ValidationException");
        c.add("KeyConditions: on a non-key attribute", keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, "a"),
                "v", cond(ComparisonOperator.EQ, "odd")))).expectError("ValidationException");
        c.add("KeyConditions: with a value of the wrong type", keyConditions(Map.of(
                "pk", cond(ComparisonOperator.EQ, 1)))).expectError("ValidationException");
        c.add("KeyConditions with FilterExpression is allowed", db -> {
            numbers(db);
            return db.ddb().query(r -> r.tableName("nums").keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, "a")))
                    .filterExpression("v = :v").expressionAttributeValues(values(":v", "odd")));
        }).expect(Dsl.page(List.of(item("pk", "a", "sk", 1, "v", "odd")), 1, 4));
    }

    private static void filterCases(Cases c) {
        c.add("QueryFilter: EQ", db -> {
            numbers(db);
            return db.ddb().query(r -> r.tableName("nums").keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, "a")))
                    .queryFilter(Map.of("v", cond(ComparisonOperator.EQ, "even"))));
        }).expect(Dsl.page(List.of(item("pk", "a", "sk", 2, "v", "even"), item("pk", "a", "sk", 10, "v", "even"),
                item("pk", "a", "sk", 20, "v", "even")), 3, 4));
        c.add("QueryFilter on a key attribute is invalid", db -> {
            numbers(db);
            return db.ddb().query(r -> r.tableName("nums").keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, "a")))
                    .queryFilter(Map.of("sk", cond(ComparisonOperator.EQ, 1))));
        }).expectError("ValidationException");
        c.add("ScanFilter: two conditions with OR", db -> {
            numbers(db);
            return db.ddb().scan(r -> r.tableName("nums").conditionalOperator(ConditionalOperator.OR)
                    .scanFilter(Map.of("sk", cond(ComparisonOperator.LT, 2), "pk", cond(ComparisonOperator.EQ, "b"))));
        }).expect(Dsl.page(List.of(item("pk", "a", "sk", 1, "v", "odd"), item("pk", "b", "sk", 5, "v", "odd")), 2, 5));
        c.add("ScanFilter: two conditions ANDed by default", db -> {
            numbers(db);
            return db.ddb().scan(r -> r.tableName("nums")
                    .scanFilter(Map.of("v", cond(ComparisonOperator.EQ, "odd"), "pk", cond(ComparisonOperator.EQ, "b"))));
        }).expect(Dsl.page(List.of(item("pk", "b", "sk", 5, "v", "odd")), 1, 5));
        c.add("ScanFilter: IN and NOT_NULL", db -> {
            numbers(db);
            return db.ddb().scan(r -> r.tableName("nums").scanFilter(Map.of(
                    "sk", cond(ComparisonOperator.IN, 1, 5), "v", cond(ComparisonOperator.NOT_NULL))));
        }).expect(Dsl.page(List.of(item("pk", "a", "sk", 1, "v", "odd"), item("pk", "b", "sk", 5, "v", "odd")), 2, 5));
    }

    private static AttributeValueUpdate update(AttributeAction action, Object value) {
        return AttributeValueUpdate.builder().action(action).value(value == null ? null : av(value)).build();
    }

    private static ContractCase.Action attributeUpdates(Map<String, AttributeValueUpdate> updates) {
        return db -> {
            db.table("items", "pk:S");
            db.put("items", STORED);
            return db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a")).attributeUpdates(updates)
                    .returnValues(ReturnValue.ALL_NEW));
        };
    }

    private static void attributeUpdateCases(Cases c) {
        Map<String, AttributeValueUpdate> all = new LinkedHashMap<>();
        all.put("s", update(AttributeAction.PUT, "bye"));
        all.put("n", update(AttributeAction.ADD, 2));
        all.put("tags", update(AttributeAction.DELETE, ss("red")));
        all.put("flag", update(AttributeAction.DELETE, null));
        all.put("more", update(AttributeAction.ADD, ss("x")));
        c.add("AttributeUpdates: PUT, ADD, DELETE from a set, DELETE an attribute", attributeUpdates(all))
                .expect(item("pk", "a", "n", 7, "s", "bye", "tags", ss("blue"), "l", list(1, "x"),
                        "more", ss("x")));
        c.add("AttributeUpdates: the action defaults to PUT", attributeUpdates(Map.of("s",
                AttributeValueUpdate.builder().value(av("new")).build()))).expect(
                item("pk", "a", "n", 5, "s", "new", "tags", ss("red", "blue"), "l", list(1, "x"), "flag", true));
        c.add("AttributeUpdates: ADD to a missing item creates it", db -> {
            db.table("items", "pk:S");
            db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "new"))
                    .attributeUpdates(Map.of("count", update(AttributeAction.ADD, 1))));
            return db.contents("items");
        }).expect(java.util.Set.of(item("pk", "new", "count", 1)));
        c.add("AttributeUpdates with Expected: the condition guards the update", db -> {
            db.table("items", "pk:S");
            db.put("items", STORED);
            db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a"))
                    .attributeUpdates(Map.of("n", update(AttributeAction.PUT, 1)))
                    .expected(Map.of("n", ExpectedAttributeValue.builder().value(av(4)).build())));
            return HOLDS;
        }).expectError("ConditionalCheckFailedException");
        c.add("AttributeUpdates: PUT without a value is invalid", attributeUpdates(Map.of("s",
                update(AttributeAction.PUT, null)))).expectError("ValidationException");
        c.add("AttributeUpdates: DELETE with a string value is invalid", attributeUpdates(Map.of("s",
                update(AttributeAction.DELETE, "hello")))).expectError("ValidationException");
        c.add("AttributeUpdates: ADD with a string value is invalid", attributeUpdates(Map.of("s",
                update(AttributeAction.ADD, "x")))).expectError("ValidationException");
        c.add("AttributeUpdates: a key attribute cannot be updated", attributeUpdates(Map.of("pk",
                update(AttributeAction.PUT, "b")))).expectError("ValidationException");
    }

    private static void mixingCases(Cases c) {
        c.add("mixing: Expected with ConditionExpression", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a"))
                    .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))
                    .conditionExpression("attribute_not_exists(pk)"));
        }).expectError("ValidationException");
        c.add("mixing: AttributeUpdates with UpdateExpression", db -> {
            db.table("items", "pk:S");
            return db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a"))
                    .attributeUpdates(Map.of("n", update(AttributeAction.PUT, 1))).updateExpression("SET m = :m")
                    .expressionAttributeValues(values(":m", 1)));
        }).expectError("ValidationException");
        c.add("mixing: Expected with ExpressionAttributeValues", db -> {
            db.table("items", "pk:S");
            return db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a"))
                    .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))
                    .expressionAttributeValues(values(":v", 1)));
        }).expectError("ValidationException");
        c.add("mixing: ScanFilter with ProjectionExpression", db -> {
            numbers(db);
            return db.ddb().scan(r -> r.tableName("nums").projectionExpression("sk")
                    .scanFilter(Map.of("v", cond(ComparisonOperator.EQ, "odd"))));
        }).expectError("ValidationException");
        c.add("mixing: QueryFilter with KeyConditionExpression", db -> {
            numbers(db);
            return db.ddb().query(r -> r.tableName("nums").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(values(":p", "a"))
                    .queryFilter(Map.of("v", cond(ComparisonOperator.EQ, "odd"))));
        }).expectError("ValidationException");
        c.add("mixing: KeyConditions with KeyConditionExpression", db -> {
            numbers(db);
            return db.ddb().query(r -> r.tableName("nums").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(values(":p", "a"))
                    .keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, "a"))));
        }).expectError("ValidationException");
        c.add("mixing: ConditionalOperator with FilterExpression", db -> {
            numbers(db);
            return db.ddb().scan(r -> r.tableName("nums").filterExpression("v = :v")
                    .expressionAttributeValues(values(":v", "odd")).conditionalOperator(ConditionalOperator.OR));
        }).expectError("ValidationException");
        c.add("ConditionalOperator without Expected is invalid", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a")).conditionalOperator(ConditionalOperator.AND));
        }).expectError("ValidationException");
        c.add("ConditionalOperator with one ScanFilter condition is invalid", db -> {
            numbers(db);
            return db.ddb().scan(r -> r.tableName("nums").conditionalOperator(ConditionalOperator.OR)
                    .scanFilter(Map.of("v", cond(ComparisonOperator.EQ, "odd"))));
        }).expectError("ValidationException");
        c.add("ConditionalOperator with KeyConditions and no QueryFilter is invalid", db -> {
            numbers(db);
            return db.ddb().query(r -> r.tableName("nums").conditionalOperator(ConditionalOperator.AND)
                    .keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, "a"))));
        }).expectError("ValidationException");
        c.add("KeyConditions with ProjectionExpression is allowed", db -> {
            numbers(db);
            return db.ddb().query(r -> r.tableName("nums").keyConditions(Map.of("pk", cond(ComparisonOperator.EQ, "b")))
                    .projectionExpression("v"));
        }).expect(Dsl.page(List.of(item("v", "odd")), 1, 1));
        c.add("mixing: ExpressionAttributeNames with AttributesToGet", db -> {
            db.table("items", "pk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")).attributesToGet("n")
                    .expressionAttributeNames(Map.of("#n", "n")));
        }).expectError("ValidationException");
    }
}
