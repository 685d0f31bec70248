package io.dynamapper.examples.readme.cache;

import io.dynamapper.SessionFactory;
import io.dynamapper.engine.Dynamapper;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The README's factories with and without the second-level cache. */
final class CacheSetup {
    private CacheSetup() {
    }

    static List<SessionFactory> factories(DynamoDbClient client) {
        // @snippet cache-factories
        SessionFactory sessions = Dynamapper.builder().client(client).build();          // @Cached classes are cached
        SessionFactory uncached = Dynamapper.builder().client(client).secondLevelCache(false).build();  // nothing is
        // @end
        return List.of(sessions, uncached);
    }
}
