package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.bytes;
import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.map;
import static io.dynamapper.inmemory.contract.Dsl.ss;
import static io.dynamapper.inmemory.contract.Dsl.values;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Condition expressions, evaluated by a conditional DeleteItem on one stored item: every
 * comparator, BETWEEN, IN, the functions, precedence of NOT/AND/OR, and what a failure returns.
 */
final class ConditionContractTest extends ContractSuite {

    static final Map<String, AttributeValue> STORED = item(
            "pk", "a", "n", 5, "s", "hello", "b", bytes(1, 2, 3), "flag", true, "nothing", null,
            "l", list(1, 2, 3), "m", map("x", 1, "y", map("z", "deep")), "tags", ss("red", "blue"));

    static final String HOLDS = "condition holds";

    /** Deletes the stored item under the condition; returns {@link #HOLDS} when the delete happened. */
    static ContractCase.Action condition(String expression, Map<String, AttributeValue> values) {
        return db -> {
            db.table("items", "pk:S");
            db.put("items", STORED);
            db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a")).conditionExpression(expression)
                    .expressionAttributeValues(values.isEmpty() ? null : values));
            return HOLDS;
        };
    }

    private static String name(String verdict, String expression, Object[] values) {
        return verdict + ": " + expression + (values.length == 0 ? "" : " where " + Normalizer.render(values(values)));
    }

    private static void holds(Cases c, String expression, Object... values) {
        c.add(name("holds", expression, values), condition(expression, values(values))).expect(HOLDS);
    }

    private static void fails(Cases c, String expression, Object... values) {
        c.add(name("fails", expression, values), condition(expression, values(values)))
                .expectError("ConditionalCheckFailedException");
    }

    private static void invalid(Cases c, String expression, Object... values) {
        c.add(name("invalid", expression, values), condition(expression, values(values))).expectError("ValidationException");
    }

    @Override
    protected void define(Cases c) {
        holds(c, "n = :v", ":v", 5);
        fails(c, "n = :v", ":v", 6);
        holds(c, "n <> :v", ":v", 6);
        fails(c, "n <> :v", ":v", 5);
        holds(c, "n < :v", ":v", 6);
        fails(c, "n < :v", ":v", 5);
        holds(c, "n <= :v", ":v", 5);
        fails(c, "n <= :v", ":v", 4);
        holds(c, "n > :v", ":v", 4);
        fails(c, "n > :v", ":v", 5);
        holds(c, "n >= :v", ":v", 5);
        fails(c, "n >= :v", ":v", 6);
        holds(c, "n < :ten", ":ten", 10);          // numbers compare numerically, not as text
        c.add("holds: n = :v where :v is 5.000 (numbers compare by value)",
                condition("n = :v", values(":v", Dsl.num("5.000")))).expect(HOLDS);
        holds(c, "s < :v", ":v", "help");           // strings compare by code point
        holds(c, "s > :v", ":v", "Zebra");          // upper case sorts before lower case
        holds(c, "b < :v", ":v", bytes(1, 2, 4));   // binaries compare bytewise
        fails(c, "n = :v", ":v", "5");              // a string never equals a number
        fails(c, "n < :v", ":v", "9");              // comparing different types is false
        fails(c, "absent = :v", ":v", 5);
        holds(c, "absent <> :v", ":v", 5);
        fails(c, "absent < :v", ":v", 5);
        invalid(c, "n = n");                        // the operands must differ
        fails(c, "n = s");                          // two attributes of different types
        holds(c, "NOT n = s");                      // ...and so the negation holds
        holds(c, "n BETWEEN :lo AND :hi", ":lo", 4, ":hi", 6);
        holds(c, "n BETWEEN :lo AND :hi", ":lo", 5, ":hi", 5);
        fails(c, "n BETWEEN :lo AND :hi", ":lo", 6, ":hi", 9);
        invalid(c, "n BETWEEN :lo AND :hi", ":lo", 9, ":hi", 6);
        holds(c, "n IN (:a, :b)", ":a", 1, ":b", 5);
        fails(c, "n IN (:a, :b)", ":a", 1, ":b", 2);
        holds(c, "s IN (:a)", ":a", "hello");
        holds(c, "attribute_exists(s)");
        fails(c, "attribute_exists(absent)");
        holds(c, "attribute_not_exists(absent)");
        fails(c, "attribute_not_exists(pk)");
        holds(c, "attribute_exists(m.y.z)");
        holds(c, "attribute_exists(l[2])");
        fails(c, "attribute_exists(l[3])");
        holds(c, "attribute_exists(nothing)");
        holds(c, "attribute_type(n, :t)", ":t", "N");
        fails(c, "attribute_type(n, :t)", ":t", "S");
        holds(c, "attribute_type(tags, :t)", ":t", "SS");
        holds(c, "attribute_type(nothing, :t)", ":t", "NULL");
        holds(c, "attribute_type(flag, :t)", ":t", "BOOL");
        holds(c, "attribute_type(l, :t)", ":t", "L");
        holds(c, "attribute_type(m, :t)", ":t", "M");
        holds(c, "attribute_type(b, :t)", ":t", "B");
        invalid(c, "attribute_type(n, :t)", ":t", "NUMBER");
        holds(c, "begins_with(s, :p)", ":p", "he");
        fails(c, "begins_with(s, :p)", ":p", "lo");
        holds(c, "begins_with(b, :p)", ":p", bytes(1, 2));
        holds(c, "contains(s, :p)", ":p", "ell");
        fails(c, "contains(s, :p)", ":p", "xyz");
        holds(c, "contains(tags, :p)", ":p", "red");
        fails(c, "contains(tags, :p)", ":p", "re");
        holds(c, "contains(l, :p)", ":p", 2);
        fails(c, "contains(l, :p)", ":p", 9);
        holds(c, "size(s) = :v", ":v", 5);
        holds(c, "size(l) = :v", ":v", 3);
        holds(c, "size(m) = :v", ":v", 2);
        holds(c, "size(tags) = :v", ":v", 2);
        holds(c, "size(b) = :v", ":v", 3);
        fails(c, "size(absent) = :v", ":v", 0);
        holds(c, "size(s) > size(l)");
        fails(c, "size(n) = :v", ":v", 1);     // size of a number is not defined: false, not an error
        holds(c, "m.y.z = :v", ":v", "deep");
        holds(c, "l[0] = :v", ":v", 1);
        holds(c, "m = :v", ":v", map("y", map("z", "deep"), "x", 1));   // maps are equal regardless of order
        holds(c, "l = :v", ":v", list(1, 2, 3));
        fails(c, "l = :v", ":v", list(3, 2, 1));                         // lists are ordered
        holds(c, "tags = :v", ":v", ss("blue", "red"));                  // sets are unordered
        holds(c, "nothing = :v", ":v", null);
        holds(c, "flag = :v", ":v", true);
        holds(c, "NOT n = :v", ":v", 6);
        // AND binds tighter than OR: true OR (false AND false)
        holds(c, "n = :five OR n = :one AND s = :x", ":five", 5, ":one", 1, ":x", "x");
        // parentheses override it: (true OR false) AND false
        fails(c, "(n = :five OR n = :one) AND s = :x", ":five", 5, ":one", 1, ":x", "x");
        // NOT binds tighter than AND: (NOT false) AND false
        fails(c, "NOT n = :one AND n = :one", ":one", 1);
        holds(c, "NOT (n = :one AND n = :one)", ":one", 1);
        holds(c, "NOT NOT n = :five", ":five", 5);
        invalid(c, "n = ");
        invalid(c, "unknown_function(n)");
        invalid(c, "n = :v AND", ":v", 5);

        c.add("attribute_not_exists on the key of a new item lets a put create it", db -> {
            db.table("items", "pk:S");
            db.ddb().putItem(r -> r.tableName("items").item(item("pk", "new")).conditionExpression("attribute_not_exists(pk)"));
            return db.contents("items");
        }).expect(java.util.Set.of(item("pk", "new")));

        c.add("attribute_exists on the key of a new item stops a put", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "new")).conditionExpression("attribute_exists(pk)"));
        }).expectError("ConditionalCheckFailedException");

        c.add("a failed condition leaves the item unchanged", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "v", 1));
            Outcome put = Db.attempt(() -> db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "v", 2))
                    .conditionExpression("v = :two").expressionAttributeValues(values(":two", 2))));
            return list(put, db.get("items", key("pk", "a")));
        }).expect(list(Dsl.error("ConditionalCheckFailedException", "ConditionalCheckFailedException"),
                item("pk", "a", "v", 1)));

        c.add("ReturnValuesOnConditionCheckFailure ALL_OLD returns the item with the error", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "v", 1));
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "v", 2))
                    .conditionExpression("v = :two").expressionAttributeValues(values(":two", 2))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        }).expectFailure("error ConditionalCheckFailedException code=ConditionalCheckFailedException status=400"
                + " item={pk: \"a\", v: 1}");

        c.add("ReturnValuesOnConditionCheckFailure ALL_OLD on a absent item returns no item", db -> {
            db.table("items", "pk:S");
            return db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a"))
                    .conditionExpression("attribute_exists(pk)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        }).expectFailure("error ConditionalCheckFailedException code=ConditionalCheckFailedException status=400");

        c.add("a failed condition without ReturnValuesOnConditionCheckFailure returns no item", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "v", 1));
            return db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a"))
                    .conditionExpression("attribute_not_exists(pk)"));
        }).expectFailure("error ConditionalCheckFailedException code=ConditionalCheckFailedException status=400");
    }
}
