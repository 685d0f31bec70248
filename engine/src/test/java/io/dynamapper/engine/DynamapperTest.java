package io.dynamapper.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Cached;
import io.dynamapper.CommitEvent;
import io.dynamapper.DynamapperListener;
import io.dynamapper.HashKey;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.Table;
import io.dynamapper.Version;
import io.dynamapper.engine.testing.TestDynamoDb;
import io.dynamapper.engine.testing.RecordingClient;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The builder's cache switch and listeners, through the public entry point. */
class DynamapperTest {
    @Cached
    @Table("builder_cached")
    static class Thing {
        @HashKey String id;
        String name;
        @Version long version;
    }

    private RecordingClient recording;

    @BeforeEach
    void freshTable() {
        TestDynamoDb.deleteAllTables();
        DynamoDbClient local = TestDynamoDb.client();
        local.createTable(CreateTableRequest.builder().tableName("builder_cached")
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
        local.putItem(PutItemRequest.builder().tableName("builder_cached").item(Map.of("id", AttributeValue.fromS("t"),
                "name", AttributeValue.fromS("thing"), "version", AttributeValue.fromN("1"))).build());
        recording = RecordingClient.wrap(local);
    }

    private int readTwice(SessionFactory sessions) {
        for (int i = 0; i < 2; i++) {
            try (Session s = sessions.openSession()) {
                assertEquals("thing", s.get(Thing.class, "t").name);
            }
        }
        return recording.requests(GetItemRequest.class).size();
    }

    @Test
    void cachedClassesAreCachedByDefault() {
        SessionFactory sessions = Dynamapper.builder().client(recording.client()).build();
        assertEquals(1, readTwice(sessions));
        assertEquals(1, Dynamapper.secondLevelCache(sessions).orElseThrow().estimatedSize());
    }

    @Test
    void theFactorySwitchTurnsTheCacheOff() {
        SessionFactory sessions = Dynamapper.builder().client(recording.client()).secondLevelCache(false).build();
        assertEquals(2, readTwice(sessions));
        assertTrue(Dynamapper.secondLevelCache(sessions).isEmpty());
    }

    @Test
    void theSwitchIsSetOnce() {
        Dynamapper.Builder builder = Dynamapper.builder().secondLevelCache(true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder.secondLevelCache(false));
        assertEquals("secondLevelCache was already set to true", e.getMessage());
    }

    @Test
    void listenersAreAddedInOrder() {
        List<String> calls = new ArrayList<>();
        SessionFactory sessions = Dynamapper.builder().client(recording.client())
                .listener(new DynamapperListener() {
                    @Override
                    public void onCommit(CommitEvent event) {
                        calls.add("first " + event.outcome());
                    }
                })
                .listener(new DynamapperListener() {
                    @Override
                    public void onCommit(CommitEvent event) {
                        calls.add("second " + event.writes());
                    }
                })
                .build();
        try (Session s = sessions.openSession()) {
            s.get(Thing.class, "t").name = "other";
            s.commit();
        }
        assertEquals(List.of("first COMMITTED", "second 1"), calls);
        assertThrows(NullPointerException.class, () -> Dynamapper.builder().listener(null));
    }

    @Test
    void theCacheOfAFactoryNotBuiltHereIsAnError() {
        SessionFactory foreign = (SessionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SessionFactory.class}, (proxy, method, args) -> "foreign");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dynamapper.secondLevelCache(foreign));
        assertTrue(e.getMessage().contains("was not built by Dynamapper.builder().build()"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Dynamapper.secondLevelCache(null));
    }
}
