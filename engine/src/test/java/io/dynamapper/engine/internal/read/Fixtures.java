package io.dynamapper.engine.internal.read;

import io.dynamapper.Attribute;
import io.dynamapper.HashKey;
import io.dynamapper.IndexHashKey;
import io.dynamapper.IndexRangeKey;
import io.dynamapper.RangeKey;
import io.dynamapper.RetryPolicy;
import io.dynamapper.Table;
import io.dynamapper.Version;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.retry.RetryBudget;
import io.dynamapper.engine.internal.mapping.IndexModel;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Entities, tables and a session stand-in shared by the read tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** A Doom level: numeric keys, a GSI and an LSI, reserved-word and renamed attributes, collections. */
    @Table("reads_level")
    static class Level {
        @HashKey long episode;
        @RangeKey int map;
        @IndexHashKey("by_name") String name;          // reserved word, GSI hash key
        @IndexRangeKey("by_name") Integer kills;       // GSI range key
        @IndexRangeKey("by_date") String date;         // reserved word, LSI range key
        @Attribute("map_status") String status;        // reserved word, renamed
        int size;                                      // reserved word
        Set<String> cheats = new LinkedHashSet<>();
        List<String> tags = new ArrayList<>();
        Set<Long> secrets = new LinkedHashSet<>();
        String blob;
        @Version Long version;

        Level() {
        }

        Level(long episode, int map) {
            this.episode = episode;
            this.map = map;
        }

        @Override
        public String toString() {
            return "Level(" + episode + ", " + map + ")";
        }
    }

    /** String keys, for begins_with and string comparisons. */
    @Table("reads_note")
    static class Note {
        @HashKey String owner;
        @RangeKey String slug;
        String text;

        Note() {
        }

        Note(String owner, String slug) {
            this.owner = owner;
            this.slug = slug;
        }
    }

    /** A hash-only table. */
    @Table("reads_user")
    record User(@HashKey String id, String name) {
    }

    /** Creates the table of a model with its indexes (projection ALL unless given), on-demand billing. */
    static void createTable(DynamoDbClient client, EntityModel<?> model, Map<String, ProjectionType> projections) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        define(attributes, model.hashKey());
        model.rangeKey().ifPresent(p -> define(attributes, p));
        List<GlobalSecondaryIndex> globals = new ArrayList<>();
        List<LocalSecondaryIndex> locals = new ArrayList<>();
        for (IndexModel index : model.indexes()) {
            define(attributes, index.hashKey());
            index.rangeKey().ifPresent(p -> define(attributes, p));
            List<KeySchemaElement> schema = schema(index.hashKey(), index.rangeKey().orElse(null));
            Projection projection = Projection.builder()
                    .projectionType(projections.getOrDefault(index.name(), ProjectionType.ALL)).build();
            if (index.local()) {
                locals.add(LocalSecondaryIndex.builder().indexName(index.name()).keySchema(schema).projection(projection)
                        .build());
            } else {
                globals.add(GlobalSecondaryIndex.builder().indexName(index.name()).keySchema(schema)
                        .projection(projection).build());
            }
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(model.tableName())
                .attributeDefinitions(attributes.values())
                .keySchema(schema(model.hashKey(), model.rangeKey().orElse(null)))
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (!globals.isEmpty()) {
            request.globalSecondaryIndexes(globals);
        }
        if (!locals.isEmpty()) {
            request.localSecondaryIndexes(locals);
        }
        client.createTable(request.build());
    }

    static void createTable(DynamoDbClient client, EntityModel<?> model) {
        createTable(client, model, Map.of());
    }

    private static void define(Map<String, AttributeDefinition> attributes, PropertyModel p) {
        attributes.put(p.attributeName(), AttributeDefinition.builder().attributeName(p.attributeName())
                .attributeType(EntityModel.keyType(p)).build());
    }

    private static List<KeySchemaElement> schema(PropertyModel hash, PropertyModel range) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder().attributeName(hash.attributeName()).keyType(KeyType.HASH).build());
        if (range != null) {
            schema.add(KeySchemaElement.builder().attributeName(range.attributeName()).keyType(KeyType.RANGE).build());
        }
        return schema;
    }

    static <T> void put(DynamoDbClient client, EntityModel<T> model, T entity) {
        client.putItem(PutItemRequest.builder().tableName(model.tableName()).item(model.toItem(entity)).build());
    }

    /** A retry policy that records its delays instead of sleeping. */
    static RetryPolicy recordingPolicy(int attempts, List<Duration> sleeps) {
        return new RetryPolicy(attempts, Duration.ofMillis(10), Duration.ofMillis(80), sleeps::add);
    }

    /**
     * A stand-in for the session's identity map: one instance per key, pending deletes skipped, and
     * the thread of every load recorded.
     */
    static final class MapLoader implements EntityLoader {
        final Map<List<Object>, Object> managed = new HashMap<>();
        final Set<List<Object>> pendingDeletes = new LinkedHashSet<>();
        final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
        int loads;

        @Override
        @SuppressWarnings("unchecked")
        public <T> T load(EntityModel<T> model, Map<String, AttributeValue> item) {
            loads++;
            threads.add(Thread.currentThread());
            List<Object> id = List.of(model.type(), model.keys().keyValue(item));
            if (pendingDeletes.contains(id)) {
                return null;
            }
            return (T) managed.computeIfAbsent(id, k -> model.fromItem(item));
        }

        void deletePending(EntityModel<?> model, io.dynamapper.Key key) {
            pendingDeletes.add(List.of(model.type(), key));
        }
    }

    /** A read context over a client with a map loader; counts open checks. */
    static final class Context {
        final MapLoader loader = new MapLoader();
        final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        int checks;
        boolean closed;

        ReadContext over(DynamoDbClient client) {
            return over(client, false, recordingPolicy(4, sleeps));
        }

        /** A context whose reads share one retry budget of {@code policy}, like a session's. */
        ReadContext over(DynamoDbClient client, boolean consistent, RetryPolicy policy) {
            RetryBudget budget = new RetryBudget(policy);
            return new ReadContext(client, loader, consistent, () -> budget, () -> {
                checks++;
                if (closed) {
                    throw new IllegalStateException("session closed");
                }
            });
        }
    }
}
