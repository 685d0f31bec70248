package io.dynamapper.inmemory.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * Builds the exceptions DynamoDB throws, with the SDK's exception classes, error codes, status codes
 * and real DynamoDB's messages where they are recorded (DynamoDB Local's where nothing else is).
 */
public final class Errors {
    private Errors() {
    }

    private static AwsErrorDetails details(String code, String message, int status) {
        return AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName("DynamoDb")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build())
                .build();
    }

    /** A {@code ValidationException}: a plain {@link DynamoDbException}, status 400. */
    public static DynamoDbException validation(String message) {
        return (DynamoDbException) DynamoDbException.builder()
                .message(message)
                .statusCode(400)
                .awsErrorDetails(details("ValidationException", message, 400))
                .build();
    }

    /** A validation error about an expression, prefixed like DynamoDB's ("Invalid ConditionExpression: ..."). */
    static DynamoDbException invalidExpression(String kind, String message) {
        return validation("Invalid " + kind + ": " + message);
    }

    /** DynamoDB's answer to a data-plane request naming a table that does not exist. */
    static ResourceNotFoundException resourceNotFound() {
        return resourceNotFound("Requested resource not found");
    }

    /** A {@code ResourceNotFoundException} with this message (the control plane names the table). */
    static ResourceNotFoundException resourceNotFound(String m) {
        return (ResourceNotFoundException) ResourceNotFoundException.builder()
                .message(m).statusCode(400).awsErrorDetails(details("ResourceNotFoundException", m, 400)).build();
    }

    static ResourceInUseException resourceInUse(String m) {
        return (ResourceInUseException) ResourceInUseException.builder()
                .message(m).statusCode(400).awsErrorDetails(details("ResourceInUseException", m, 400)).build();
    }

    static LimitExceededException limitExceeded(String m) {
        return (LimitExceededException) LimitExceededException.builder()
                .message(m).statusCode(400).awsErrorDetails(details("LimitExceededException", m, 400)).build();
    }

    static ConditionalCheckFailedException conditionalCheckFailed(Map<String, AttributeValue> oldItem) {
        String m = "The conditional request failed";
        ConditionalCheckFailedException.Builder b = ConditionalCheckFailedException.builder();
        if (oldItem != null) {
            b.item(oldItem);
        }
        return (ConditionalCheckFailedException) b.message(m).statusCode(400)
                .awsErrorDetails(details("ConditionalCheckFailedException", m, 400)).build();
    }

    /** A {@link TransactionCanceledException} carrying {@code reasons} in request order. */
    public static TransactionCanceledException transactionCanceled(List<CancellationReason> reasons) {
        String m = "Transaction cancelled, please refer cancellation reasons for specific reasons "
                + reasons.stream().map(CancellationReason::code).collect(Collectors.joining(", ", "[", "]"));
        return (TransactionCanceledException) TransactionCanceledException.builder()
                .cancellationReasons(reasons).message(m).statusCode(400)
                .awsErrorDetails(details("TransactionCanceledException", m, 400)).build();
    }

    static IdempotentParameterMismatchException idempotentMismatch() {
        String m = "Request with the same client request token but different parameters was already processed";
        return (IdempotentParameterMismatchException) IdempotentParameterMismatchException.builder()
                .message(m).statusCode(400)
                .awsErrorDetails(details("IdempotentParameterMismatchException", m, 400)).build();
    }

    /** {@code ProvisionedThroughputExceededException}, status 400. */
    public static ProvisionedThroughputExceededException provisionedThroughputExceeded() {
        String m = "The level of configured provisioned throughput for the table was exceeded. "
                + "Consider increasing your provisioning level with the UpdateTable API. (injected fault)";
        return (ProvisionedThroughputExceededException) ProvisionedThroughputExceededException.builder()
                .message(m).statusCode(400)
                .awsErrorDetails(details("ProvisionedThroughputExceededException", m, 400)).build();
    }

    /** {@code ThrottlingException} (a {@link DynamoDbException} with that error code), status 400. */
    public static DynamoDbException throttling() {
        String m = "Rate of requests exceeds the allowed throughput. (injected fault)";
        return (DynamoDbException) software.amazon.awssdk.services.dynamodb.model.ThrottlingException.builder()
                .message(m).statusCode(400).awsErrorDetails(details("ThrottlingException", m, 400)).build();
    }

    /** {@code InternalServerErrorException}, status 500. */
    public static InternalServerErrorException internalServerError() {
        String m = "Internal server error (injected fault)";
        return (InternalServerErrorException) InternalServerErrorException.builder()
                .message(m).statusCode(500).awsErrorDetails(details("InternalServerError", m, 500)).build();
    }

    /** {@code TransactionInProgressException}, status 400. */
    public static TransactionInProgressException transactionInProgress() {
        String m = "Transaction is ongoing for the item (injected fault)";
        return (TransactionInProgressException) TransactionInProgressException.builder()
                .message(m).statusCode(400)
                .awsErrorDetails(details("TransactionInProgressException", m, 400)).build();
    }
}
