package io.dynamapper.inmemory.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What a contract case works with: the backend's client for the operation under test, and
 * setup helpers. A setup helper that fails throws {@link SetupFailed}, which fails the test
 * instead of becoming the case's outcome, so an expected error can only come from the operation
 * under test.
 *
 * <p>Every case starts on a backend without tables, so table names can be fixed and readable.
 */
final class Db {

    /** A setup step failed: a broken case, not an outcome. */
    static final class SetupFailed extends RuntimeException {
        SetupFailed(String step, Throwable cause) {
            super("setup step failed: " + step + ": " + cause, cause);
        }
    }

    private final DynamoDbClient ddb;

    Db(DynamoDbClient ddb) {
        this.ddb = ddb;
    }

    /** The client of the backend under test. */
    DynamoDbClient ddb() {
        return ddb;
    }

    /** Streams clients of backends reached through an endpoint, one per endpoint, kept for the run. */
    private static final java.util.Map<java.net.URI, DynamoDbStreamsClient> STREAMS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The DynamoDB Streams client of the backend under test: the in-memory DynamoDB's own, or one for the
     * same endpoint, region and credentials as {@link #ddb()}.
     */
    DynamoDbStreamsClient streams() {
        if (ddb instanceof io.dynamapper.inmemory.InMemoryDynamoDb fake) {
            return fake.streams();
        }
        var config = ddb.serviceClientConfiguration();
        java.net.URI endpoint = config.endpointOverride().orElseThrow(() -> new IllegalStateException(
                "the contract backend's client has no endpoint override, so no streams client can reach it"));
        return STREAMS.computeIfAbsent(endpoint, uri -> DynamoDbStreamsClient.builder().endpointOverride(uri)
                .region(config.region()).credentialsProvider(config.credentialsProvider()).build());
    }

    /**
     * Creates an on-demand table with the given keys, written {@code "name:TYPE"}, e.g.
     * {@code table("items", "pk:S", "sk:N")}. Returns the table name.
     */
    String table(String name, String hashKey, String... rangeKey) {
        return create(name, b -> b.billingMode(BillingMode.PAY_PER_REQUEST), hashKey, rangeKey);
    }

    /**
     * Creates a table with the given keys after letting {@code customizer} add indexes,
     * throughput or more attribute definitions. Returns the table name.
     */
    String create(String name, Consumer<CreateTableRequest.Builder> customizer, String hashKey, String... rangeKey) {
        CreateTableRequest request = createRequest(name, customizer, hashKey, rangeKey);
        setup("create table " + name, () -> ddb.createTable(request));
        return name;
    }

    /** The request {@link #create} sends, for cases whose operation under test is CreateTable. */
    static CreateTableRequest createRequest(String name, Consumer<CreateTableRequest.Builder> customizer,
                                            String hashKey, String... rangeKey) {
        CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(name)
                .keySchema(keySchema(hashKey, rangeKey)).attributeDefinitions(definitions(hashKey, rangeKey));
        customizer.accept(b);
        return b.build();
    }

    /** Puts items into a table. */
    @SafeVarargs
    final void put(String table, Map<String, AttributeValue>... items) {
        for (Map<String, AttributeValue> item : items) {
            setup("put " + item, () -> ddb.putItem(r -> r.tableName(table).item(item)));
        }
    }

    /** All items of a table, read by a paginated scan; render as a set. */
    java.util.Set<Map<String, AttributeValue>> contents(String table) {
        return setup("scan " + table, () -> {
            java.util.Set<Map<String, AttributeValue>> items = new java.util.LinkedHashSet<>();
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = ddb.scan(r -> r.tableName(table).exclusiveStartKey(from));
                items.addAll(page.items());
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            return items;
        });
    }

    /** The item with this key, or {@link Normalizer#NO_ITEM}, read consistently. */
    Object get(String table, Map<String, AttributeValue> key) {
        return setup("get " + key, () -> {
            var response = ddb.getItem(r -> r.tableName(table).key(key).consistentRead(true));
            return response.hasItem() ? response.item() : Normalizer.NO_ITEM;
        });
    }

    /** Runs an operation and returns its outcome instead of throwing, to inspect state afterwards. */
    static Outcome attempt(Supplier<?> operation) {
        try {
            return Outcome.success(operation.get());
        } catch (RuntimeException e) {
            return Outcome.failure(e);
        }
    }

    /** Deletes every table, so that the next case starts empty. */
    void dropAllTables() {
        setup("drop all tables", () -> {
            List<String> names = new ArrayList<>();
            String start = null;
            do {
                String from = start;
                var page = ddb.listTables(r -> r.exclusiveStartTableName(from));
                names.addAll(page.tableNames());
                start = page.lastEvaluatedTableName();
            } while (start != null);
            names.forEach(name -> ddb.deleteTable(r -> r.tableName(name)));
            return null;
        });
    }

    static List<KeySchemaElement> keySchema(String hashKey, String... rangeKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(nameOf(hashKey)).keyType(KeyType.HASH).build());
        for (String range : rangeKey) {
            keys.add(KeySchemaElement.builder().attributeName(nameOf(range)).keyType(KeyType.RANGE).build());
        }
        return keys;
    }

    static List<AttributeDefinition> definitions(String hashKey, String... rangeKey) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        definitions.add(definition(hashKey));
        for (String range : rangeKey) {
            definitions.add(definition(range));
        }
        return definitions;
    }

    private static AttributeDefinition definition(String spec) {
        String[] parts = spec.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a key is written name:TYPE but got " + spec);
        }
        return AttributeDefinition.builder().attributeName(parts[0]).attributeType(parts[1]).build();
    }

    private static String nameOf(String spec) {
        return definition(spec).attributeName();
    }

    private static <T> T setup(String step, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw new SetupFailed(step, e);
        }
    }
}
