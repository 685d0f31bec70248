package io.dynamapper.engine.internal.commit;

import static io.dynamapper.engine.internal.commit.Failures.Kind.CONDITION_FAILED;
import static io.dynamapper.engine.internal.commit.Failures.Kind.FATAL;
import static io.dynamapper.engine.internal.commit.Failures.Kind.TRANSIENT;
import static io.dynamapper.engine.internal.commit.Failures.Kind.UNKNOWN_OUTCOME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

class FailuresTest {
    private static TransactionCanceledException canceled(String... codes) {
        CancellationReason[] reasons = new CancellationReason[codes.length];
        for (int i = 0; i < codes.length; i++) {
            reasons[i] = CancellationReason.builder().code(codes[i]).build();
        }
        return TransactionCanceledException.builder().cancellationReasons(reasons).build();
    }

    private static DynamoDbException withCode(String code, int status) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    @Test
    void conditionFailures() {
        assertEquals(CONDITION_FAILED, Failures.classify(ConditionalCheckFailedException.builder().build()));
        assertEquals(CONDITION_FAILED, Failures.classify(canceled("None", "ConditionalCheckFailed")));
        assertEquals(CONDITION_FAILED, Failures.classify(canceled("TransactionConflict", "ConditionalCheckFailed")));
    }

    @Test
    void transientFailures() {
        assertEquals(TRANSIENT, Failures.classify(canceled("None", "TransactionConflict")));
        assertEquals(TRANSIENT, Failures.classify(canceled("ThrottlingError", "None")));
        assertEquals(TRANSIENT, Failures.classify(TransactionInProgressException.builder().build()));
        assertEquals(TRANSIENT, Failures.classify(ProvisionedThroughputExceededException.builder().statusCode(400).build()));
        assertEquals(TRANSIENT, Failures.classify(RequestLimitExceededException.builder().statusCode(400).build()));
        assertEquals(TRANSIENT, Failures.classify(withCode("ThrottlingException", 400)));
    }

    @Test
    void unknownOutcomes() {
        assertEquals(UNKNOWN_OUTCOME, Failures.classify(SdkClientException.create("Connection reset")));
        assertEquals(UNKNOWN_OUTCOME, Failures.classify(ApiCallTimeoutException.create(1000)));
        assertEquals(UNKNOWN_OUTCOME, Failures.classify(ApiCallAttemptTimeoutException.create(1000)));
        assertEquals(UNKNOWN_OUTCOME, Failures.classify(InternalServerErrorException.builder().statusCode(500).build()));
        assertEquals(UNKNOWN_OUTCOME, Failures.classify(withCode("ServiceUnavailable", 503)));
    }

    @Test
    void fatalFailures() {
        assertEquals(FATAL, Failures.classify(withCode("ValidationException", 400)));
        assertEquals(FATAL, Failures.classify(ResourceNotFoundException.builder().statusCode(400).build()));
        assertEquals(FATAL, Failures.classify(canceled("None", "ValidationError")));
        assertEquals(FATAL, Failures.classify(canceled()));
        assertEquals(FATAL, Failures.classify(new IllegalStateException("bug")));
    }
}
