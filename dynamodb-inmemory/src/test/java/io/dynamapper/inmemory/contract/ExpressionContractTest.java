package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.names;
import static io.dynamapper.inmemory.contract.Dsl.values;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Rules for ExpressionAttributeNames and ExpressionAttributeValues, and reserved words. */
final class ExpressionContractTest extends ContractSuite {

    /** An update on a stored item {pk: "a", v: 1} with the given expression, names and values. */
    static ContractCase.Action update(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        return db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "v", 1));
            db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a")).updateExpression(expression)
                    .expressionAttributeNames(names.isEmpty() ? null : names)
                    .expressionAttributeValues(values.isEmpty() ? null : values));
            return db.get("items", key("pk", "a"));
        };
    }

    @Override
    protected void define(Cases c) {
        c.add("a name placeholder stands for the attribute", update("SET #v = :v", names("#v", "v"), values(":v", 2)))
                .expect(item("pk", "a", "v", 2));
        c.add("a reserved word used bare is rejected", update("SET name = :v", names(), values(":v", "x")))
                .expectError("ValidationException");
        c.add("reserved words are case-insensitive", update("SET Name = :v", names(), values(":v", "x")))
                .expectError("ValidationException");
        c.add("a reserved word through a placeholder works", update("SET #n = :v", names("#n", "name"), values(":v", "x")))
                .expect(item("pk", "a", "v", 1, "name", "x"));
        c.add("a placeholder may name an attribute with a dot in its name",
                update("SET #d = :v", names("#d", "a.b"), values(":v", 1)))
                .expect(item("pk", "a", "v", 1, "a.b", 1));
        c.add("an unused expression attribute name is rejected",
                update("SET v = :v", names("#unused", "x"), values(":v", 2)))
                .expectError("ValidationException");
        c.add("an unused expression attribute value is rejected",
                update("SET v = :v", names(), values(":v", 2, ":unused", 3)))
                .expectError("ValidationException");
        c.add("an undefined expression attribute name is rejected", update("SET #v = :v", names(), values(":v", 2)))
                .expectError("ValidationException");
        c.add("an undefined expression attribute value is rejected", update("SET v = :v", names(), values()))
                .expectError("ValidationException");
        c.add("an empty ExpressionAttributeValues map is rejected", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a"))
                    .conditionExpression("attribute_not_exists(pk)").expressionAttributeValues(Map.of()));
        }).expectError("ValidationException");
        c.add("an expression attribute value with an empty set is rejected",
                update("ADD tags :t", names(), Map.of(":t", AttributeValue.fromSs(java.util.List.of()))))
                .expectError("ValidationException");
        c.add("names unused by the condition but used by the update are fine", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "v", 1));
            db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a")).updateExpression("SET #v = :two")
                    .conditionExpression("#v = :one").expressionAttributeNames(names("#v", "v"))
                    .expressionAttributeValues(values(":one", 1, ":two", 2)));
            return db.get("items", key("pk", "a"));
        }).expect(item("pk", "a", "v", 2));
        c.add("a placeholder on a get projection that is unused is rejected", db -> {
            db.table("items", "pk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")).projectionExpression("v")
                    .expressionAttributeNames(names("#x", "x")));
        }).expectError("ValidationException");
        c.add("an update expression with a syntax error is rejected", update("SET v == :v", names(), values(":v", 2)))
                .expectError("ValidationException");
        c.add("an unknown update clause is rejected", update("PUT v = :v", names(), values(":v", 2)))
                .expectError("ValidationException");
        c.add("an empty update expression is rejected", update("", names(), values()))
                .expectError("ValidationException");
    }
}
