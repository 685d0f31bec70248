package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.key;
import static io.dynamapper.inmemory.contract.Dsl.map;
import static io.dynamapper.inmemory.contract.Dsl.values;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The exception DynamoDB throws, and its message where DynamoDB keeps it stable: invalid keys inside
 * transactions are cancellation reasons, request validation comes before the table lookup, and the
 * wording of resource, parameter and constraint errors.
 */
final class ErrorShapeContractTest extends ContractSuite {

    private static final String V = "ValidationException";
    private static final String CANCELLED = "TransactionCanceledException";

    @Override
    protected void define(Cases cases) {
        cases.add("a transactional Put with a wrongly typed key is cancelled with a ValidationError reason", db -> {
            db.table("items", "pk:S");
            return db.ddb().transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName("items").item(item("pk", 5))).build()));
        }).withMessages().expectCancelled("ValidationError");

        cases.add("a transactional Update with a wrongly typed key: the schema mismatch, in its position", db -> {
            db.table("items", "pk:S");
            db.put("items", item("pk", "a", "v", 1));
            return db.ddb().transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().conditionCheck(c -> c.tableName("items").key(key("pk", "a"))
                            .conditionExpression("v = :v").expressionAttributeValues(values(":v", 1))).build(),
                    TransactWriteItem.builder().update(u -> u.tableName("items").key(key("pk", 5))
                            .updateExpression("SET v = :v").expressionAttributeValues(values(":v", 2))).build()));
        }).withMessages().expectCancelled("None", "ValidationError");

        cases.add("a transactional Delete with a key attribute missing is cancelled", db -> {
            db.table("items", "pk:S", "sk:S");
            return db.ddb().transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().delete(d -> d.tableName("items").key(key("pk", "a"))).build()));
        }).withMessages().expectCancelled("ValidationError");

        cases.add("a cancelled transaction writes nothing", db -> {
            db.table("items", "pk:S");
            Outcome result = Db.attempt(() -> db.ddb().transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName("items").item(item("pk", "a"))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName("items").item(item("pk", 5))).build())));
            return map("result", result, "after", db.contents("items"));
        }).expect(map("result", TransactionContractTest.cancelledWith("[{code: \"None\"}, {code: \"ValidationError\"}]"),
                "after", List.of()));

        cases.add("an empty string key inside a transaction is a plain ValidationException", db -> {
            db.table("items", "pk:S");
            return db.ddb().transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName("items").item(item("pk", ""))).build()));
        }).expectMessage(V, "One or more parameter values are not valid. The AttributeValue for a key attribute "
                + "cannot contain an empty string value. Key: pk");

        cases.add("TransactGetItems with a wrongly typed key is cancelled with a ValidationError reason", db -> {
            db.table("items", "pk:S");
            return db.ddb().transactGetItems(r -> r.transactItems(
                    TransactGetItem.builder().get(g -> g.tableName("items").key(key("pk", "a"))).build(),
                    TransactGetItem.builder().get(g -> g.tableName("items").key(key("pk", 1))).build()));
        }).withMessages().expectCancelled("None", "ValidationError");

        cases.add("an expression syntax error is reported before a missing table", db ->
                db.ddb().putItem(r -> r.tableName("nothere").item(item("pk", "a")).conditionExpression("pk = = :v")))
                .expectError(V);

        cases.add("an unused expression value is reported before a missing table", db ->
                db.ddb().deleteItem(r -> r.tableName("nothere").key(key("pk", "a"))
                        .expressionAttributeValues(values(":v", 1)).conditionExpression("attribute_exists(pk)")))
                .expectMessage(V, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}");

        cases.add("a syntax error in a later transaction action is reported before a missing table", db -> {
            db.table("items", "pk:S");
            return db.ddb().transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName("nothere").item(item("pk", "a"))).build(),
                    TransactWriteItem.builder().update(u -> u.tableName("items").key(key("pk", "a"))
                            .updateExpression("SET v = :v").expressionAttributeValues(values(":v", 1, ":w", 2)))
                            .build()));
        }).expectMessage(V, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}");

        cases.add("ExpressionAttributeValues without an expression", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a"))
                    .expressionAttributeValues(values(":v", 1)));
        }).expectMessage(V, "1 validation error detected: ExpressionAttributeValues can only be specified when using "
                + "expressions");

        cases.add("ExpressionAttributeNames without an expression", db -> {
            db.table("items", "pk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a"))
                    .expressionAttributeNames(Dsl.names("#a", "a")));
        }).expectMessage(V, "1 validation error detected: ExpressionAttributeNames can only be specified when using "
                + "expressions");

        cases.add("a Query's filter syntax error is reported before a missing table", db ->
                db.ddb().query(r -> r.tableName("nothere").keyConditionExpression("pk = :p")
                        .filterExpression("v >").expressionAttributeValues(values(":p", "a"))))
                .expectMessage(V, "Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \">\"");

        cases.add("a BatchGetItem projection error is reported before a missing table", db ->
                db.ddb().batchGetItem(r -> r.requestItems(java.util.Map.of("nothere",
                        software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                                .keys(key("pk", "a")).projectionExpression("#x").build()))))
                .expectMessage(V, "Invalid ProjectionExpression: An expression attribute name used in the document "
                        + "path is not defined; attribute name: #x");

        cases.add("an item operation on a missing table", db ->
                db.ddb().getItem(r -> r.tableName("nothere").key(key("pk", "a"))))
                .expectMessage("ResourceNotFoundException", "Requested resource not found");

        cases.add("a transaction on a missing table", db -> db.ddb().transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("nothere").item(item("pk", "a"))).build())))
                .expectMessage("ResourceNotFoundException", "Requested resource not found");

        cases.add("DescribeTable of a missing table names it", db ->
                db.ddb().describeTable(r -> r.tableName("nothere")))
                .expectMessage("ResourceNotFoundException", "Requested resource not found: Table: nothere not found");

        cases.add("CreateTable of an existing table", db -> {
            db.table("items", "pk:S");
            return db.ddb().createTable(Db.createRequest("items", b -> b.billingMode("PAY_PER_REQUEST"), "pk:S"));
        }).expectMessage("ResourceInUseException", "Table already exists: items");

        cases.add("GetItem with a wrongly typed key", db -> {
            db.table("items", "pk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", 1)));
        }).expectMessage(V, "The provided key element does not match the schema");

        cases.add("GetItem with a key attribute missing", db -> {
            db.table("items", "pk:S", "sk:S");
            return db.ddb().getItem(r -> r.tableName("items").key(key("pk", "a")));
        }).expectMessage(V, "The provided key element does not match the schema");

        cases.add("PutItem without the sort key", db -> {
            db.table("items", "pk:S", "sk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a")));
        }).expectMessage(V, "One or more parameter values were invalid: Missing the key sk in the item");

        cases.add("PutItem with a wrongly typed key", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", 1)));
        }).expectMessage(V, "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");

        cases.add("PutItem with a wrongly typed index key, or NULL for it", db -> {
            CapacityContractTest.indexed(db);
            Outcome number = Db.attempt(() -> db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "g", 1))));
            Outcome nul = Db.attempt(() -> db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "g", null))));
            return map("number", number, "null", nul);
        }).expect(map("number", Dsl.error("DynamoDbException", V), "null", Dsl.error("DynamoDbException", V)));

        cases.add("the message for a wrongly typed index key", db -> {
            CapacityContractTest.indexed(db);
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a", "g", 1)));
        }).expectMessage(V, "One or more parameter values were invalid: Type mismatch for Index Key g Expected: S "
                + "Actual: N IndexName: byG");

        cases.add("GetItem without a key", db -> {
            db.table("items", "pk:S");
            return db.ddb().getItem(r -> r.tableName("items"));
        }).expectMessage(V, "1 validation error detected: Value null at 'key' failed to satisfy constraint: Member "
                + "must not be null");

        cases.add("Query with Limit 0", db -> {
            db.table("items", "pk:S");
            return db.ddb().query(r -> r.tableName("items").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(values(":p", "a")).limit(0));
        }).expectMessage(V, "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member "
                + "must have value greater than or equal to 1");

        cases.add("an empty binary set", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a",
                    "b", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBs(List.of()))));
        }).expectMessage(V, "One or more parameter values were invalid: Binary sets should not be empty");

        cases.add("BatchWriteItem with no request items", db ->
                db.ddb().batchWriteItem(r -> r.requestItems(java.util.Map.of())))
                .expectMessage(V, "The requestItems parameter is required for BatchWriteItem");

        cases.add("UpdateTimeToLive without Enabled", db -> {
            db.table("items", "pk:S");
            return db.ddb().updateTimeToLive(r -> r.tableName("items")
                    .timeToLiveSpecification(t -> t.attributeName("ttl")));
        }).expectMessage(V, "1 validation error detected: Value null at 'timeToLiveSpecification.enabled' failed to "
                + "satisfy constraint: Member must not be null");

        cases.add("Scan with Segment and no TotalSegments", db -> {
            db.table("items", "pk:S");
            return db.ddb().scan(r -> r.tableName("items").segment(0));
        }).expectMessage(V, "The TotalSegments parameter is required but was not present in the request when Segment "
                + "parameter is present");

        cases.add("Scan with TotalSegments and no Segment", db -> {
            db.table("items", "pk:S");
            return db.ddb().scan(r -> r.tableName("items").totalSegments(2));
        }).expectMessage(V, "The Segment parameter is required but was not present in the request when parameter "
                + "TotalSegments is present");

        cases.add("Scan with Segment not below TotalSegments", db -> {
            db.table("items", "pk:S");
            return db.ddb().scan(r -> r.tableName("items").segment(5).totalSegments(5));
        }).expectMessage(V, "The Segment parameter is zero-based and must be less than parameter TotalSegments: "
                + "Segment: 5 is not less than TotalSegments: 5");

        cases.add("a table name of two characters", db -> db.ddb().getItem(r -> r.tableName("ab").key(key("pk", "a"))))
                .expectMessage(V, "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 3");

        cases.add("a conditional check failure", db -> {
            db.table("items", "pk:S");
            return db.ddb().putItem(r -> r.tableName("items").item(item("pk", "a"))
                    .conditionExpression("attribute_exists(pk)"));
        }).expectMessage("ConditionalCheckFailedException", "The conditional request failed");
    }
}
