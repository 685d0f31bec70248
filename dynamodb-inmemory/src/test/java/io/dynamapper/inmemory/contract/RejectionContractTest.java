package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.map;
import static io.dynamapper.inmemory.contract.Dsl.names;
import static io.dynamapper.inmemory.contract.Dsl.num;
import static io.dynamapper.inmemory.contract.Dsl.text;
import static io.dynamapper.inmemory.contract.Dsl.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Requests DynamoDB refuses with a ValidationException and that the in-memory DynamoDB once accepted:
 * each case names the rule and expects DynamoDB's message.
 */
final class RejectionContractTest extends ContractSuite {

    private static final String V = "ValidationException";

    /** A map nested {@code depth} times around a string: depth 1 puts the leaf at level 2. */
    static AttributeValue deep(int depth) {
        AttributeValue v = AttributeValue.fromS("leaf");
        for (int i = 0; i < depth; i++) {
            v = AttributeValue.fromM(Map.of("n", v));
        }
        return v;
    }

    @Override
    protected void define(Cases cases) {
        cases.add("CreateTable with one attribute as hash and range key", db ->
                db.ddb().createTable(Db.createRequest("t1x", b -> b.billingMode("PAY_PER_REQUEST").keySchema(
                        KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("pk").keyType(KeyType.RANGE).build()), "pk:S")))
                .expectMessage(V, "Invalid KeySchema: Some index key attribute have no definition");

        cases.add("CreateTable with one attribute as hash and range key, and a spare definition", db ->
                db.ddb().createTable(Db.createRequest("t1x", b -> b.billingMode("PAY_PER_REQUEST").keySchema(
                        KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("pk").keyType(KeyType.RANGE).build()), "pk:S", "x:S")))
                .expectMessage(V, "Both the Hash Key and the Range Key element in the KeySchema have the same name");

        cases.add("CreateTable with the RANGE element first", db ->
                db.ddb().createTable(Db.createRequest("t1x", b -> b.billingMode("PAY_PER_REQUEST").keySchema(
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build(),
                        KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()), "pk:S", "sk:S")))
                .expectMessage(V, "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");

        cases.add("CreateTable with a key attribute not defined", db ->
                db.ddb().createTable(Db.createRequest("t1x", b -> b.billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(Db.definitions("pk:S", "other:S")), "pk:S", "sk:S")))
                .expectMessage(V, "One or more parameter values were invalid: Some index key attributes are not "
                        + "defined in AttributeDefinitions. Keys: [pk, sk], AttributeDefinitions: [pk, other]");

        cases.add("CreateTable with a definition no key uses", db ->
                db.ddb().createTable(Db.createRequest("t1x", b -> b.billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(Db.definitions("pk:S", "other:S")), "pk:S")))
                .expectMessage(V, "One or more parameter values were invalid: Number of attributes in KeySchema does "
                        + "not exactly match number of attributes defined in AttributeDefinitions");

        cases.add("CreateTable, provisioned, without throughput", db ->
                db.ddb().createTable(Db.createRequest("t1x", b -> b.billingMode("PROVISIONED"), "pk:S")))
                .expectMessage(V, "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits "
                        + "must both be specified when BillingMode is PROVISIONED");

        cases.add("CreateTable with an unknown BillingMode", db ->
                db.ddb().createTable(Db.createRequest("t1x", b -> b.billingMode("FREE"), "pk:S")))
                .expectMessage(V, "1 validation error detected: Value 'FREE' at 'billingMode' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");

        cases.add("CreateTable with an unknown ProjectionType", db ->
                db.ddb().createTable(Db.createRequest("t1x", b -> b.billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(Db.definitions("pk:S", "g:S"))
                        .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(Db.keySchema("g:S"))
                                .projection(p -> p.projectionType("EVERYTHING"))), "pk:S")))
                .expectError(V);

