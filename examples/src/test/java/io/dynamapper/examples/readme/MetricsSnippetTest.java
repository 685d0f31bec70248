package io.dynamapper.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.engine.Dynamapper;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.micrometer.DynamapperMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The README's metrics setup counts a commit. */
class MetricsSnippetTest {

    @Test
    void aCommitIsTimed() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DynamoDbClient client = InMemoryDynamoDb.create();
        // @snippet metrics
        DynamapperMetrics metrics = DynamapperMetrics.create(registry);            // or create(registry, Tags.of(...))
        SessionFactory sessions = Dynamapper.builder().client(client).listener(metrics).build();
        metrics.bindCache(sessions);                                               // the cache's Caffeine statistics
        // @end
        sessions.schema().createTable(Account.class, Throughput.onDemand());
        sessions.useTransaction(s -> s.save(new Account("alice", 1)));
        assertEquals(1, registry.get("dynamapper.commit").timer().count());
    }
}
