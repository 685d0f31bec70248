package io.dynamapper.examples.readme;

import io.dynamapper.testkit.DynamapperExtension;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** docs/testing.md's other extension declarations (compiled; not registered, so nothing starts). */
final class ExtensionDeclarations {
    private ExtensionDeclarations() {
    }

    // @snippet extension-declarations
    // the in-memory DynamoDB served over HTTP on a free loopback port, through the SDK's real client
    static final DynamapperExtension http = DynamapperExtension.http().withEntities(Account.class);

    // any DynamoDB-compatible endpoint (region us-east-1, placeholder credentials)
    static final DynamapperExtension endpoint = DynamapperExtension.endpoint(URI.create("http://localhost:8000"))
            .withEntities(Account.class);

    // any client: AWS test tables with your credentials, a server of your own
    static final DynamapperExtension aws = DynamapperExtension.client(DynamoDbClient::create)
            .withEntities(Account.class);
    // @end
}
