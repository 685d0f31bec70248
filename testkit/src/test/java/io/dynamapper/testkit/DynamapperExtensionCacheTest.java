package io.dynamapper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Cached;
import io.dynamapper.HashKey;
import io.dynamapper.SessionFactory;
import io.dynamapper.Table;
import io.dynamapper.Version;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** The extension's factory is shared by the tests of a class: its second-level cache must not be. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DynamapperExtensionCacheTest {
    @Cached
    @Table("cached_scores")
    static class CachedScore {
        @HashKey String id;
        int points;
        @Version long version;

        CachedScore() {
        }

        CachedScore(String id, int points) {
            this.id = id;
            this.points = points;
        }
    }

    @RegisterExtension
    static final DynamapperExtension db = DynamapperExtension.inMemory().withEntities(CachedScore.class);

    @Test
    @Order(1)
    void storesAnItemTheCacheKeeps(SessionFactory sessions) {
        sessions.useTransaction(s -> s.save(new CachedScore("k", 3)));
        int points = sessions.inTransaction(s -> s.get(CachedScore.class, "k").points);
        assertEquals(3, points);
        assertEquals(0, db.memory().requests(GetItemRequest.class).size(), "answered by the cache: no GetItem");
    }

    @Test
    @Order(2)
    void theNextTestSeesNeitherTheItemNorItsCacheEntry(SessionFactory sessions) {
        assertTrue(sessions.inTransaction(s -> s.find(CachedScore.class, "k")).isEmpty());
    }
}
