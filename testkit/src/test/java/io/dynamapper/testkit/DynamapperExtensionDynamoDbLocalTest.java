package io.dynamapper.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.SessionFactory;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link DynamapperExtensionCases} on DynamoDB Local, in-process. */
class DynamapperExtensionDynamoDbLocalTest extends DynamapperExtensionCases {
    @RegisterExtension
    static final DynamapperExtension db = DynamapperExtension.dynamoDbLocal().withEntities(Score.class);

    DynamapperExtensionDynamoDbLocalTest(SessionFactory sessions, DynamoDbClient client) {
        super(sessions, client);
    }

    @Override
    DynamapperExtension db() {
        return db;
    }

    @Test
    @Order(10)
    void runsOnDynamoDbLocalAndHasNoInMemoryDynamoDb(DynamoDbClient client) {
        assertTrue(!(client instanceof InMemoryDynamoDb), () -> "client was " + client);
        IllegalStateException e = assertThrows(IllegalStateException.class, db::memory);
        assertTrue(e.getMessage().contains("has no InMemoryDynamoDb"), e.getMessage());
    }
}
