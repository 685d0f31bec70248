package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.map;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/** CreateTable, DescribeTable, ListTables, DeleteTable, and what operations do on a missing table. */
final class TableContractTest extends ContractSuite {

    /**
     * How an index of an on-demand table describes its throughput: 0/0, as AWS does (DynamoDB Local
     * leaves ProvisionedThroughput out).
     */
    static final String NO_GSI_THROUGHPUT = "0/0";

    static Projection projection(ProjectionType type, String... nonKeyAttributes) {
        Projection.Builder p = Projection.builder().projectionType(type);
        return (nonKeyAttributes.length == 0 ? p : p.nonKeyAttributes(nonKeyAttributes)).build();
    }

    static GlobalSecondaryIndex gsi(String name, Projection projection, String hashKey, String... rangeKey) {
        return GlobalSecondaryIndex.builder().indexName(name).projection(projection)
                .keySchema(Db.keySchema(hashKey, rangeKey)).build();
    }

    static LocalSecondaryIndex lsi(String name, Projection projection, String hashKey, String rangeKey) {
        return LocalSecondaryIndex.builder().indexName(name).projection(projection)
                .keySchema(Db.keySchema(hashKey, rangeKey)).build();
    }

    static AttributeDefinition attribute(String spec) {
        return Db.definitions(spec).get(0);
    }

    static ProvisionedThroughput throughput(long read, long write) {
        return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
    }

    /** Creates "items" (pk:S, sk:S) with one GSI on gk:S/gs:N, returns the index as described. */
    static ContractCase.Action gsiWith(Projection projection) {
        return db -> {
            db.ddb().createTable(Db.createRequest("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(Db.definitions("pk:S", "sk:S", "gk:S", "gs:N"))
                            .globalSecondaryIndexes(gsi("by_g", projection, "gk:S", "gs:N")),
                    "pk:S", "sk:S"));
            return Normalizer.table(db.ddb().describeTable(r -> r.tableName("items")).table())
                    .get("globalSecondaryIndexes");
        };
    }

