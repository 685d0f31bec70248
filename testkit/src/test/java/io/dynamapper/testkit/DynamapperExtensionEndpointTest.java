package io.dynamapper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.SessionFactory;
import io.dynamapper.inmemory.Fault;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.inmemory.InMemoryDynamoDbServer;
import io.dynamapper.inmemory.Operation;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * {@link DynamapperExtensionCases} on a DynamoDB the extension does not own (here an in-memory DynamoDB
 * served over HTTP, standing in for AWS test tables or a shared server): a table prefix per test and
 * clean-up afterwards, faults through a decorator.
 */
class DynamapperExtensionEndpointTest extends DynamapperExtensionCases {
    /** A table someone else keeps on the shared server: the extension must never touch it. */
    private static final String FOREIGN = "someone_elses_table";
    private static final InMemoryDynamoDbServer SERVER = shared();

    @RegisterExtension
    static final DynamapperExtension db = DynamapperExtension.endpoint(SERVER.uri()).withEntities(Score.class);

    private static InMemoryDynamoDbServer shared() {
        InMemoryDynamoDbServer server = InMemoryDynamoDb.create().serve();
        server.db().createTable(b -> b.tableName(FOREIGN).billingMode("PAY_PER_REQUEST")
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType("HASH").build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType("S").build()));
        return server;
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    DynamapperExtensionEndpointTest(SessionFactory sessions, DynamoDbClient client) {
        super(sessions, client);
    }

    @Override
    DynamapperExtension db() {
        return db;
    }

    @Test
    @Order(10)
    void theTestsTablesHaveAPrefixOfTheirOwnOnTheServerAndTheTestSeesThemWithout(DynamoDbClient client) {
        List<String> onServer = SERVER.db().listTables().tableNames();
        assertEquals(3, onServer.size(), onServer::toString);
        assertTrue(onServer.contains(FOREIGN));
        String prefix = onServer.stream().filter(n -> n.endsWith("ext_players")).findFirst().orElseThrow()
                .replace("ext_players", "");
        assertTrue(prefix.matches("dm[0-9a-f]{10}_"), prefix);
        assertTrue(onServer.contains(prefix + "ext_scores"), onServer::toString);
        assertEquals(List.of("ext_players", "ext_scores"), client.listTables().tableNames());
    }

    @Test
    @Order(11)
    void afterATestOnlyTheNextTestsTablesAndForeignOnesAreLeft() {
        List<String> onServer = SERVER.db().listTables().tableNames();
        assertEquals(3, onServer.size(), onServer::toString);
        assertTrue(onServer.contains(FOREIGN));
    }

    @Test
    @Order(12)
    void faultsAreInjectedInFrontOfTheClient(SessionFactory sessions) {
        db.faults().on(Operation.PUT_ITEM).failNext(2, Fault.THROTTLING);
        sessions.useTransaction(s -> s.save(new Player("alice", "Alice")));
        assertEquals(2, db.faults().injected(Operation.PUT_ITEM));
        assertEquals("Alice", sessions.inTransaction(s -> s.get(Player.class, "alice").name));
    }

    @Test
    @Order(13)
    void thereIsNoInMemoryDynamoDbToInject() {
        IllegalStateException e = assertThrows(IllegalStateException.class, db::memory);
        assertTrue(e.getMessage().startsWith("DynamapperExtension.endpoint(" + SERVER.uri() + ") runs on the "
                + "DynamoDB at " + SERVER.uri() + " and has no InMemoryDynamoDb"), e.getMessage());
        assertEquals(0, db.faults().injectedTotal(), "faults were cleared after the last test");
    }
}
