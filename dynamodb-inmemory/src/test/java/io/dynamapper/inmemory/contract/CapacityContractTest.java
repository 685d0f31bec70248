package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.map;
import static io.dynamapper.inmemory.contract.Dsl.text;
import static io.dynamapper.inmemory.contract.Dsl.values;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ReturnConsumedCapacity and ReturnItemCollectionMetrics, with the charges the DynamoDB developer guide
 * states: reads in 4 KB units (eventually consistent halved), writes in 1 KB units, at least one unit,
 * transactions doubled, index writes by what changes in the index entry, query and scan sized before the
 * filter, batches per table. Item sizes in comments are DynamoDB's (name length plus value length).
 */
final class CapacityContractTest extends ContractSuite {

    private static final ReturnConsumedCapacity TOTAL = ReturnConsumedCapacity.TOTAL;
    private static final ReturnConsumedCapacity INDEXES = ReturnConsumedCapacity.INDEXES;

    /** What a ConsumedCapacity says, rendered without nulls. */
    static Object cc(ConsumedCapacity c) {
        if (c == null) {
            return Normalizer.NO_ATTRIBUTES;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("table", c.tableName());
        out.put("units", c.capacityUnits());
        if (c.table() != null) {
            out.put("tableUnits", c.table().capacityUnits());
        }
        if (c.hasGlobalSecondaryIndexes()) {
            Map<String, Object> g = new TreeMap<>();
            c.globalSecondaryIndexes().forEach((k, v) -> g.put(k, v.capacityUnits()));
            out.put("global", g);
        }
        if (c.hasLocalSecondaryIndexes()) {
            Map<String, Object> l = new TreeMap<>();
            c.localSecondaryIndexes().forEach((k, v) -> l.put(k, v.capacityUnits()));
            out.put("local", l);
        }
        return out;
    }

    static Object ccs(List<ConsumedCapacity> list) {
        return list.stream().map(CapacityContractTest::cc).toList();
    }

    static Object icm(ItemCollectionMetrics m) {
        if (m == null) {
            return Normalizer.NO_ATTRIBUTES;
        }
        return map("key", m.itemCollectionKey(), "sizeGB", m.sizeEstimateRangeGB());
    }

    /** "items" (pk:S) with a GSI "byG" on g (ALL) and a GSI "keysByG" on g (KEYS_ONLY). */
    static void indexed(Db db) {
        db.create("items", b -> b.billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(def("pk"), def("g"))
                .globalSecondaryIndexes(
                        gsi -> gsi.indexName("byG").keySchema(hash("g")).projection(p -> p.projectionType(ProjectionType.ALL)),
                        gsi -> gsi.indexName("keysByG").keySchema(hash("g"))
                                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))), "pk:S");
    }

    /** "coll" (pk:S, sk:S) with a local index "byL" on l. */
    static void local(Db db) {
        db.create("coll", b -> b.billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(def("pk"), def("sk"), def("l"))
                .localSecondaryIndexes(lsi -> lsi.indexName("byL").keySchema(hash("pk"), range("l"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))), "pk:S", "sk:S");
    }

    static AttributeDefinition def(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType("S").build();
    }

    static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }

    static Consumer<CreateTableRequest.Builder> onDemand() {
        return b -> b.billingMode("PAY_PER_REQUEST");
    }

    @Override
    protected void define(Cases cases) {
        cases.add("GetItem, eventually consistent: half a unit for an item up to 4 KB", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "body", text(4000)));
            return cc(db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")).returnConsumedCapacity(TOTAL))
                    .consumedCapacity());
        }).expect(map("table", "items", "units", 0.5));

        cases.add("GetItem, strongly consistent: one unit per 4 KB, rounded up", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "body", text(5000)));   // 5007 bytes
            return cc(db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")).consistentRead(true)
                    .returnConsumedCapacity(TOTAL)).consumedCapacity());
        }).expect(map("table", "items", "units", 2.0));

        cases.add("GetItem of a missing item still costs the minimum", db -> {
            db.table("items", "pk:S");
            return cc(db.ddb().getItem(r -> r.tableName("items").key(key("pk", "none")).returnConsumedCapacity(TOTAL))
                    .consumedCapacity());
        }).expect(map("table", "items", "units", 0.5));

        cases.add("GetItem with INDEXES reports the table alone", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a"));
            return cc(db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")).consistentRead(true)
                    .returnConsumedCapacity(INDEXES)).consumedCapacity());
        }).expect(map("table", "items", "units", 1.0, "tableUnits", 1.0));

        cases.add("no ReturnConsumedCapacity, or NONE: no ConsumedCapacity", db -> {
            db.table("items", "pk:S");
            var none = db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a"))
                    .returnConsumedCapacity(ReturnConsumedCapacity.NONE)).consumedCapacity();
            var absent = db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a"))).consumedCapacity();
            return map("none", cc(none), "absent", cc(absent));
        }).expect(map("none", Normalizer.NO_ATTRIBUTES, "absent", Normalizer.NO_ATTRIBUTES));

        cases.add("PutItem: one unit per KB of the new item, rounded up", db -> {
            db.table("items", "pk:S");
            return cc(db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "body", text(1500)))
                    .returnConsumedCapacity(TOTAL)).consumedCapacity());
        }).expect(map("table", "items", "units", 2.0));

        cases.add("PutItem over a larger item is charged for the larger of the two", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "body", text(3000)));
            return cc(db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a"))
                    .returnConsumedCapacity(TOTAL)).consumedCapacity());
        }).expect(map("table", "items", "units", 3.0));

        cases.add("UpdateItem is charged for the larger of the item before and after", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "body", text(100)));
            return cc(db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a"))
                    .updateExpression("SET more = :m").expressionAttributeValues(values(":m", text(2100)))
                    .returnConsumedCapacity(TOTAL)).consumedCapacity());
        }).expect(map("table", "items", "units", 3.0));

        cases.add("DeleteItem is charged for the deleted item, and one unit when nothing is there", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "body", text(2000)));
            var present = db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a"))
                    .returnConsumedCapacity(TOTAL)).consumedCapacity();
            var missing = db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a"))
                    .returnConsumedCapacity(TOTAL)).consumedCapacity();
            return map("present", cc(present), "missing", cc(missing));
        }).expect(map("present", map("table", "items", "units", 2.0), "missing", map("table", "items", "units", 1.0)));

        cases.add("PutItem with INDEXES: one write per index the item enters", db -> {
            indexed(db);
            return cc(db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "g", "x"))
                    .returnConsumedCapacity(INDEXES)).consumedCapacity());
        }).expect(map("table", "items", "units", 3.0, "tableUnits", 1.0, "global", map("byG", 1.0, "keysByG", 1.0)));

        cases.add("PutItem with TOTAL folds the index writes into one figure", db -> {
            indexed(db);
            return cc(db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "g", "x"))
                    .returnConsumedCapacity(TOTAL)).consumedCapacity());
        }).expect(map("table", "items", "units", 3.0));

        cases.add("an item without the index key costs the index nothing (sparse index)", db -> {
            indexed(db);
            return cc(db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "other", "x"))
                    .returnConsumedCapacity(INDEXES)).consumedCapacity());
        }).expect(map("table", "items", "units", 1.0, "tableUnits", 1.0));

        cases.add("changing the index key costs two index writes: delete the old entry, put the new", db -> {
            indexed(db);
            db.put("items", item("pk", "a", "g", "x"));
            return cc(db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a"))
                    .updateExpression("SET g = :g").expressionAttributeValues(values(":g", "y"))
                    .returnConsumedCapacity(INDEXES)).consumedCapacity());
        }).expect(map("table", "items", "units", 5.0, "tableUnits", 1.0, "global", map("byG", 2.0, "keysByG", 2.0)));

        cases.add("changing an attribute only an ALL index projects costs that index one write", db -> {
            indexed(db);
            db.put("items", item("pk", "a", "g", "x", "v", 1));
            return cc(db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a"))
                    .updateExpression("SET v = :v").expressionAttributeValues(values(":v", 2))
                    .returnConsumedCapacity(INDEXES)).consumedCapacity());
        }).expect(map("table", "items", "units", 2.0, "tableUnits", 1.0, "global", map("byG", 1.0)));

        cases.add("an identical overwrite costs the indexes nothing", db -> {
            indexed(db);
            db.put("items", item("pk", "a", "g", "x", "v", 1));
            return cc(db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "g", "x", "v", 1))
                    .returnConsumedCapacity(INDEXES)).consumedCapacity());
        }).expect(map("table", "items", "units", 1.0, "tableUnits", 1.0));

        cases.add("removing the index key costs one index write to delete the entry", db -> {
            indexed(db);
            db.put("items", item("pk", "a", "g", "x"));
            return cc(db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a")).updateExpression("REMOVE g")
                    .returnConsumedCapacity(INDEXES)).consumedCapacity());
        }).expect(map("table", "items", "units", 3.0, "tableUnits", 1.0, "global", map("byG", 1.0, "keysByG", 1.0)));

        cases.add("Query is sized before the filter: all items read, rounded up once", db -> {
            db.table("items", "pk:S", "sk:N");
            for (int i = 0; i < 3; i++) {
                db.put("items", item("pk", "a", "sk", i, "body", text(1700)));   // about 1.7 KB each
            }
            return cc(db.ddb().query(r -> r.tableName("items").keyConditionExpression("pk = :p")
                    .filterExpression("attribute_not_exists(body)").expressionAttributeValues(values(":p", "a"))
                    .returnConsumedCapacity(TOTAL)).consumedCapacity());
        }).expect(map("table", "items", "units", 1.0));

        cases.add("Query with a projection is charged for whole items, strongly consistent", db -> {
            db.table("items", "pk:S", "sk:N");
            for (int i = 0; i < 3; i++) {
                db.put("items", item("pk", "a", "sk", i, "body", text(1700)));
            }
            return cc(db.ddb().query(r -> r.tableName("items").keyConditionExpression("pk = :p")
                    .projectionExpression("sk").consistentRead(true).expressionAttributeValues(values(":p", "a"))
                    .returnConsumedCapacity(TOTAL)).consumedCapacity());
        }).expect(map("table", "items", "units", 2.0));

        cases.add("Query that finds nothing costs the minimum", db -> {
            db.table("items", "pk:S", "sk:N");
            return cc(db.ddb().query(r -> r.tableName("items").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(values(":p", "a")).returnConsumedCapacity(TOTAL)).consumedCapacity());
        }).expect(map("table", "items", "units", 0.5));

        cases.add("Query on a global index is charged to the index", db -> {
            indexed(db);
            db.put("items", item("pk", "a", "g", "x"), item("pk", "b", "g", "x"));
            return cc(db.ddb().query(r -> r.tableName("items").indexName("byG").keyConditionExpression("g = :g")
                    .expressionAttributeValues(values(":g", "x")).returnConsumedCapacity(INDEXES)).consumedCapacity());
        }).expect(map("table", "items", "units", 0.5, "global", map("byG", 0.5)));

        cases.add("Query on a local index reading unprojected attributes also reads each item from the table", db -> {
            db.create("coll", b -> b.billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(def("pk"), def("sk"), def("l"))
                    .localSecondaryIndexes(lsi -> lsi.indexName("byL").keySchema(hash("pk"), range("l"))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))), "pk:S", "sk:S");
            db.put("coll", item("pk", "a", "sk", "1", "l", "x", "body", text(5000)),
                    item("pk", "a", "sk", "2", "l", "y", "body", text(100)));
            var keysOnly = db.ddb().query(r -> r.tableName("coll").indexName("byL").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(values(":p", "a")).consistentRead(true)
                    .returnConsumedCapacity(INDEXES)).consumedCapacity();
            var fetching = db.ddb().query(r -> r.tableName("coll").indexName("byL").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(values(":p", "a")).consistentRead(true).select("ALL_ATTRIBUTES")
                    .returnConsumedCapacity(INDEXES)).consumedCapacity();
            return map("keysOnly", cc(keysOnly), "fetching", cc(fetching));
        }).expect(map("keysOnly", map("table", "coll", "units", 1.0, "local", map("byL", 1.0)),
                "fetching", map("table", "coll", "units", 4.0, "tableUnits", 3.0, "local", map("byL", 1.0))));

        cases.add("Scan is sized before the filter", db -> {
            db.table("items", "pk:S");
            for (int i = 0; i < 5; i++) {
                db.put("items", item("pk", "k" + i, "body", text(2000)));   // about 10 KB in all
            }
            return cc(db.ddb().scan(r -> r.tableName("items").filterExpression("attribute_not_exists(body)")
                    .consistentRead(true).returnConsumedCapacity(TOTAL)).consumedCapacity());
        }).expect(map("table", "items", "units", 3.0));

        cases.add("BatchGetItem rounds each item up on its own, per table", db -> {
            db.table("items", "pk:S");
            db.table("other", "pk:S");
            db.put("items", item("pk", "a"), item("pk", "b"));
            db.put("other", item("pk", "c", "body", text(5000)));
            var response = db.ddb().batchGetItem(r -> r.requestItems(Map.of(
                    "items", KeysAndAttributes.builder().keys(key("pk", "a"), key("pk", "b")).build(),
                    "other", KeysAndAttributes.builder().keys(key("pk", "c")).consistentRead(true).build()))
                    .returnConsumedCapacity(TOTAL));
            return new Normalizer.Unordered(response.consumedCapacity().stream().map(CapacityContractTest::cc).toList());
        }).expect(new Normalizer.Unordered(List.of(map("table", "items", "units", 1.0),
                map("table", "other", "units", 2.0))));

        cases.add("BatchWriteItem reports each table", db -> {
            db.table("items", "pk:S");
            db.table("other", "pk:S");
            var response = db.ddb().batchWriteItem(r -> r.requestItems(Map.of(
                    "items", List.of(put(item("pk", "a")), put(item("pk", "b", "body", text(1100)))),
                    "other", List.of(put(item("pk", "c"))))).returnConsumedCapacity(TOTAL));
            return new Normalizer.Unordered(response.consumedCapacity().stream().map(CapacityContractTest::cc).toList());
        }).expect(new Normalizer.Unordered(List.of(map("table", "items", "units", 3.0),
                map("table", "other", "units", 1.0))));

        cases.add("TransactWriteItems costs two units per KB written", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "c"));
            return ccs(db.ddb().transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName("items").item(item("pk", "a"))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName("items").item(item("pk", "b", "body", text(1100))))
                            .build(),
                    TransactWriteItem.builder().conditionCheck(c -> c.tableName("items").key(key("pk", "c"))
                            .conditionExpression("attribute_exists(pk)")).build())
                    .returnConsumedCapacity(TOTAL)).consumedCapacity());
        }).expect(List.of(map("table", "items", "units", 8.0)));

        cases.add("TransactGetItems costs two units per 4 KB read", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a"), item("pk", "b", "body", text(5000)));
            return ccs(db.ddb().transactGetItems(r -> r.transactItems(
                    TransactGetItem.builder().get(g -> g.tableName("items").key(key("pk", "a"))).build(),
                    TransactGetItem.builder().get(g -> g.tableName("items").key(key("pk", "b"))).build())
                    .returnConsumedCapacity(TOTAL)).consumedCapacity());
        }).expect(List.of(map("table", "items", "units", 6.0)));

        cases.add("ExecuteStatement: a SELECT is charged as the read it makes, an INSERT as the write", db -> {
            db.table("items", "pk:S", "sk:N");
            db.put("items", item("pk", "a", "sk", 1, "body", text(5000)), item("pk", "a", "sk", 2));
            var select = db.ddb().executeStatement(r -> r.statement("SELECT * FROM items WHERE pk = 'a'")
                    .returnConsumedCapacity(TOTAL)).consumedCapacity();
            var insert = db.ddb().executeStatement(r -> r.statement("INSERT INTO items VALUE {'pk': 'b', 'sk': 1}")
                    .returnConsumedCapacity(INDEXES)).consumedCapacity();
            var none = db.ddb().executeStatement(r -> r.statement("SELECT * FROM items WHERE pk = 'b'"))
                    .consumedCapacity();
            return map("select", cc(select), "insert", cc(insert), "none", cc(none));
        }).expect(map("select", map("table", "items", "units", 1.0),
                "insert", map("table", "items", "units", 1.0, "tableUnits", 1.0), "none", Normalizer.NO_ATTRIBUTES));

        cases.add("BatchExecuteStatement and ExecuteTransaction report capacity per table", db -> {
            db.table("items", "pk:S", "sk:N");
            db.put("items", item("pk", "a", "sk", 1));
            var batch = db.ddb().batchExecuteStatement(r -> r.statements(
                    s1 -> s1.statement("SELECT * FROM items WHERE pk = 'a' AND sk = 1"),
                    s2 -> s2.statement("SELECT * FROM items WHERE pk = 'a' AND sk = 2"))
                    .returnConsumedCapacity(TOTAL)).consumedCapacity();
            var transaction = db.ddb().executeTransaction(r -> r.transactStatements(
                    s1 -> s1.statement("INSERT INTO items VALUE {'pk': 'b', 'sk': 1}"),
                    s2 -> s2.statement("DELETE FROM items WHERE pk = 'a' AND sk = 1"))
                    .returnConsumedCapacity(TOTAL)).consumedCapacity();
            return map("batch", ccs(batch), "transaction", ccs(transaction));
        }).expect(map("batch", List.of(map("table", "items", "units", 1.0)),
                "transaction", List.of(map("table", "items", "units", 4.0))));

        cases.add("an unknown ReturnConsumedCapacity is a ValidationException", db -> {
            db.table("items", "pk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")).returnConsumedCapacity("ALL"));
        }).expectMessage("ValidationException", "1 validation error detected: Value 'ALL' at 'returnConsumedCapacity' "
                + "failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");

        cases.add("ReturnItemCollectionMetrics SIZE on a table with a local index", db -> {
            local(db);
            var put = db.ddb().putItem(r -> r.tableName("coll").item(item("pk", "a", "sk", "1", "l", "x"))
                    .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
            var update = db.ddb().updateItem(r -> r.tableName("coll").key(key("pk", "a", "sk", "1"))
                    .updateExpression("SET v = :v").expressionAttributeValues(values(":v", 1))
                    .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
            var delete = db.ddb().deleteItem(r -> r.tableName("coll").key(key("pk", "a", "sk", "1"))
                    .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
            return map("put", icm(put.itemCollectionMetrics()), "update", icm(update.itemCollectionMetrics()),
                    "delete", icm(delete.itemCollectionMetrics()));
        }).expect(map("put", map("key", key("pk", "a"), "sizeGB", List.of(0.0, 1.0)),
                "update", map("key", key("pk", "a"), "sizeGB", List.of(0.0, 1.0)),
                "delete", map("key", key("pk", "a"), "sizeGB", List.of(0.0, 1.0))));

        cases.add("ReturnItemCollectionMetrics SIZE on a table without a local index returns none", db -> {
            db.table("items", "pk:S");
            return icm(db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a"))
                    .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE)).itemCollectionMetrics());
        }).expect(Normalizer.NO_ATTRIBUTES);

        cases.add("ReturnItemCollectionMetrics NONE returns none", db -> {
            local(db);
            return icm(db.ddb().putItem(r -> r.tableName("coll").item(item("pk", "a", "sk", "1"))
                    .returnItemCollectionMetrics(ReturnItemCollectionMetrics.NONE)).itemCollectionMetrics());
        }).expect(Normalizer.NO_ATTRIBUTES);

        cases.add("BatchWriteItem returns item collection metrics per table with a local index", db -> {
            local(db);
            db.table("items", "pk:S");
            var response = db.ddb().batchWriteItem(r -> r.requestItems(Map.of(
                    "coll", List.of(put(item("pk", "a", "sk", "1"))),
                    "items", List.of(put(item("pk", "b"))))).returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
            Map<String, Object> out = new TreeMap<>();
            response.itemCollectionMetrics().forEach((t, l) -> out.put(t, l.stream().map(CapacityContractTest::icm).toList()));
            return out;
        }).expect(map("coll", List.of(map("key", key("pk", "a"), "sizeGB", List.of(0.0, 1.0)))));
    }

    static WriteRequest put(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }
}
