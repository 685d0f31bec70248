package io.dynamapper.inmemory.internal;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Errors of UpdateTable and tagging that name the resource they did not find. */
final class OpsErrors {
    private OpsErrors() {
    }

    /** A {@code ResourceNotFoundException} (status 400) with this message. */
    static ResourceNotFoundException resourceNotFound(String message) {
        return (ResourceNotFoundException) ResourceNotFoundException.builder().message(message).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException")
                        .errorMessage(message).serviceName("DynamoDb")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build()).build())
                .build();
    }
}
