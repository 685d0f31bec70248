package io.dynamapper.examples.doommap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The walkthrough runs to the end on the in-memory DynamoDB; its seed steps do what they say. */
class WalkthroughTest {

    @Test
    void theWalkthroughAllocatesPlayerIdsAndMigratesAnOldItem() {
        InMemoryDynamoDb db = InMemoryDynamoDb.create();
        List<String> lines = new ArrayList<>();
        new Walkthrough(db, lines::add).run();
        assertEquals("Done.", lines.get(lines.size() - 1));
        assertTrue(lines.contains("   saved Player #3 BJ Blazkowicz"), String.join("\n", lines));
        Map<String, AttributeValue> e2m1 = db.getItem(b -> b.tableName("doom_map").key(Map.of(
                "episode", AttributeValue.fromN("2"), "map", AttributeValue.fromN("1")))).item();
        assertEquals(List.of("iddqd", "idkfa"), e2m1.get("cheats").ss().stream().sorted().toList());
        assertEquals(AttributeValue.fromN("2"), e2m1.get("_schema"));
        assertEquals(AttributeValue.fromN("2"), e2m1.get("version"));
    }
}
