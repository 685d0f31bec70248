package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.bytes;
import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.map;
import static io.dynamapper.inmemory.contract.Dsl.names;
import static io.dynamapper.inmemory.contract.Dsl.ns;
import static io.dynamapper.inmemory.contract.Dsl.ss;
import static io.dynamapper.inmemory.contract.Normalizer.NO_ATTRIBUTES;
import static io.dynamapper.inmemory.contract.Normalizer.NO_ITEM;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** PutItem, GetItem and DeleteItem: round trips, ReturnValues, key validation, projections. */
final class ItemContractTest extends ContractSuite {

    /**
     * An item with one attribute of every type, nested documents included. (Not named "nul": the
     * embedded DynamoDB Local 2.6.1 once returned an attribute named {@code nul} twice, also as {@code null}.)
     */
    static final Map<String, AttributeValue> RICH = item(
            "pk", "a", "s", "text", "n", 42, "b", bytes(1, 2, 0xff), "bool", true, "none", null,
            "ss", ss("x", "y"), "ns", ns(3, 1, 2), "bs", Dsl.bs(bytes(2), bytes(1)),
            "l", list(1, "two", list(3), map("k", "v")),
            "m", map("kid", map("leaf", "value"), "entries", list(map("tag", "first"), map("tag", "second"))));

    /** "items" (pk:S) holding {@link #RICH}. */
    static void rich(Db db) {
        db.table("items", "pk:S");
        db.put("items", RICH);
    }

    static Object project(Db db, String projection, Map<String, String> names) {
        rich(db);
        return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")).projectionExpression(projection)
                .expressionAttributeNames(names.isEmpty() ? null : names));
    }

    static ContractCase.Action projecting(String projection) {
        return db -> project(db, projection, Map.of());
    }

    @Override
    protected void define(Cases c) {
        c.add("put then get returns every attribute type unchanged", db -> {
            rich(db);
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")));
        }).expect(RICH);

        c.add("get of a missing item returns no item", db -> {
            db.table("items", "pk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "nobody")));
        }).expect(NO_ITEM);

        c.add("get with ConsistentRead returns the item", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "v", 1));
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")).consistentRead(true));
        }).expect(item("pk", "a", "v", 1));

        c.add("items with the same hash key and different range keys are distinct", db -> {
            db.table("items", "pk:S", "sk:N");
            db.put("items", item("pk", "a", "sk", 1, "v", "one"), item("pk", "a", "sk", 2, "v", "two"));
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a", "sk", 2)));
        }).expect(item("pk", "a", "sk", 2, "v", "two"));

        c.add("put replaces the whole item, dropping attributes the new item lacks", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "old", 1, "keep", 2));
            db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "new", 3)));
            return db.get("items", key("pk", "a"));
        }).expect(item("pk", "a", "new", 3));

        c.add("put with ReturnValues ALL_OLD returns the replaced item", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "v", "old"));
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "v", "new"))
                    .returnValues(ReturnValue.ALL_OLD));
        }).expect(item("pk", "a", "v", "old"));

        c.add("put with ReturnValues ALL_OLD of a new item returns no attributes", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a")).returnValues(ReturnValue.ALL_OLD));
        }).expect(NO_ATTRIBUTES);

        c.add("put without ReturnValues returns no attributes", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "v", "old"));
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "v", "new")));
        }).expect(NO_ATTRIBUTES);

        c.add("put with ReturnValues ALL_NEW is rejected", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a")).returnValues(ReturnValue.ALL_NEW));
        }).expectError("ValidationException");

        c.add("put with ReturnValues UPDATED_OLD is rejected", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a")).returnValues(ReturnValue.UPDATED_OLD));
        }).expectError("ValidationException");

        c.add("delete removes the item", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a"), item("pk", "b"));
            db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a")));
            return db.contents("items");
        }).expect(java.util.Set.of(item("pk", "b")));

        c.add("delete with ReturnValues ALL_OLD returns the deleted item", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "v", 1));
            return db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a")).returnValues(ReturnValue.ALL_OLD));
        }).expect(item("pk", "a", "v", 1));

        c.add("delete of a missing item succeeds and returns no attributes", db -> {
            db.table("items", "pk:S");
            return db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a")).returnValues(ReturnValue.ALL_OLD));
        }).expect(NO_ATTRIBUTES);

        c.add("delete with ReturnValues ALL_NEW is rejected", db -> {
            db.table("items", "pk:S");
            return db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a")).returnValues(ReturnValue.ALL_NEW));
        }).expectError("ValidationException");

        c.add("get with a key lacking the range key is rejected", db -> {
            db.table("items", "pk:S", "sk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")));
        }).expectError("ValidationException");

        c.add("get with a non-key attribute in the key is rejected", db -> {
            db.table("items", "pk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a", "other", 1)));
        }).expectError("ValidationException");

        c.add("get with a key of the wrong type is rejected", db -> {
            db.table("items", "pk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", 1)));
        }).expectError("ValidationException");

        c.add("delete with a key of the wrong type is rejected", db -> {
            db.table("items", "pk:S", "sk:N");
            return db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a", "sk", "1")));
        }).expectError("ValidationException");

        c.add("projection of top-level attributes returns only them", projecting("s, n"))
                .expect(item("s", "text", "n", 42));

        c.add("projection of a nested map path returns the enclosing maps", projecting("m.kid.leaf"))
                .expect(item("m", map("kid", map("leaf", "value"))));

        c.add("projection of a list element returns a one-element list", projecting("l[1]"))
                .expect(item("l", list("two")));

        c.add("projection of several list elements keeps them in index order", projecting("l[3], l[0]"))
                .expect(item("l", list(1, map("k", "v"))));

        c.add("projection through a list of maps", projecting("m.entries[1].tag"))
                .expect(item("m", map("entries", list(map("tag", "second")))));

        c.add("projection of a list index past the end leaves the attribute out", projecting("s, l[9]"))
                .expect(item("s", "text"));

        c.add("projection of only missing attributes returns an empty item", projecting("nothing, m.nothing"))
                .expect(item());

        c.add("projection of a reserved word without a placeholder is rejected", projecting("m.kid, name"))
                .expectError("ValidationException");

        c.add("projection with expression attribute names", db ->
                project(db, "#m.#i, #s", names("#m", "m", "#i", "kid", "#s", "s")))
                .expect(item("m", map("kid", map("leaf", "value")), "s", "text"));

        c.add("projection with overlapping paths is rejected", projecting("m, m.kid"))
                .expectError("ValidationException");

        c.add("projection naming an attribute twice is rejected", projecting("s, s"))
                .expectError("ValidationException");

        c.add("projection with a syntax error is rejected", projecting("s,, n"))
                .expectError("ValidationException");
    }
}
