package io.dynamapper.examples.readme;

import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The README's three ways to get a {@code DynamoDbClient}. */
final class Clients {
    private Clients() {
    }

    static DynamoDbClient aws() {
        // @snippet clients
        // AWS: the default credential chain and region (environment, profile, instance role)
        DynamoDbClient aws = DynamoDbClient.create();

        // a DynamoDB-compatible server at an endpoint
        DynamoDbClient local = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://localhost:8000"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();

        // in memory, for unit tests (dynamapper-dynamodb-inmemory, included in dynamapper-testkit)
        DynamoDbClient memory = InMemoryDynamoDb.create();
        // @end
        local.close();
        memory.close();
        return aws;
    }
}
