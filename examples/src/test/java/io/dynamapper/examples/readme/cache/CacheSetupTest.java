package io.dynamapper.examples.readme.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** The README's cached factory answers a repeated read from its cache; the uncached one asks DynamoDB. */
class CacheSetupTest {

    @Test
    void theCachedFactoryReadsOnce() {
        InMemoryDynamoDb memory = InMemoryDynamoDb.create();
        List<SessionFactory> factories = CacheSetup.factories(memory);
        SessionFactory cached = factories.get(0);
        SessionFactory uncached = factories.get(1);
        cached.schema().createTable(DoomMap.class, Throughput.onDemand());
        DoomMap hangar = new DoomMap();
        hangar.episode = 1;
        hangar.map = 1;
        cached.useTransaction(s -> s.save(hangar));

        for (int i = 0; i < 3; i++) {
            cached.useTransaction(s -> s.get(DoomMap.class, 1, 1));
        }
        long cachedGets = memory.requests(GetItemRequest.class).size();
        for (int i = 0; i < 3; i++) {
            uncached.useTransaction(s -> s.get(DoomMap.class, 1, 1));
        }
        assertEquals(3, memory.requests(GetItemRequest.class).size() - cachedGets);
        assertTrue(cachedGets <= 1, "cached gets: " + cachedGets);
    }
}
