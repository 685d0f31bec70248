package io.dynamapper.inmemory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
/** {@link Legacy}: the expressions it produces and DynamoDB's messages for what it rejects. */
class LegacyTest {

    private static final AttributeValue FIVE = AttributeValue.fromN("5");

    private static String message(Executable call) {
        return assertThrows(DynamoDbException.class, call).awsErrorDetails().errorMessage();
    }

    @Test
    void expressionRequestsPassUnchanged() {
        PutItemRequest r = PutItemRequest.builder().tableName("things").conditionExpression("attribute_exists(a)").build();
        assertSame(r, Legacy.putItem(r));
    }

    @Test
    void expectedBecomesAConditionExpressionWithGeneratedPlaceholders() {
        DeleteItemRequest r = Legacy.deleteItem(DeleteItemRequest.builder().tableName("things")
                .expected(Map.of("b", ExpectedAttributeValue.builder().exists(false).build(),
                        "a", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.NOT_CONTAINS)
                                .attributeValueList(FIVE).build()))
                .conditionalOperator(ConditionalOperator.OR).build());
        assertEquals("(attribute_exists(#n0) AND NOT contains(#n0, :v0)) OR attribute_not_exists(#n1)",
                r.conditionExpression());
        assertEquals(Map.of("#n0", "a", "#n1", "b"), r.expressionAttributeNames());
        assertEquals(Map.of(":v0", FIVE), r.expressionAttributeValues());
        assertEquals(false, r.hasExpected());
    }

    @Test
    void attributeUpdatesBecomeAnUpdateExpression() {
        UpdateItemRequest r = Legacy.updateItem(UpdateItemRequest.builder().tableName("things").attributeUpdates(Map.of(
                "a", AttributeValueUpdate.builder().value(FIVE).build(),
                "b", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(FIVE).build(),
                "c", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build())).build());
        assertEquals("SET #n0 = :v0 ADD #n1 :v1 REMOVE #n2", r.updateExpression());
    }

    @Test
    void keyConditionsUsePlaceholdersThatLeaveTheCallersAlone() {
        QueryRequest r = Legacy.query(QueryRequest.builder().tableName("things")
                .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                        .attributeValueList(FIVE).build()))
                .filterExpression("#x = :x").expressionAttributeNames(Map.of("#x", "x"))
                .expressionAttributeValues(Map.of(":x", FIVE)).build());
        assertEquals("#legacyn0 = :legacyv0", r.keyConditionExpression());
        assertEquals(Map.of("#x", "x", "#legacyn0", "pk"), r.expressionAttributeNames());
    }

    @Test
    void mixingIsRejectedWithDynamoDbsMessage() {
        assertEquals("Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {ScanFilter, ConditionalOperator} Expression parameters: "
                + "{ProjectionExpression, FilterExpression}", message(() -> Legacy.scan(ScanRequest.builder()
                .tableName("things").scanFilter(Map.of("a", Condition.builder().comparisonOperator(ComparisonOperator.NULL)
                        .build())).conditionalOperator(ConditionalOperator.AND).projectionExpression("a")
                .filterExpression("attribute_exists(a)").build())));
        assertEquals("ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null",
                message(() -> Legacy.putItem(PutItemRequest.builder().tableName("things")
                        .expected(Map.of("a", ExpectedAttributeValue.builder().exists(false).build()))
                        .expressionAttributeValues(Map.of(":v", FIVE)).build())));
    }

    @Test
    void aQueryFilterOnAKeyAttributeGetsTheQueryFilterMessage() {
        Database db = new Database();
        db.createTable(software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.builder().tableName("things")
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"),
                        a -> a.attributeName("sk").attributeType("N"))
                .billingMode("PAY_PER_REQUEST").build());
        Condition eq = Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(FIVE).build();
        assertEquals("QueryFilter can only contain non-primary key attributes: Primary key attribute: sk",
                message(() -> db.query(QueryRequest.builder().tableName("things")
                        .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                                .attributeValueList(AttributeValue.fromS("a")).build()))
                        .queryFilter(Map.of("sk", eq)).build())));
    }

    @Test
    void conditionalOperatorNeedsTwoConditions() {
        assertEquals("ConditionalOperator cannot be used without Filter or Expected", message(() -> Legacy.putItem(
                PutItemRequest.builder().tableName("things").conditionalOperator(ConditionalOperator.AND).build())));
        assertEquals("ConditionalOperator can only be used when Filter or Expected has two or more elements",
                message(() -> Legacy.query(QueryRequest.builder().tableName("things").conditionalOperator(ConditionalOperator.OR)
                        .queryFilter(Map.of("a", Condition.builder().comparisonOperator(ComparisonOperator.NULL).build()))
                        .build())));
    }

    @Test
    void malformedConditionsAreRejectedWithDynamoDbsMessages() {
        assertEquals("One or more parameter values were invalid: Value must be provided when Exists is true for "
                + "Attribute: a", message(() -> Legacy.putItem(PutItemRequest.builder().tableName("things")
                .expected(Map.of("a", ExpectedAttributeValue.builder().exists(true).build())).build())));
        assertEquals("One or more parameter values were invalid: ComparisonOperator LT is not valid for SS "
                + "AttributeValue type", message(() -> Legacy.scan(ScanRequest.builder().tableName("things")
                .scanFilter(Map.of("a", Condition.builder().comparisonOperator(ComparisonOperator.LT)
                        .attributeValueList(AttributeValue.fromSs(java.util.List.of("x"))).build())).build())));
        assertEquals("One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN "
                + "ComparisonOperator", message(() -> Legacy.scan(ScanRequest.builder().tableName("things")
                .scanFilter(Map.of("a", Condition.builder().comparisonOperator(ComparisonOperator.BETWEEN)
                        .attributeValueList(FIVE).build())).build())));
        assertEquals("One or more parameter values were invalid: Action DELETE is not supported for the type N",
                message(() -> Legacy.updateItem(UpdateItemRequest.builder().tableName("things").attributeUpdates(Map.of(
                        "a", AttributeValueUpdate.builder().action(AttributeAction.DELETE).value(FIVE).build()))
                        .build())));
    }
}