        cases.add("a NULL value must be true", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "n", AttributeValue.fromNul(false))));
        }).expectMessage(V, "1 validation error detected: One or more parameter values were invalid: Null attribute "
                + "value types must have the value of true");

        cases.add("an unknown Select", db -> {
            db.table("items", "pk:S");
            return db.ddb().scan(r -> r.tableName("items").select("EVERYTHING"));
        }).expectMessage(V, "1 validation error detected: Value 'EVERYTHING' at 'select' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, "
                + "ALL_PROJECTED_ATTRIBUTES]");

        cases.add("an unknown ReturnValues", db -> {
            db.table("items", "pk:S");
            return db.ddb().updateItem(r -> r.tableName("items").key(key("pk", "a")).updateExpression("SET v = :v")
                    .expressionAttributeValues(values(":v", 1)).returnValues("EVERYTHING"));
        }).expectMessage(V, "1 validation error detected: Value 'EVERYTHING' at 'returnValues' failed to satisfy "
                + "constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");

        cases.add("an unknown ReturnValuesOnConditionCheckFailure", db -> {
            db.table("items", "pk:S");
            return db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a"))
                    .returnValuesOnConditionCheckFailure("ALL_NEW"));
        }).expectMessage(V, "1 validation error detected: Value 'ALL_NEW' at 'returnValuesOnConditionCheckFailure' "
                + "failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]");

        cases.add("an unknown ReturnItemCollectionMetrics", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a")).returnItemCollectionMetrics("ALL"));
        }).expectMessage(V, "1 validation error detected: Value 'ALL' at 'returnItemCollectionMetrics' failed to "
                + "satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]");

        cases.add("a transaction whose items exceed 4 MB", db -> {
            db.table("items", "pk:S");
            List<TransactWriteItem> puts = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                String pk = "k" + i;
                puts.add(TransactWriteItem.builder().put(p -> p.tableName("items")
                        .item(item("pk", pk, "body", text(390_000)))).build());
            }
            return db.ddb().transactWriteItems(r -> r.transactItems(puts));
        }).expectMessage(V, "Transaction size has exceeded the maximum allowed size of 4 MB");

        cases.add("ten transaction items of 390 KB (under 4 MB) are accepted", db -> {
            db.table("items", "pk:S");
            List<TransactWriteItem> puts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String pk = "k" + i;
                puts.add(TransactWriteItem.builder().put(p -> p.tableName("items")
                        .item(item("pk", pk, "body", text(390_000)))).build());
            }
            db.ddb().transactWriteItems(r -> r.transactItems(puts));
            return db.contents("items").size();
        }).expect(10);

        cases.add("an empty attribute name in ExpressionAttributeNames", db -> {
            db.table("items", "pk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")).projectionExpression("#a")
                    .expressionAttributeNames(names("#a", "")));
        }).expectMessage(V, "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a");

        cases.add("a value placeholder without ':' is a syntax error, reported before the unused check", db -> {
            db.table("items", "pk:S");
            Map<String, AttributeValue> bad = Map.of("v", AttributeValue.fromN("1"));
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a"))
                    .conditionExpression("attribute_not_exists(pk)").expressionAttributeValues(bad));
        }).expectMessage(V, "ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"");

        cases.add("a partition key of 2049 bytes", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", text(2049))));
        }).expectMessage(V, "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size "
                + "limit of2048 bytes");

        cases.add("a partition key of 2048 bytes and a sort key of 1024 bytes are accepted", db -> {
            db.table("items", "pk:S", "sk:S");
            db.ddb().putItem(r -> r.tableName("items").item(item("pk", text(2048), "sk", text(1024))));
            return db.contents("items").size();
        }).expect(1);

        cases.add("a sort key of 1025 bytes", db -> {
            db.table("items", "pk:S", "sk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "sk", text(1025))));
        }).expectMessage(V, "One or more parameter values were invalid: Aggregated size of all range keys has "
                + "exceeded the size limit of 1024 bytes");

        cases.add("a key over the limit in GetItem", db -> {
            db.table("items", "pk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", text(2049))));
        }).expectMessage(V, "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size "
                + "limit of2048 bytes");

        cases.add("a value nested 31 levels deep (leaf at level 32) is accepted", db -> {
            db.table("items", "pk:S");
            db.ddb().putItem(r -> r.tableName("items").item(Map.of("pk", AttributeValue.fromS("a"), "d", deep(31))));
            return db.contents("items").size();
        }).expect(1);

        cases.add("a value nested 32 levels deep (leaf at level 33)", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(Map.of("pk", AttributeValue.fromS("a"), "d", deep(32))));
        }).expectMessage(V, "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels "
                + "beyond supported limit");

        for (String bad : List.of(" 1", "1 ", "NaN", "Infinity", "0x10", "1.2.3", "1e")) {
            cases.add("the number string \"" + bad + "\"", db -> {
                db.table("items", "pk:S");
                return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "n", num(bad))));
            }).expectMessage(V, "The parameter cannot be converted to a numeric value: " + bad);
        }

        cases.add("a number with more than 38 significant digits", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items")
                    .item(item("pk", "a", "n", num("1234567890123456789012345678901234567890"))));
        }).expectMessage(V, "Attempting to store more than 38 significant digits in a Number");

        cases.add("an exponent beyond an int overflows", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "n", num("1e99999999999"))));
        }).expectMessage(V, "Number overflow. Attempting to store a number with magnitude larger than supported range");

        cases.add("BETWEEN bounds of different types, on an empty table", db -> {
            db.table("items", "pk:S");
            return db.ddb().scan(r -> r.tableName("items").filterExpression("v BETWEEN :a AND :b")
                    .expressionAttributeValues(values(":a", 1, ":b", "z")));
        }).expectMessage(V, "Invalid FilterExpression: The BETWEEN operator requires same data type for lower and "
                + "upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:z}");

        cases.add("begins_with on a number, with no item to compare", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a"))
                    .conditionExpression("begins_with(v, :n)").expressionAttributeValues(values(":n", 1)));
        }).expectMessage(V, "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or "
                + "function: begins_with, operand type: N");

        cases.add("< on a boolean", db -> {
            db.table("items", "pk:S");
            return db.ddb().deleteItem(r -> r.tableName("items").key(key("pk", "a"))
                    .conditionExpression("v < :b").expressionAttributeValues(values(":b", true)));
        }).expectMessage(V, "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or "
                + "function: <, operand type: BOOL");

        cases.add("redundant parentheses", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a"))
                    .conditionExpression("((attribute_not_exists(pk)))"));
        }).expectMessage(V, "Invalid ConditionExpression: The expression has redundant parentheses;");

        cases.add("single parentheses around conditions are fine", db -> {
            db.table("items", "pk:S");
            db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a"))
                    .conditionExpression("(attribute_not_exists(pk)) AND (attribute_not_exists(v) OR (v = :v))")
                    .expressionAttributeValues(values(":v", 1)));
            return db.contents("items").size();
        }).expect(1);

        cases.add("an ExclusiveStartKey in another partition than the query's", db -> {
            db.table("items", "pk:S", "sk:N");
            return db.ddb().query(r -> r.tableName("items").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(values(":p", "a")).exclusiveStartKey(key("pk", "b", "sk", 1)));
        }).expectMessage(V, "The provided starting key is outside query boundaries based on provided conditions");

        cases.add("an ExclusiveStartKey outside the sort key condition", db -> {
            db.table("items", "pk:S", "sk:N");
            return db.ddb().query(r -> r.tableName("items").keyConditionExpression("pk = :p AND sk > :s")
                    .expressionAttributeValues(values(":p", "a", ":s", 5)).exclusiveStartKey(key("pk", "a", "sk", 1)));
        }).expectMessage(V, "The provided starting key does not match the range key predicate");

        cases.add("an ExclusiveStartKey inside the key condition continues the query", db -> {
            db.table("items", "pk:S", "sk:N");
            db.put("items", item("pk", "a", "sk", 6), item("pk", "a", "sk", 7));
            return db.ddb().query(r -> r.tableName("items").keyConditionExpression("pk = :p AND sk > :s")
                    .expressionAttributeValues(values(":p", "a", ":s", 5)).exclusiveStartKey(key("pk", "a", "sk", 6)));
        }).expect(Dsl.page(List.of(item("pk", "a", "sk", 7)), 1, 1));

        cases.add("ExpressionAttributeNames keys must start with '#'", db -> {
            db.table("items", "pk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")).projectionExpression("pk")
                    .expressionAttributeNames(Map.of("a", "pk")));
        }).expectMessage(V, "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");

        cases.add("a deep value as the only failure leaves the table unchanged", db -> {
            db.table("items", "pk:S");
            Outcome result = Db.attempt(() -> db.ddb().putItem(r -> r.tableName("items")
                    .item(Map.of("pk", AttributeValue.fromS("a"), "d", deep(40)))));
            return map("result", result, "after", db.contents("items"));
        }).expect(map("result", Dsl.error("DynamoDbException", V), "after", List.of()));
    }
}
