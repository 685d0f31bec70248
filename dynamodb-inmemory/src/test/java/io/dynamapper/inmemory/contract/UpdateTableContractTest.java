package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.map;
import static io.dynamapper.inmemory.contract.Dsl.values;
import static io.dynamapper.inmemory.contract.TableContractTest.gsi;
import static io.dynamapper.inmemory.contract.TableContractTest.lsi;
import static io.dynamapper.inmemory.contract.TableContractTest.projection;
import static io.dynamapper.inmemory.contract.TableContractTest.throughput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * UpdateTable: throughput and billing mode changes, global secondary indexes added (backfilled) and
 * removed with the statuses DescribeTable shows, stream changes, and DynamoDB's validation of each.
 * The fake shows a change in progress in UpdateTable's answer and in the next DescribeTable, and done in
 * the DescribeTable after that (see {@code TableUpdates}); the cases poll as a client must on AWS.
 */
final class UpdateTableContractTest extends ContractSuite {

    static Object update(Db db, Consumer<UpdateTableRequest.Builder> request) {
        UpdateTableRequest.Builder b = UpdateTableRequest.builder().tableName("items");
        request.accept(b);
        return Normalizer.table(db.ddb().updateTable(b.build()).tableDescription());
    }

    static TableDescription describe(Db db) {
        return db.ddb().describeTable(r -> r.tableName("items")).table();
    }