    @Override
    protected void define(Cases c) {
        c.add("on-demand table with a hash key is described with its key schema and billing mode", db -> {
            db.table("items", "pk:S");
            return db.ddb().describeTable(r -> r.tableName("items"));
        }).expect(map("tableName", "items", "keySchema", list("pk HASH"), "attributeDefinitions", map("pk", "S"),
                "billingMode", "PAY_PER_REQUEST", "provisioned", "0/0"));

        // A table created without BillingMode is provisioned and has no BillingModeSummary (as on AWS).
        c.add("provisioned table with hash and range keys is described with its throughput", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(5, 7)), "pk:N", "sk:B");
            return db.ddb().describeTable(r -> r.tableName("items"));
        }).expect(map("tableName", "items", "keySchema", list("pk HASH", "sk RANGE"),
                "attributeDefinitions", map("pk", "N", "sk", "B"), "billingMode", null, "provisioned", "5/7"));

        c.add("create table returns the description of the new table", db ->
                db.ddb().createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(Db.keySchema("id:S")).attributeDefinitions(Db.definitions("id:S"))))
                .expect(map("tableName", "items", "keySchema", list("id HASH"), "attributeDefinitions", map("id", "S"),
                        "billingMode", "PAY_PER_REQUEST", "provisioned", "0/0"));

        // AWS: CreateTable answers CREATING (DynamoDB Local answers ACTIVE); the table becomes ACTIVE later
        c.add("create table answers CREATING", db ->
                db.ddb().createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(Db.keySchema("id:S")).attributeDefinitions(Db.definitions("id:S")))
                        .tableDescription().tableStatusAsString())
                .expect("CREATING");

        c.add("a created table is ACTIVE when described", db -> {
            db.table("items", "pk:S");
            return db.ddb().describeTable(r -> r.tableName("items")).table().tableStatusAsString();
        }).expect("ACTIVE");

        c.add("global secondary index with ALL projection", gsiWith(projection(ProjectionType.ALL)))
                .expect(map("by_g", map("keySchema", list("gk HASH", "gs RANGE"), "projection", "ALL", "provisioned", NO_GSI_THROUGHPUT)));

        c.add("global secondary index with KEYS_ONLY projection", gsiWith(projection(ProjectionType.KEYS_ONLY)))
                .expect(map("by_g", map("keySchema", list("gk HASH", "gs RANGE"), "projection", "KEYS_ONLY", "provisioned", NO_GSI_THROUGHPUT)));

        c.add("global secondary index with INCLUDE projection lists its non-key attributes",
                gsiWith(projection(ProjectionType.INCLUDE, "b", "a")))
                .expect(map("by_g", map("keySchema", list("gk HASH", "gs RANGE"), "projection", "INCLUDE [a, b]",
                        "provisioned", NO_GSI_THROUGHPUT)));

        c.add("local secondary index shares the hash key and has its own range key", db -> {
            db.create("items", b -> b.billingMode(BillingMode.PAY_PER_REQUEST)
                            .attributeDefinitions(Db.definitions("pk:S", "sk:S", "ls:N"))
                            .localSecondaryIndexes(lsi("by_ls", projection(ProjectionType.KEYS_ONLY), "pk:S", "ls:N")),
                    "pk:S", "sk:S");
            return Normalizer.table(db.ddb().describeTable(r -> r.tableName("items")).table()).get("localSecondaryIndexes");
        }).expect(map("by_ls", map("keySchema", list("pk HASH", "ls RANGE"), "projection", "KEYS_ONLY")));

        c.add("provisioned global secondary index keeps its own throughput", db -> {
            db.create("items", b -> b.provisionedThroughput(throughput(1, 1))
                            .attributeDefinitions(Db.definitions("pk:S", "gk:S"))
                            .globalSecondaryIndexes(gsi("by_g", projection(ProjectionType.ALL), "gk:S").toBuilder()
                                    .provisionedThroughput(throughput(3, 4)).build()),
                    "pk:S");
            return Normalizer.table(db.ddb().describeTable(r -> r.tableName("items")).table()).get("globalSecondaryIndexes");
        }).expect(map("by_g", map("keySchema", list("gk HASH"), "projection", "ALL", "provisioned", "3/4")));

        c.add("creating a table that exists fails with ResourceInUseException", db -> {
            db.table("items", "pk:S");
            return db.ddb().createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(Db.keySchema("pk:S")).attributeDefinitions(Db.definitions("pk:S")));
        }).expectError("ResourceInUseException");

        c.add("describing a missing table fails with ResourceNotFoundException", db ->
                db.ddb().describeTable(r -> r.tableName("missing"))).expectError("ResourceNotFoundException");

        c.add("deleting a missing table fails with ResourceNotFoundException", db ->
                db.ddb().deleteTable(r -> r.tableName("missing"))).expectError("ResourceNotFoundException");

        c.add("a deleted table can no longer be described", db -> {
            db.table("items", "pk:S");
            db.ddb().deleteTable(r -> r.tableName("items"));
            return db.ddb().describeTable(r -> r.tableName("items"));
        }).expectError("ResourceNotFoundException");

        c.add("delete table returns the description of the deleted table", db -> {
            db.table("items", "pk:S");
            return db.ddb().deleteTable(r -> r.tableName("items"));
        }).expect(map("tableName", "items", "keySchema", list("pk HASH"), "attributeDefinitions", map("pk", "S"),
                "billingMode", "PAY_PER_REQUEST", "provisioned", "0/0"));

        c.add("a deleted table's name can be used again", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a"));
            db.ddb().deleteTable(r -> r.tableName("items"));
            db.table("items", "pk:S");
            return db.contents("items");
        }).expect(java.util.Set.of());

        c.add("list tables returns names in sorted order", db -> {
            db.table("zeta", "pk:S");
            db.table("alpha", "pk:S");
            db.table("Beta", "pk:S");
            return db.ddb().listTables();
        }).expect(map("tableNames", list("Beta", "alpha", "zeta")));

        c.add("list tables pages with Limit and ExclusiveStartTableName", db -> {
            db.table("t01", "pk:S");
            db.table("t02", "pk:S");
            db.table("t03", "pk:S");
            var first = db.ddb().listTables(r -> r.limit(2));
            var second = db.ddb().listTables(r -> r.limit(2).exclusiveStartTableName(first.lastEvaluatedTableName()));
            return list(first, second);
        }).expect(list(map("tableNames", list("t01", "t02"), "lastEvaluatedTableName", "t02"),
                map("tableNames", list("t03"))));

        c.add("table name shorter than 3 characters is rejected", db ->
                db.ddb().createTable(r -> r.tableName("ab").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(Db.keySchema("pk:S")).attributeDefinitions(Db.definitions("pk:S"))))
                .expectError("ValidationException");

        c.add("table name with a forbidden character is rejected", db ->
                db.ddb().createTable(r -> r.tableName("items/x").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(Db.keySchema("pk:S")).attributeDefinitions(Db.definitions("pk:S"))))
                .expectError("ValidationException");

        c.add("key schema with two HASH keys is rejected", db ->
                db.ddb().createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(KeySchemaElement.builder().attributeName("a").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("b").keyType(KeyType.HASH).build())
                        .attributeDefinitions(Db.definitions("a:S", "b:S"))))
                .expectError("ValidationException");

        c.add("key schema with only a RANGE key is rejected", db ->
                db.ddb().createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(KeySchemaElement.builder().attributeName("a").keyType(KeyType.RANGE).build())
                        .attributeDefinitions(Db.definitions("a:S"))))
                .expectError("ValidationException");

        c.add("key attribute without an attribute definition is rejected", db ->
                db.ddb().createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(Db.keySchema("pk:S", "sk:S")).attributeDefinitions(Db.definitions("pk:S"))))
                .expectError("ValidationException");

        c.add("attribute definition that no key uses is rejected", db ->
                db.ddb().createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(Db.keySchema("pk:S")).attributeDefinitions(Db.definitions("pk:S", "extra:S"))))
                .expectError("ValidationException");

        c.add("key attribute of type BOOL is rejected", db ->
                db.ddb().createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(Db.keySchema("pk:BOOL")).attributeDefinitions(Db.definitions("pk:BOOL"))))
                .expectError("ValidationException");

        c.add("provisioned table without throughput is rejected", db ->
                db.ddb().createTable(r -> r.tableName("items").billingMode(BillingMode.PROVISIONED)
                        .keySchema(Db.keySchema("pk:S")).attributeDefinitions(Db.definitions("pk:S"))))
                .expectError("ValidationException");

        c.add("provisioned throughput of 0 read capacity units is rejected", db ->
                db.ddb().createTable(r -> r.tableName("items").billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(throughput(0, 1))
                        .keySchema(Db.keySchema("pk:S")).attributeDefinitions(Db.definitions("pk:S"))))
                .expectError("ValidationException");

        // the default per-table quota of an AWS account is 40 000 read and 40 000 write capacity units
        c.add("provisioned throughput over the per-table quota is rejected", db ->
                db.ddb().createTable(r -> r.tableName("items").billingMode(BillingMode.PROVISIONED)
                        .provisionedThroughput(throughput(1, 40_001))
                        .keySchema(Db.keySchema("pk:S")).attributeDefinitions(Db.definitions("pk:S"))))
                .expectError("LimitExceededException");

        // AWS rejects throughput on a PAY_PER_REQUEST table (DynamoDB Local accepts and ignores it).
        c.add("on-demand table with provisioned throughput is rejected", db ->
                db.ddb().createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
                        .provisionedThroughput(throughput(1, 1))
                        .keySchema(Db.keySchema("pk:S")).attributeDefinitions(Db.definitions("pk:S"))))
                .expectError("ValidationException");

        c.add("two global secondary indexes with the same name are rejected", db ->
                db.ddb().createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(Db.keySchema("pk:S")).attributeDefinitions(Db.definitions("pk:S", "gk:S"))
                        .globalSecondaryIndexes(gsi("dup", projection(ProjectionType.ALL), "gk:S"),
                                gsi("dup", projection(ProjectionType.KEYS_ONLY), "gk:S"))))
                .expectError("ValidationException");

        c.add("local secondary index with a different hash key is rejected", db ->
                db.ddb().createTable(r -> r.tableName("items").billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(Db.keySchema("pk:S", "sk:S"))
                        .attributeDefinitions(Db.definitions("pk:S", "sk:S", "other:S", "ls:S"))
                        .localSecondaryIndexes(lsi("by_ls", projection(ProjectionType.ALL), "other:S", "ls:S"))))
                .expectError("ValidationException");

        c.add("INCLUDE projection without non-key attributes is rejected", gsiWith(projection(ProjectionType.INCLUDE)))
                .expectError("ValidationException");

        c.add("KEYS_ONLY projection with non-key attributes is rejected",
                gsiWith(projection(ProjectionType.KEYS_ONLY, "a")))
                .expectError("ValidationException");

        c.add("putting into a missing table fails with ResourceNotFoundException", db ->
                db.ddb().putItem(r -> r.tableName("missing").item(item("pk", "a"))))
                .expectError("ResourceNotFoundException");

        c.add("getting from a missing table fails with ResourceNotFoundException", db ->
                db.ddb().getItem(r -> r.tableName("missing").key(key("pk", "a"))))
                .expectError("ResourceNotFoundException");

        c.add("scanning a missing table fails with ResourceNotFoundException", db ->
                db.ddb().scan(r -> r.tableName("missing")))
                .expectError("ResourceNotFoundException");

        c.add("querying a missing table fails with ResourceNotFoundException", db ->
                db.ddb().query(r -> r.tableName("missing").keyConditionExpression("pk = :v")
                        .expressionAttributeValues(Map.of(":v", Dsl.av("a")))))
                .expectError("ResourceNotFoundException");
    }
}
