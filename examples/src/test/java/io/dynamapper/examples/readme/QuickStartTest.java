package io.dynamapper.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The README's quick start runs, on the in-memory DynamoDB, and leaves what it says. */
class QuickStartTest {

    @Test
    void theQuickStartRuns() {
        DynamoDbClient memory = InMemoryDynamoDb.create();
        QuickStart.run(memory);

        SessionFactory sessions = Dynamapper.builder().client(memory).build();
        try (Session s = sessions.openSession()) {
            List<DoomMap> maps = s.query(DoomMap.class).hashKey(1).list();
            assertEquals(1, maps.size());
            assertEquals("The Hangar", maps.get(0).name);
            assertEquals(2L, maps.get(0).version);
        }
    }
}
