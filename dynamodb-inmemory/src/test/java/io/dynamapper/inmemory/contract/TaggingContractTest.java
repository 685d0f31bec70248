package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.map;
import static io.dynamapper.inmemory.contract.Dsl.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * TagResource, UntagResource and ListTagsOfResource on the ARN DescribeTable shows, with DynamoDB's
 * limits (50 tags, keys 1 to 128 and values 0 to 256 allowed characters, no {@code aws:} prefix); and
 * DescribeLimits and DescribeEndpoints.
 */
final class TaggingContractTest extends ContractSuite {

    static String arn(Db db) {
        return db.ddb().describeTable(r -> r.tableName("items")).table().tableArn();
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    static List<Tag> tags(int from, int to) {
        List<Tag> tags = new ArrayList<>();
        for (int i = from; i < to; i++) {
            tags.add(tag("k" + i, "v" + i));
        }
        return tags;
    }

    static Map<String, String> tagItems(Db db, List<Tag> tags) {
        db.ddb().tagResource(r -> r.resourceArn(arn(db)).tags(tags));
        return listed(db);
    }

    /** The table's tags as a map, sorted. */
    static Map<String, String> listed(Db db) {
        Map<String, String> out = new TreeMap<>();
        db.ddb().listTagsOfResource(r -> r.resourceArn(arn(db))).tags().forEach(t -> out.put(t.key(), t.value()));
        return out;
    }

    @Override
    protected void define(Cases c) {
        c.add("a new table has no tags", db -> {
            db.table("items", "pk:S");
            return listed(db);
        }).expect(map());

        c.add("tags added are listed", db -> {
            db.table("items", "pk:S");
            return tagItems(db, List.of(tag("team", "core"), tag("env", "test"), tag("7", " "), tag(" ", "9")));
        }).expect(map("team", "core", "env", "test", "7", " ", " ", "9"));

        c.add("tagging a key again replaces its value", db -> {
            db.table("items", "pk:S");
            tagItems(db, List.of(tag("team", "core")));
            return tagItems(db, List.of(tag("team", "edge")));
        }).expect(map("team", "edge"));

        c.add("an empty tag value is allowed", db -> {
            db.table("items", "pk:S");
            return tagItems(db, List.of(tag("flag", "")));
        }).expect(map("flag", ""));

        c.add("untagging removes keys and ignores keys that are not there", db -> {
            db.table("items", "pk:S");
            tagItems(db, List.of(tag("a", "1"), tag("b", "2"), tag("c", "3")));
            db.ddb().untagResource(r -> r.resourceArn(arn(db)).tagKeys("b", "missing"));
            return listed(db);
        }).expect(map("a", "1", "c", "3"));

        c.add("tags given to CreateTable are listed", db -> {
            db.create("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST).tags(tag("team", "core")), "pk:S");
            return listed(db);
        }).expect(map("team", "core"));

        c.add("a table created again under the same name has no tags", db -> {
            db.table("items", "pk:S");
            tagItems(db, List.of(tag("team", "core")));
            db.ddb().deleteTable(r -> r.tableName("items"));
            db.table("items", "pk:S");
            return listed(db);
        }).expect(map());

        c.add("fifty tags are allowed", db -> {
            db.table("items", "pk:S");
            tagItems(db, tags(0, 30));
            return tagItems(db, tags(20, 50)).size();
        }).expect(50);

        c.add("a fifty-first tag is rejected", db -> {
            db.table("items", "pk:S");
            tagItems(db, tags(0, 30));
            return tagItems(db, tags(20, 51));
        }).expectError("ValidationException");

        c.add("a rejected tagging changes no tag", db -> {
            db.table("items", "pk:S");
            tagItems(db, tags(0, 30));
            Outcome failed = Db.attempt(() -> tagItems(db, tags(20, 51)));
            return list(failed, listed(db).size());
        }).expect(list(Dsl.error("DynamoDbException", "ValidationException"), 30));

        c.add("CreateTable with fifty-one tags is rejected and creates no table", db -> {
            Outcome failed = Db.attempt(() -> db.ddb().createTable(Db.createRequest("items",
                    b -> b.billingMode(BillingMode.PAY_PER_REQUEST).tags(tags(0, 51)), "pk:S")));
            return list(failed, db.ddb().listTables().tableNames());
        }).expect(list(Dsl.error("DynamoDbException", "ValidationException"), list()));

        c.add("a tag key starting with aws: is rejected", db -> {
            db.table("items", "pk:S");
            return tagItems(db, List.of(tag("aws:owner", "me")));
        }).expectError("ValidationException");

        c.add("a tag key with a forbidden character is rejected", db -> {
            db.table("items", "pk:S");
            return tagItems(db, List.of(tag("->>;-)])", "ok")));
        }).expectError("ValidationException");

        c.add("a tag value with a forbidden character is rejected", db -> {
            db.table("items", "pk:S");
            return tagItems(db, List.of(tag("ok", "#!%^$&")));
        }).expectError("ValidationException");

        c.add("a tag key of 128 characters and a value of 256 are allowed", db -> {
            db.table("items", "pk:S");
            return tagItems(db, List.of(tag(text(128), text(256)))).size();
        }).expect(1);

        c.add("a tag key of 129 characters is rejected", db -> {
            db.table("items", "pk:S");
            return tagItems(db, List.of(tag(text(129), "v")));
        }).expectError("ValidationException");

        c.add("a tag value of 257 characters is rejected", db -> {
            db.table("items", "pk:S");
            return tagItems(db, List.of(tag("k", text(257))));
        }).expectError("ValidationException");

        c.add("an empty tag key is rejected", db -> {
            db.table("items", "pk:S");
            return tagItems(db, List.of(tag("", "v")));
        }).expectError("ValidationException");

        c.add("the same tag key twice in one request is rejected", db -> {
            db.table("items", "pk:S");
            return tagItems(db, List.of(tag("k", "1"), tag("k", "2")));
        }).expectError("ValidationException");

        c.add("tagging with no tags is rejected", db -> {
            db.table("items", "pk:S");
            return tagItems(db, List.of());
        }).expectError("ValidationException");

        c.add("untagging with no keys is rejected", db -> {
            db.table("items", "pk:S");
            return db.ddb().untagResource(r -> r.resourceArn(arn(db)).tagKeys(List.of()));
        }).expectError("ValidationException");

        c.add("a resource that is not an ARN is rejected", db -> {
            db.table("items", "pk:S");
            return db.ddb().tagResource(r -> r.resourceArn("I_do_not_exist").tags(tag("k", "v")));
        }).expectError("ValidationException");

        c.add("listing tags of a resource that is not an ARN is rejected", db ->
                db.ddb().listTagsOfResource(r -> r.resourceArn("items")))
                .expectError("ValidationException");

        c.add("the ARN of a missing table fails with ResourceNotFoundException", db -> {
            db.table("items", "pk:S");
            String missing = arn(db) + "x";
            return db.ddb().tagResource(r -> r.resourceArn(missing).tags(tag("k", "v")));
        }).expectError("ResourceNotFoundException");

        c.add("listing tags of a deleted table fails with ResourceNotFoundException", db -> {
            db.table("items", "pk:S");
            String arn = arn(db);
            db.ddb().deleteTable(r -> r.tableName("items"));
            return db.ddb().listTagsOfResource(r -> r.resourceArn(arn));
        }).expectError("ResourceNotFoundException");

        c.add("an index ARN cannot be tagged", db -> {
            db.create("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(Db.definitions("pk:S", "x:S"))
                    .globalSecondaryIndexes(TableContractTest.gsi("by_x", TableContractTest.projection(
                            software.amazon.awssdk.services.dynamodb.model.ProjectionType.ALL), "x:S")), "pk:S");
            String index = db.ddb().describeTable(r -> r.tableName("items")).table().globalSecondaryIndexes().get(0)
                    .indexArn();
            return db.ddb().tagResource(r -> r.resourceArn(index).tags(tag("k", "v")));
        }).expectError("ValidationException");

        c.add("an ARN of another service is rejected", db ->
                db.ddb().tagResource(r -> r.resourceArn("arn:aws:s3:::bucket").tags(tag("k", "v"))))
                .expectError("ValidationException");

        // ---- account information

        c.add("DescribeLimits answers the default quotas", db -> {
            var limits = db.ddb().describeLimits(r -> { });
            return map("accountRead", limits.accountMaxReadCapacityUnits(),
                    "accountWrite", limits.accountMaxWriteCapacityUnits(),
                    "tableRead", limits.tableMaxReadCapacityUnits(), "tableWrite", limits.tableMaxWriteCapacityUnits());
        }).expect(map("accountRead", 80000, "accountWrite", 80000, "tableRead", 40000, "tableWrite", 40000));

        c.add("DescribeEndpoints answers one endpoint cached for a day", db -> {
            var endpoints = db.ddb().describeEndpoints(r -> { }).endpoints();
            return map("count", endpoints.size(), "cachePeriodInMinutes", endpoints.get(0).cachePeriodInMinutes(),
                    "address", endpoints.get(0).address().startsWith("dynamodb.") ? "dynamodb.<region>..." : "other");
        }).expect(map("count", 1, "cachePeriodInMinutes", 1440, "address", "dynamodb.<region>..."));
    }
}