    /** Polls DescribeTable until the table is ACTIVE and no index is in transition; returns the statuses seen. */
    static List<String> waitUntilActive(Db db) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TableDescription d = describe(db);
            StringBuilder s = new StringBuilder(d.tableStatusAsString());
            boolean busy = d.tableStatus() != software.amazon.awssdk.services.dynamodb.model.TableStatus.ACTIVE;
            for (GlobalSecondaryIndexDescription g : d.globalSecondaryIndexes()) {
                s.append(' ').append(g.indexName()).append('=').append(g.indexStatusAsString());
                busy |= !"ACTIVE".equals(g.indexStatusAsString());
            }
            seen.add(s.toString());
            if (!busy) {
                return seen;
            }
        }
        throw new AssertionError("the table did not become ACTIVE: " + seen);
    }

    static GlobalSecondaryIndexUpdate create(String name, String hashKey, String... rangeKey) {
        return GlobalSecondaryIndexUpdate.builder().create(CreateGlobalSecondaryIndexAction.builder()
                .indexName(name).keySchema(Db.keySchema(hashKey, rangeKey))
                .projection(projection(ProjectionType.ALL)).build()).build();
    }

    static GlobalSecondaryIndexUpdate delete(String name) {
        return GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName(name)).build();
    }

    static GlobalSecondaryIndexUpdate updateIndex(String name, long read, long write) {
        return GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName(name)
                .provisionedThroughput(throughput(read, write))).build();
    }

    /** On-demand "items" (pk:S) with items whose x is a string, missing, a number, empty. */
    static void itemsWithX(Db db) {
        db.table("items", "pk:S");
        db.put("items", item("pk", "a", "x", "one"), item("pk", "b", "x", "two"), item("pk", "c"),
                item("pk", "d", "x", 4), item("pk", "e", "x", ""), item("pk", "f", "x", "one"));
    }

    /** On-demand "items" (pk:S) with a global secondary index by_x on x:S. */
    static void withIndex(Db db) {
        db.create("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(Db.definitions("pk:S", "x:S"))
                .globalSecondaryIndexes(gsi("by_x", projection(ProjectionType.ALL), "x:S")), "pk:S");
    }

    static Object addIndexX(Db db) {
        return update(db, b -> b.attributeDefinitions(Db.definitions("x:S"))
                .globalSecondaryIndexUpdates(create("by_x", "x:S")));
    }

    @Override
    protected void define(Cases c) {
        // ---- throughput and billing mode

        c.add("raising provisioned throughput is described after the update", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 5)), "pk:S");
            update(db, b -> b.provisionedThroughput(throughput(10, 20)));
            waitUntilActive(db);
            return Normalizer.table(describe(db)).get("provisioned");
        }).expect("10/20");

        c.add("update table answers the table UPDATING", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 5)), "pk:S");
            return db.ddb().updateTable(r -> r.tableName("items").provisionedThroughput(throughput(6, 5)))
                    .tableDescription().tableStatusAsString();
        }).expect("UPDATING");

        c.add("a table being updated becomes ACTIVE when polled", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 5)), "pk:S");
            update(db, b -> b.provisionedThroughput(throughput(1, 1)));
            List<String> seen = waitUntilActive(db);
            return list(seen.get(0), seen.get(seen.size() - 1));
        }).expect(list("UPDATING", "ACTIVE"));

        c.add("the same provisioned throughput again is rejected", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 5)), "pk:S");
            return update(db, b -> b.provisionedThroughput(throughput(5, 5)));
        }).expectError("ValidationException");

        c.add("zero read capacity units are rejected", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 5)), "pk:S");
            return update(db, b -> b.provisionedThroughput(throughput(0, 5)));
        }).expectError("ValidationException");

        c.add("negative write capacity units are rejected", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 5)), "pk:S");
            return update(db, b -> b.provisionedThroughput(throughput(5, -1)));
        }).expectError("ValidationException");

        c.add("an update that changes nothing is rejected", db -> {
            db.table("items", "pk:S");
            return update(db, b -> { });
        }).expectError("ValidationException");

        c.add("an empty list of index updates is rejected as no change", db -> {
            db.table("items", "pk:S");
            return update(db, b -> b.globalSecondaryIndexUpdates(List.of()));
        }).expectError("ValidationException");

        c.add("provisioned throughput on an on-demand table is rejected", db -> {
            db.table("items", "pk:S");
            return update(db, b -> b.provisionedThroughput(throughput(5, 5)));
        }).expectError("ValidationException");

        c.add("PAY_PER_REQUEST with provisioned throughput is rejected", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 5)), "pk:S");
            return update(db, b -> b.billingMode(BillingMode.PAY_PER_REQUEST).provisionedThroughput(throughput(6, 6)));
        }).expectError("ValidationException");

        c.add("switching to PROVISIONED without throughput is rejected", db -> {
            db.table("items", "pk:S");
            return update(db, b -> b.billingMode(BillingMode.PROVISIONED));
        }).expectError("ValidationException");

        c.add("switching a provisioned table to on demand", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 5)), "pk:S");
            update(db, b -> b.billingMode(BillingMode.PAY_PER_REQUEST));
            waitUntilActive(db);
            Map<String, Object> t = Normalizer.table(describe(db));
            return map("billingMode", t.get("billingMode"), "provisioned", t.get("provisioned"));
        }).expect(map("billingMode", "PAY_PER_REQUEST", "provisioned", "0/0"));

        c.add("switching an on-demand table to provisioned", db -> {
            db.table("items", "pk:S");
            update(db, b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(3, 4)));
            waitUntilActive(db);
            Map<String, Object> t = Normalizer.table(describe(db));
            return map("billingMode", t.get("billingMode"), "provisioned", t.get("provisioned"));
        }).expect(map("billingMode", "PROVISIONED", "provisioned", "3/4"));

        c.add("switching to provisioned needs throughput for every global secondary index", db -> {
            withIndex(db);
            return update(db, b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(3, 4)));
        }).expectError("ValidationException");

        c.add("switching to provisioned with throughput for the index", db -> {
            withIndex(db);
            update(db, b -> b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(3, 4))
                    .globalSecondaryIndexUpdates(updateIndex("by_x", 5, 6)));
            waitUntilActive(db);
            return Normalizer.table(describe(db)).get("globalSecondaryIndexes");
        }).expect(map("by_x", map("keySchema", list("x HASH"), "projection", "ALL", "provisioned", "5/6")));

        c.add("updating a missing table fails with ResourceNotFoundException", db ->
                db.ddb().updateTable(r -> r.tableName("missing").billingMode(BillingMode.PAY_PER_REQUEST)))
                .expectError("ResourceNotFoundException");

        c.add("updating a table whose update is in progress fails with ResourceInUseException", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 5)), "pk:S");
            update(db, b -> b.provisionedThroughput(throughput(6, 6)));
            return update(db, b -> b.provisionedThroughput(throughput(7, 7)));
        }).expectError("ResourceInUseException");

        // ---- global secondary indexes

        c.add("a new global secondary index is CREATING in the answer", db -> {
            itemsWithX(db);
            return db.ddb().updateTable(r -> r.tableName("items").attributeDefinitions(Db.definitions("x:S"))
                    .globalSecondaryIndexUpdates(create("by_x", "x:S"))).tableDescription()
                    .globalSecondaryIndexes().get(0).indexStatusAsString();
        }).expect("CREATING");

        c.add("a new global secondary index becomes ACTIVE when polled", db -> {
            itemsWithX(db);
            addIndexX(db);
            return waitUntilActive(db);
        }).expect(list("UPDATING by_x=CREATING", "ACTIVE by_x=ACTIVE"));

        c.add("a new global secondary index is described with its key schema", db -> {
            itemsWithX(db);
            addIndexX(db);
            waitUntilActive(db);
            Map<String, Object> t = Normalizer.table(describe(db));
            return map("attributeDefinitions", t.get("attributeDefinitions"), "indexes", t.get("globalSecondaryIndexes"));
        }).expect(map("attributeDefinitions", map("pk", "S", "x", "S"), "indexes",
                map("by_x", map("keySchema", list("x HASH"), "projection", "ALL", "provisioned", "0/0"))));

        c.add("a new global secondary index is backfilled with the items it can index", db -> {
            itemsWithX(db);
            addIndexX(db);
            waitUntilActive(db);
            return new Normalizer.Unordered(db.ddb().scan(r -> r.tableName("items").indexName("by_x")).items());
        }).expect(new Normalizer.Unordered(list(item("pk", "a", "x", "one"), item("pk", "b", "x", "two"),
                item("pk", "f", "x", "one"))));

        c.add("a backfilled index answers queries", db -> {
            itemsWithX(db);
            addIndexX(db);
            waitUntilActive(db);
            return db.ddb().query(r -> r.tableName("items").indexName("by_x").keyConditionExpression("x = :x")
                    .expressionAttributeValues(values(":x", "two")));
        }).expect(Dsl.page(list(item("pk", "b", "x", "two")), 1, 1));

        c.add("a new index is maintained by later writes", db -> {
            itemsWithX(db);
            addIndexX(db);
            waitUntilActive(db);
            db.put("items", item("pk", "g", "x", "two"));
            db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "b")));
            return db.ddb().query(r -> r.tableName("items").indexName("by_x").keyConditionExpression("x = :x")
                    .expressionAttributeValues(values(":x", "two")));
        }).expect(Dsl.page(list(item("pk", "g", "x", "two")), 1, 1));

        c.add("an index still being created cannot be queried", db -> {
            itemsWithX(db);
            addIndexX(db);
            return db.ddb().query(r -> r.tableName("items").indexName("by_x").keyConditionExpression("x = :x")
                    .expressionAttributeValues(values(":x", "two")));
        }).expectError("ValidationException");

        c.add("after an index is added, an item with the wrong type for its key is rejected", db -> {
            itemsWithX(db);
            addIndexX(db);
            waitUntilActive(db);
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "z", "x", 5)));
        }).expectError("ValidationException");

        c.add("adding an index whose name exists is rejected", db -> {
            withIndex(db);
            return update(db, b -> b.attributeDefinitions(Db.definitions("x:S"))
                    .globalSecondaryIndexUpdates(create("by_x", "x:S")));
        }).expectError("ValidationException");

        c.add("adding a global index with a local index's name is rejected", db -> {
            db.create("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(Db.definitions("pk:S", "sk:S", "ls:S"))
                    .localSecondaryIndexes(lsi("by_ls", projection(ProjectionType.ALL), "pk:S", "ls:S")),
                    "pk:S", "sk:S");
            return update(db, b -> b.attributeDefinitions(Db.definitions("ls:S"))
                    .globalSecondaryIndexUpdates(create("by_ls", "ls:S")));
        }).expectError("ValidationException");

        c.add("an index key missing from AttributeDefinitions is rejected", db -> {
            db.table("items", "pk:S");
            return update(db, b -> b.attributeDefinitions(Db.definitions("y:S"))
                    .globalSecondaryIndexUpdates(create("by_x", "x:S")));
        }).expectError("ValidationException");

        c.add("adding an index without AttributeDefinitions is rejected", db -> {
            db.table("items", "pk:S");
            return update(db, b -> b.globalSecondaryIndexUpdates(create("by_x", "x:S")));
        }).expectError("ValidationException");

        c.add("redefining an attribute's type for a new index is rejected", db -> {
            withIndex(db);
            return update(db, b -> b.attributeDefinitions(Db.definitions("x:N"))
                    .globalSecondaryIndexUpdates(create("by_x_number", "x:N")));
        }).expectError("ValidationException");

        c.add("creating two indexes in one update fails with LimitExceededException", db -> {
            db.table("items", "pk:S");
            return update(db, b -> b.attributeDefinitions(Db.definitions("x:S", "y:S"))
                    .globalSecondaryIndexUpdates(create("by_x", "x:S"), create("by_y", "y:S")));
        }).expectError("LimitExceededException");

        c.add("an index update with no action is rejected", db -> {
            db.table("items", "pk:S");
            return update(db, b -> b.globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().build()));
        }).expectError("ValidationException");

        c.add("an index update with two actions is rejected", db -> {
            withIndex(db);
            return update(db, b -> b.attributeDefinitions(Db.definitions("y:S"))
                    .globalSecondaryIndexUpdates(create("by_y", "y:S").toBuilder().delete(d -> d.indexName("by_x"))
                            .build()));
        }).expectError("ValidationException");

        c.add("a new index of a provisioned table needs provisioned throughput", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 5)), "pk:S");
            return update(db, b -> b.attributeDefinitions(Db.definitions("x:S"))
                    .globalSecondaryIndexUpdates(create("by_x", "x:S")));
        }).expectError("ValidationException");

        c.add("a new index of an on-demand table cannot have provisioned throughput", db -> {
            db.table("items", "pk:S");
            GlobalSecondaryIndexUpdate u = create("by_x", "x:S");
            return update(db, b -> b.attributeDefinitions(Db.definitions("x:S")).globalSecondaryIndexUpdates(
                    u.toBuilder().create(u.create().toBuilder().provisionedThroughput(throughput(1, 1)).build()).build()));
        }).expectError("ValidationException");

        c.add("a removed index is DELETING, then gone", db -> {
            withIndex(db);
            Object answered = ((Map<?, ?>) update(db, b -> b.globalSecondaryIndexUpdates(delete("by_x")))).get("globalSecondaryIndexes");
            return list(answered, waitUntilActive(db));
        }).expect(list(map("by_x", map("keySchema", list("x HASH"), "projection", "ALL", "provisioned", "0/0")),
                list("UPDATING by_x=DELETING", "ACTIVE")));

        c.add("a removed index cannot be queried", db -> {
            withIndex(db);
            update(db, b -> b.globalSecondaryIndexUpdates(delete("by_x")));
            waitUntilActive(db);
            return db.ddb().query(r -> r.tableName("items").indexName("by_x").keyConditionExpression("x = :x")
                    .expressionAttributeValues(values(":x", "two")));
        }).expectError("ValidationException");

        c.add("after an index is removed its key attribute takes any type", db -> {
            withIndex(db);
            update(db, b -> b.globalSecondaryIndexUpdates(delete("by_x")));
            waitUntilActive(db);
            db.put("items", item("pk", "a", "x", 7));
            return db.get("items", key("pk", "a"));
        }).expect(item("pk", "a", "x", 7));

        c.add("removing a missing index fails with ResourceNotFoundException", db -> {
            db.table("items", "pk:S");
            return update(db, b -> b.globalSecondaryIndexUpdates(delete("nope")));
        }).expectError("ResourceNotFoundException");

        c.add("removing a local secondary index is rejected", db -> {
            db.create("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(Db.definitions("pk:S", "sk:S", "ls:S"))
                    .localSecondaryIndexes(lsi("by_ls", projection(ProjectionType.ALL), "pk:S", "ls:S")),
                    "pk:S", "sk:S");
            return update(db, b -> b.globalSecondaryIndexUpdates(delete("by_ls")));
        }).expectError("ValidationException");

        c.add("an index's provisioned throughput can be changed", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 5))
                    .attributeDefinitions(Db.definitions("pk:S", "x:S"))
                    .globalSecondaryIndexes(gsi("by_x", projection(ProjectionType.ALL), "x:S").toBuilder()
                            .provisionedThroughput(throughput(1, 1)).build()), "pk:S");
            update(db, b -> b.globalSecondaryIndexUpdates(updateIndex("by_x", 2, 3)));
            List<String> seen = waitUntilActive(db);
            return list(seen.get(0), Normalizer.table(describe(db)).get("globalSecondaryIndexes"));
        }).expect(list("UPDATING by_x=UPDATING",
                map("by_x", map("keySchema", list("x HASH"), "projection", "ALL", "provisioned", "2/3"))));

        c.add("an index of an on-demand table has no throughput to update", db -> {
            withIndex(db);
            return update(db, b -> b.globalSecondaryIndexUpdates(updateIndex("by_x", 2, 3)));
        }).expectError("ValidationException");

        c.add("creating an index while changing throughput is rejected", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 5)), "pk:S");
            GlobalSecondaryIndexUpdate u = create("by_x", "x:S");
            return update(db, b -> b.provisionedThroughput(throughput(6, 6)).attributeDefinitions(Db.definitions("x:S"))
                    .globalSecondaryIndexUpdates(u.toBuilder().create(u.create().toBuilder()
                            .provisionedThroughput(throughput(1, 1)).build()).build()));
        }).expectError("ValidationException");

        // ---- deletion protection (every case leaves its table unprotected, so the next case can drop it)

        c.add("a table protected against deletion cannot be deleted until unprotected", db -> {
            db.create("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST).deletionProtectionEnabled(true), "pk:S");
            try {
                Outcome refused = Db.attempt(() -> db.ddb().deleteTable(r -> r.tableName("items")));
                Boolean described = describe(db).deletionProtectionEnabled();
                update(db, b -> b.deletionProtectionEnabled(false));
                waitUntilActive(db);
                return list(refused, described, describe(db).deletionProtectionEnabled(),
                        db.ddb().deleteTable(r -> r.tableName("items")).tableDescription().tableStatusAsString());
            } finally {
                unprotect(db);
            }
        }).expect(list(Dsl.error("DynamoDbException", "ValidationException"), true, false, "DELETING"));

        c.add("deletion protection can be enabled by UpdateTable", db -> {
            db.table("items", "pk:S");
            try {
                update(db, b -> b.deletionProtectionEnabled(true));
                waitUntilActive(db);
                return list(describe(db).deletionProtectionEnabled(),
                        Db.attempt(() -> db.ddb().deleteTable(r -> r.tableName("items"))));
            } finally {
                unprotect(db);
            }
        }).expect(list(true, Dsl.error("DynamoDbException", "ValidationException")));

        c.add("changing deletion protection with another change is rejected", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 5)), "pk:S");
            return update(db, b -> b.deletionProtectionEnabled(true).provisionedThroughput(throughput(6, 6)));
        }).expectError("ValidationException");

        // ---- table class

        c.add("a table class given to CreateTable is described", db -> {
            db.create("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                    .tableClass(software.amazon.awssdk.services.dynamodb.model.TableClass.STANDARD_INFREQUENT_ACCESS), "pk:S");
            return describe(db).tableClassSummary().tableClassAsString();
        }).expect("STANDARD_INFREQUENT_ACCESS");

        c.add("UpdateTable changes the table class", db -> {
            db.table("items", "pk:S");
            update(db, b -> b.tableClass(software.amazon.awssdk.services.dynamodb.model.TableClass.STANDARD_INFREQUENT_ACCESS));
            waitUntilActive(db);
            return describe(db).tableClassSummary().tableClassAsString();
        }).expect("STANDARD_INFREQUENT_ACCESS");

        c.add("changing the table class with another change is rejected", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 5)), "pk:S");
            return update(db, b -> b.tableClass(software.amazon.awssdk.services.dynamodb.model.TableClass.STANDARD)
                    .provisionedThroughput(throughput(6, 6)));
        }).expectError("ValidationException");

        c.add("an unknown table class is rejected", db -> {
            db.table("items", "pk:S");
            return update(db, b -> b.tableClass("GLACIER"));
        }).expectError("ValidationException");

        // ---- streams

        c.add("enabling a stream is described with its view type and latest stream", db -> {
            db.table("items", "pk:S");
            update(db, b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            waitUntilActive(db);
            return stream(describe(db));
        }).expect(map("enabled", true, "viewType", "NEW_IMAGE", "latestStreamArn", "present", "latestStreamLabel", "present"));

        c.add("disabling a stream leaves the latest stream described", db -> {
            db.create("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)), "pk:S");
            update(db, b -> b.streamSpecification(s -> s.streamEnabled(false)));
            waitUntilActive(db);
            return stream(describe(db));
        }).expect(map("enabled", null, "viewType", null, "latestStreamArn", "present", "latestStreamLabel", "present"));

        c.add("a table without a stream describes none", db -> {
            db.table("items", "pk:S");
            return stream(describe(db));
        }).expect(map("enabled", null, "viewType", null, "latestStreamArn", null, "latestStreamLabel", null));

        c.add("enabling a stream that is enabled is rejected", db -> {
            db.create("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)), "pk:S");
            return update(db, b -> b.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        }).expectError("ValidationException");

        c.add("disabling a stream the table does not have is rejected", db -> {
            db.table("items", "pk:S");
            return update(db, b -> b.streamSpecification(s -> s.streamEnabled(false)));
        }).expectError("ValidationException");

        c.add("enabling a stream without a view type is rejected", db -> {
            db.table("items", "pk:S");
            return update(db, b -> b.streamSpecification(s -> s.streamEnabled(true)));
        }).expectError("ValidationException");

        c.add("disabling a stream with a view type is rejected", db -> {
            db.create("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)), "pk:S");
            return update(db, b -> b.streamSpecification(s -> s.streamEnabled(false).streamViewType(StreamViewType.KEYS_ONLY)));
        }).expectError("ValidationException");

        c.add("changing the stream while creating an index is rejected", db -> {
            db.table("items", "pk:S");
            return update(db, b -> b.attributeDefinitions(Db.definitions("x:S"))
                    .globalSecondaryIndexUpdates(create("by_x", "x:S"))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        }).expectError("ValidationException");

        c.add("creating a table with a stream but no view type is rejected", db ->
                db.ddb().createTable(Db.createRequest("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                        .streamSpecification(s -> s.streamEnabled(true)), "pk:S")))
                .expectError("ValidationException");

        c.add("creating a table with a disabled stream and a view type is rejected", db ->
                db.ddb().createTable(Db.createRequest("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                        .streamSpecification(s -> s.streamEnabled(false).streamViewType(StreamViewType.KEYS_ONLY)),
                        "pk:S")))
                .expectError("ValidationException");

        c.add("creating a table with a disabled stream creates no stream", db -> {
            db.create("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                    .streamSpecification(s -> s.streamEnabled(false)), "pk:S");
            return stream(describe(db));
        }).expect(map("enabled", null, "viewType", null, "latestStreamArn", null, "latestStreamLabel", null));
    }

    /** Turns deletion protection of "items" off, if the table exists and has it, so it can be dropped. */
    static void unprotect(Db db) {
        try {
            waitUntilActive(db);
            if (Boolean.TRUE.equals(describe(db).deletionProtectionEnabled())) {
                db.ddb().updateTable(r -> r.tableName("items").deletionProtectionEnabled(false));
                waitUntilActive(db);
            }
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException gone) {
            // nothing to unprotect
        }
    }

    /** The stream facts of a table description, without the volatile ARN and label. */
    static Map<String, Object> stream(TableDescription d) {
        return map("enabled", d.streamSpecification() == null ? null : d.streamSpecification().streamEnabled(),
                "viewType", d.streamSpecification() == null ? null : d.streamSpecification().streamViewTypeAsString(),
                "latestStreamArn", d.latestStreamArn() == null ? null : "present",
                "latestStreamLabel", d.latestStreamLabel() == null ? null : "present");
    }
}
