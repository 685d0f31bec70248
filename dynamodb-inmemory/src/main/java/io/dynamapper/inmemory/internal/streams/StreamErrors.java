package io.dynamapper.inmemory.internal.streams;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/** The exceptions DynamoDB Streams answers with: the SDK's classes, error codes and status 400. */
final class StreamErrors {
    private StreamErrors() {
    }

    private static <T extends AwsServiceException> T build(AwsServiceException.Builder b, String code, String m) {
        @SuppressWarnings("unchecked")
        T e = (T) b.message(m).statusCode(400).awsErrorDetails(AwsErrorDetails.builder().errorCode(code)
                .errorMessage(m).serviceName("DynamoDbStreams")
                .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build()).build()).build();
        return e;
    }

    static DynamoDbException validation(String m) {
        return build(DynamoDbException.builder(), "ValidationException", m);
    }

    static ResourceNotFoundException notFound(String m) {
        return build(ResourceNotFoundException.builder(), "ResourceNotFoundException", m);
    }

    static ExpiredIteratorException expired(String m) {
        return build(ExpiredIteratorException.builder(), "ExpiredIteratorException", m);
    }

    static TrimmedDataAccessException trimmed(String m) {
        return build(TrimmedDataAccessException.builder(), "TrimmedDataAccessException", m);
    }

    /** "1 validation error detected: Value 'v' at 'field' failed to satisfy constraint: ..." */
    static DynamoDbException constraint(Object value, String field, String constraint) {
        return validation("1 validation error detected: Value " + (value == null ? "null" : "'" + value + "'")
                + " at '" + field + "' failed to satisfy constraint: " + constraint);
    }
}
