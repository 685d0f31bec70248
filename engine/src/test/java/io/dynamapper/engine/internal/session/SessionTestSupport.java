package io.dynamapper.engine.internal.session;

import io.dynamapper.RetryPolicy;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import io.dynamapper.engine.testing.TestDynamoDb;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Fresh tables in the shared in-memory DynamoDB before each test, its request log holding only what
 * the test itself sent, no injected faults, a factory whose retries record their delays instead of
 * sleeping, and raw SDK helpers.
 */
abstract class SessionTestSupport {
    static final DynamoDbClient LOCAL = TestDynamoDb.client();

    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    final RetryPolicy policy = RetryPolicy.defaults().withSleeper(sleeps::add);
    /** The shared fake: its request log shows what was sent, its faults fail what a test chooses. */
    final InMemoryDynamoDb recording = TestDynamoDb.memory();
    SessionFactory sessions;

    /** Forgets the requests of every {@code @BeforeEach} (this class's and a subclass's): set-up is not under test. */
    @RegisterExtension
    final BeforeTestExecutionCallback forgetSetUpRequests = TestDynamoDb.freshRequestLog();

    @BeforeEach
    void freshTables() {
        TestDynamoDb.deleteAllTables();
        recording.faults().clear();
        createTable(TestEntities.DoomMap.class);
        createTable(TestEntities.Account.class);
        createTable(TestEntities.Counter.class);
        createTable(TestEntities.Note.class);
        sessions = new DefaultSessionFactory(LOCAL, policy, SessionOptions.defaults());
    }

    @AfterEach
    void noFaultsLeft() {
        recording.faults().clear(); // the fake is shared: other test classes must not meet this test's faults
    }

    /** Until SchemaManager.createTable lands: the table of an entity, on demand. */
    static void createTable(Class<?> type) {
        EntityModel<?> model = EntityModel.of(type);
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(model.hashKey().attributeName()).keyType(KeyType.HASH).build());
        attributes.add(definition(model.hashKey()));
        model.rangeKey().ifPresent(r -> {
            keys.add(KeySchemaElement.builder().attributeName(r.attributeName()).keyType(KeyType.RANGE).build());
            attributes.add(definition(r));
        });
        LOCAL.createTable(CreateTableRequest.builder().tableName(model.tableName()).keySchema(keys)
                .attributeDefinitions(attributes).billingMode(BillingMode.PAY_PER_REQUEST).build());
    }

    private static AttributeDefinition definition(PropertyModel p) {
        return AttributeDefinition.builder().attributeName(p.attributeName()).attributeType(EntityModel.keyType(p)).build();
    }

    static void putRaw(String table, Map<String, AttributeValue> item) {
        LOCAL.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    static Map<String, AttributeValue> getRaw(String table, Map<String, AttributeValue> key) {
        var response = LOCAL.getItem(GetItemRequest.builder().tableName(table).key(key).consistentRead(true).build());
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static Map<String, AttributeValue> doomKey(long episode, int map) {
        return Map.of("episode", n(episode), "map", n(map));
    }
}
