package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.map;
import static io.dynamapper.inmemory.contract.Dsl.ns;
import static io.dynamapper.inmemory.contract.Dsl.ss;
import static io.dynamapper.inmemory.contract.Dsl.values;
import static io.dynamapper.inmemory.contract.Normalizer.NO_ATTRIBUTES;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** UpdateItem: SET, REMOVE, ADD, DELETE clauses, paths, ReturnValues and key rules. */
final class UpdateContractTest extends ContractSuite {

    static final Map<String, AttributeValue> STORED = item(
            "pk", "a", "n", 10, "s", "text", "l", list("x", "y", "z"), "m", map("k", map("leaf", 1)),
            "tags", ss("red", "blue"), "nums", ns(1, 2));

    /** Applies the update to the stored item and returns the item afterwards. */
    static ContractCase.Action update(String expression, Object... values) {
        return db -> {
            db.table("items", "pk:S");
            db.put("items", STORED);
            Map<String, AttributeValue> v = values(values);
            db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a")).updateExpression(expression)
                    .expressionAttributeValues(v.isEmpty() ? null : v));
            return db.get("items", key("pk", "a"));
        };
    }

    /** Applies {@code SET n = n + :one, s = :s} with the given ReturnValues; returns the response. */
    static ContractCase.Action returning(ReturnValue returnValue) {
        return db -> {
            db.table("items", "pk:S");
            db.put("items", STORED);
            return db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a"))
                    .updateExpression("SET n = n + :one, added = :new").returnValues(returnValue)
                    .expressionAttributeValues(values(":one", 1, ":new", "fresh")));
        };
    }

    /** The stored item with some attributes replaced (null value: removed). */
    static Map<String, AttributeValue> stored(Object... changes) {
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>(STORED);
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == REMOVED) {
                item.remove((String) changes[i]);
            } else {
                item.put((String) changes[i], Dsl.av(changes[i + 1]));
            }
        }
        return item;
    }

    static final Object REMOVED = new Object();

    @Override
    protected void define(Cases c) {
        c.add("SET replaces and adds attributes", update("SET s = :s, fresh = :f", ":s", "new", ":f", 1))
                .expect(stored("s", "new", "fresh", 1));
        c.add("SET with + adds to a number", update("SET n = n + :d", ":d", 5)).expect(stored("n", 15));
        c.add("SET with - subtracts from a number", update("SET n = n - :d", ":d", 15)).expect(stored("n", -5));
        c.add("SET with + of a missing attribute is rejected", update("SET n = absent + :d", ":d", 1))
                .expectError("ValidationException");
        c.add("SET with + of a string is rejected", update("SET n = s + :d", ":d", 1))
                .expectError("ValidationException");
        c.add("SET if_not_exists keeps an existing value", update("SET n = if_not_exists(n, :d)", ":d", 99))
                .expect(STORED);
        c.add("SET if_not_exists sets a missing value", update("SET z = if_not_exists(z, :d)", ":d", 99))
                .expect(stored("z", 99));
        c.add("SET if_not_exists combined with +", update("SET z = if_not_exists(z, :zero) + :one", ":zero", 0, ":one", 1))
                .expect(stored("z", 1));
        c.add("SET list_append appends", update("SET l = list_append(l, :more)", ":more", list("w")))
                .expect(stored("l", list("x", "y", "z", "w")));
        c.add("SET list_append prepends", update("SET l = list_append(:more, l)", ":more", list("w")))
                .expect(stored("l", list("w", "x", "y", "z")));
        c.add("SET list_append with a non-list is rejected", update("SET l = list_append(l, :more)", ":more", "w"))
                .expectError("ValidationException");
        c.add("SET of a nested map path", update("SET m.k.leaf = :v, m.k2 = :o", ":v", 2, ":o", "o"))
                .expect(stored("m", map("k", map("leaf", 2), "k2", "o")));
        c.add("SET of a path through a missing map is rejected", update("SET absent.k = :v", ":v", 1))
                .expectError("ValidationException");
        c.add("SET of a list element replaces it", update("SET l[1] = :v", ":v", "Y"))
                .expect(stored("l", list("x", "Y", "z")));
        c.add("SET of a list index past the end appends", update("SET l[10] = :v", ":v", "end"))
                .expect(stored("l", list("x", "y", "z", "end")));
        c.add("SET of the same attribute twice is rejected", update("SET s = :a, s = :b", ":a", "a", ":b", "b"))
                .expectError("ValidationException");
        c.add("SET of overlapping paths is rejected", update("SET m = :a, m.k = :b", ":a", map(), ":b", 1))
                .expectError("ValidationException");
        c.add("REMOVE deletes attributes", update("REMOVE s, n")).expect(stored("s", REMOVED, "n", REMOVED));
        c.add("REMOVE of a missing attribute is a no-op", update("REMOVE absent")).expect(STORED);
        c.add("REMOVE of list elements shifts the rest down", update("REMOVE l[0], l[2]"))
                .expect(stored("l", list("y")));
        c.add("REMOVE of a nested map entry", update("REMOVE m.k.leaf")).expect(stored("m", map("k", map())));
        c.add("ADD to a number", update("ADD n :d", ":d", -3)).expect(stored("n", 7));
        c.add("ADD to a missing number starts from zero", update("ADD hits :d", ":d", 3))
                .expect(stored("hits", 3));
        c.add("ADD to a string set unions", update("ADD tags :t", ":t", ss("red", "green")))
                .expect(stored("tags", ss("red", "blue", "green")));
        c.add("ADD to a number set unions", update("ADD nums :t", ":t", ns(2, 3)))
                .expect(stored("nums", ns(1, 2, 3)));
        c.add("ADD of a set of another type is rejected", update("ADD tags :t", ":t", ns(1)))
                .expectError("ValidationException");
        c.add("ADD to a string is rejected", update("ADD s :d", ":d", 1)).expectError("ValidationException");
        c.add("DELETE from a set removes elements", update("DELETE tags :t", ":t", ss("red", "purple")))
                .expect(stored("tags", ss("blue")));
        c.add("DELETE of every element removes the attribute", update("DELETE tags :t", ":t", ss("red", "blue")))
                .expect(stored("tags", REMOVED));
        c.add("DELETE with a non-set value is rejected", update("DELETE tags :t", ":t", "red"))
                .expectError("ValidationException");
        c.add("all four clauses in one update", update("SET s = :s REMOVE n ADD nums :n DELETE tags :t",
                ":s", "S", ":n", ns(9), ":t", ss("red")))
                .expect(stored("s", "S", "n", REMOVED, "nums", ns(1, 2, 9), "tags", ss("blue")));
        c.add("a clause given twice is rejected", update("SET s = :s SET n = :n", ":s", "S", ":n", 1))
                .expectError("ValidationException");
        c.add("updating the hash key is rejected", update("SET pk = :v", ":v", "b")).expectError("ValidationException");
        c.add("removing the hash key is rejected", update("REMOVE pk")).expectError("ValidationException");

        c.add("updating the range key is rejected", db -> {
            db.table("items", "pk:S", "sk:N");
            db.put("items", item("pk", "a", "sk", 1));
            return db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a", "sk", 1))
                    .updateExpression("SET sk = :v").expressionAttributeValues(values(":v", 2)));
        }).expectError("ValidationException");

        c.add("update of a missing item creates it from the key and the SET values", db -> {
            db.table("items", "pk:S", "sk:N");
            db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "new", "sk", 1))
                    .updateExpression("SET v = :v ADD c :one").expressionAttributeValues(values(":v", "x", ":one", 1)));
            return db.contents("items");
        }).expect(java.util.Set.of(item("pk", "new", "sk", 1, "v", "x", "c", 1)));

        c.add("update without an expression of a missing item creates the bare key", db -> {
            db.table("items", "pk:S");
            db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "new")));
            return db.contents("items");
        }).expect(java.util.Set.of(item("pk", "new")));

        c.add("update with only REMOVE of a missing item creates the bare key", db -> {
            db.table("items", "pk:S");
            db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "new")).updateExpression("REMOVE v"));
            return db.contents("items");
        }).expect(java.util.Set.of(item("pk", "new")));

        c.add("update with a condition on a missing item fails", db -> {
            db.table("items", "pk:S");
            return db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "new"))
                    .updateExpression("SET v = :v").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(values(":v", 1)));
        }).expectError("ConditionalCheckFailedException");

        c.add("ReturnValues NONE returns no attributes", returning(ReturnValue.NONE)).expect(NO_ATTRIBUTES);
        c.add("ReturnValues ALL_OLD returns the item before", returning(ReturnValue.ALL_OLD)).expect(STORED);
        c.add("ReturnValues ALL_NEW returns the item after", returning(ReturnValue.ALL_NEW))
                .expect(stored("n", 11, "added", "fresh"));
        c.add("ReturnValues UPDATED_OLD returns the old values of updated attributes", returning(ReturnValue.UPDATED_OLD))
                .expect(item("n", 10));
        c.add("ReturnValues UPDATED_NEW returns the new values of updated attributes", returning(ReturnValue.UPDATED_NEW))
                .expect(item("n", 11, "added", "fresh"));

        c.add("ReturnValues UPDATED_NEW of a nested SET returns the enclosing path only", db -> {
            db.table("items", "pk:S");
            db.put("items", STORED);
            return db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a")).updateExpression("SET m.k.leaf = :v")
                    .expressionAttributeValues(values(":v", 5)).returnValues(ReturnValue.UPDATED_NEW));
        }).expect(item("m", map("k", map("leaf", 5))));

        c.add("ReturnValues ALL_OLD of a created item returns no attributes", db -> {
            db.table("items", "pk:S");
            return db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "new")).updateExpression("SET v = :v")
                    .expressionAttributeValues(values(":v", 1)).returnValues(ReturnValue.ALL_OLD));
        }).expect(NO_ATTRIBUTES);

        c.add("ConditionalCheckFailedException of an update carries ALL_OLD when asked", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "version", 3));
            return db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a"))
                    .updateExpression("SET version = :next").conditionExpression("version = :expected")
                    .expressionAttributeValues(values(":next", 2, ":expected", 1))
                    .returnValuesOnConditionCheckFailure("ALL_OLD"));
        }).expectFailure("error ConditionalCheckFailedException code=ConditionalCheckFailedException status=400"
                + " item={pk: \"a\", version: 3}");
    }
}
