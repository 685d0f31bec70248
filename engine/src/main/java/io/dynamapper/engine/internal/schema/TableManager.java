package io.dynamapper.engine.internal.schema;

import io.dynamapper.DynamapperException;
import io.dynamapper.SchemaManager;
import io.dynamapper.Throughput;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.IndexModel;
import io.dynamapper.engine.internal.mapping.ModelRegistry;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The engine's {@link SchemaManager}: creates, describes and deletes the table of an entity class
 * from its {@link EntityModel}.
 *
 * <p>A created table has the entity's key schema; its attribute definitions are exactly the key
 * attributes of the table and of its indexes; every index projects {@code ALL} attributes. A global
 * index gets the table's provisioned throughput unless {@link Throughput#withIndex} gives it its own.
 * Creation waits until the table is {@code ACTIVE}, then until every global index is {@code ACTIVE},
 * then enables time to live on the {@code @Ttl} attribute. Waiting starts with one DescribeTable: a
 * table that is {@code ACTIVE} at once (the in-memory DynamoDB's are) needs no more; otherwise the
 * SDK's {@link DynamoDbWaiter} polls until it is.
 *
 * <p>Every failure is a {@link DynamapperException} naming the table and the entity class, with the
 * SDK exception, if any, as its cause. Thread-safe; holds no state besides the client.
 */
public final class TableManager implements SchemaManager {
    private static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final DynamoDbClient client;
    private final Duration poll;
    private final Duration timeout;
    private final ModelRegistry models;

    /**
     * Creates a manager over the client; sends no request. Waits poll DynamoDB every second, for
     * at most ten minutes.
     *
     * @throws NullPointerException if client is null
     */
    public TableManager(DynamoDbClient client) {
        this(client, ModelRegistry.DEFAULT);
    }

    /**
     * Creates a manager over the client for the entity models of {@code models}; sends no request.
     *
     * @throws NullPointerException if an argument is null
     */
    public TableManager(DynamoDbClient client, ModelRegistry models) {
        this(client, DEFAULT_POLL, DEFAULT_TIMEOUT, models);
    }

    /** A manager with its own polling interval and wait limit (tests). */
    TableManager(DynamoDbClient client, Duration poll, Duration timeout) {
        this(client, poll, timeout, ModelRegistry.DEFAULT);
    }

    private TableManager(DynamoDbClient client, Duration poll, Duration timeout, ModelRegistry models) {
        this.models = Objects.requireNonNull(models, "models == null");
        this.client = Objects.requireNonNull(client, "client == null");
        this.poll = Objects.requireNonNull(poll, "poll == null");
        this.timeout = Objects.requireNonNull(timeout, "timeout == null");
        if (poll.isNegative() || poll.isZero() || timeout.compareTo(poll) < 0) {
            throw new IllegalArgumentException("poll must be positive and at most timeout, were poll=" + poll
                    + ", timeout=" + timeout);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.dynamapper.MappingException if the class is not a valid entity
     * @throws IllegalArgumentException if the throughput names an index the entity does not have as
     *     a global index
     * @throws DynamapperException if the table exists, DynamoDB rejects the request, or the table or
     *     an index does not become {@code ACTIVE} in time
     */
    @Override
    public void createTable(Class<?> entityType, Throughput throughput) {
        Objects.requireNonNull(entityType, "entityType == null");
        EntityModel<?> model = models.model(entityType);
        CreateTableRequest request = createRequest(model, Objects.requireNonNull(throughput, "throughput == null"));
        try {
            client.createTable(request);
        } catch (ResourceInUseException e) {
            throw new DynamapperException(what(model) + " already exists; use createTableIfNotExists, or delete it "
                    + "first", e);
        } catch (SdkException e) {
            throw new DynamapperException("Cannot create " + what(model) + ": " + e.getMessage(), e);
        }
        awaitActive(model);
        enableTimeToLive(model);
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.dynamapper.MappingException if a class is not a valid entity, or the classes do not
     *     agree on table, key attributes and indexes
     * @throws IllegalArgumentException if no class is given, or the throughput names an index none of
     *     the classes has as a global index
     * @throws DynamapperException if the table exists, DynamoDB rejects the request, or the table or
     *     an index does not become {@code ACTIVE} in time
     */
    @Override
    public void createTable(Throughput throughput, Class<?>... entityTypes) {
        Objects.requireNonNull(throughput, "throughput == null");
        Objects.requireNonNull(entityTypes, "entityTypes == null");
        if (entityTypes.length == 0) {
            throw new IllegalArgumentException("createTable(throughput) needs at least one entity class");
        }
        List<EntityModel<?>> list = new ArrayList<>(entityTypes.length);
        for (Class<?> type : entityTypes) {
            list.add(models.model(Objects.requireNonNull(type, "an entity type == null")));
        }
        EntityModel<?> model = list.get(0);
        CreateTableRequest request = createRequest(list, throughput);
        try {
            client.createTable(request);
        } catch (ResourceInUseException e) {
            throw new DynamapperException(what(model) + " already exists; delete it first", e);
        } catch (SdkException e) {
            throw new DynamapperException("Cannot create " + what(model) + ": " + e.getMessage(), e);
        }
        awaitActive(model);
        list.stream().filter(m -> m.ttl().isPresent()).findFirst().ifPresent(this::enableTimeToLive);
    }

    /**
     * {@inheritDoc}
     *
     * <p>When the table exists but is still being created (by another process), waits until it
     * and its indexes are {@code ACTIVE} before returning false.
     *
     * @throws io.dynamapper.MappingException if the class is not a valid entity
     * @throws DynamapperException if DynamoDB rejects the request or the table does not become
     *     {@code ACTIVE} in time
     */
    @Override
    public boolean createTableIfNotExists(Class<?> entityType, Throughput throughput) {
        Objects.requireNonNull(entityType, "entityType == null");
        EntityModel<?> model = models.model(entityType);
        CreateTableRequest request = createRequest(model, Objects.requireNonNull(throughput, "throughput == null"));
        TableDescription existing = describeIfExists(model);
        if (existing != null) {
            awaitActive(model, existing);
            return false;
        }
        try {
            client.createTable(request);
        } catch (ResourceInUseException e) {
            awaitActive(model); // created meanwhile by someone else
            return false;
        } catch (SdkException e) {
            throw new DynamapperException("Cannot create " + what(model) + ": " + e.getMessage(), e);
        }
        awaitActive(model);
        enableTimeToLive(model);
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.dynamapper.MappingException if the class is not a valid entity
     * @throws DynamapperException if the table does not exist, DynamoDB rejects the request, or the
     *     table is not gone in time
     */
    @Override
    public void deleteTable(Class<?> entityType) {
        Objects.requireNonNull(entityType, "entityType == null");
        EntityModel<?> model = models.model(entityType);
        try {
            client.deleteTable(b -> b.tableName(model.tableName()));
        } catch (ResourceNotFoundException e) {
            throw new DynamapperException(what(model) + " does not exist, so it cannot be deleted", e);
        } catch (SdkException e) {
            throw new DynamapperException("Cannot delete " + what(model) + ": " + e.getMessage(), e);
        }
        try (DynamoDbWaiter waiter = waiter()) {
            // success is a ResourceNotFoundException from DescribeTable; the waiter throws on anything else
            waiter.waitUntilTableNotExists(describeRequest(model));
        } catch (SdkException e) {
            throw new DynamapperException(what(model) + " was not gone within " + timeout + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.dynamapper.MappingException if the class is not a valid entity
     * @throws DynamapperException if the table does not exist or DynamoDB rejects the request
     */
    @Override
    public TableDescription describe(Class<?> entityType) {
        Objects.requireNonNull(entityType, "entityType == null");
        EntityModel<?> model = models.model(entityType);
        try {
            return client.describeTable(describeRequest(model)).table();
        } catch (ResourceNotFoundException e) {
            throw new DynamapperException(what(model) + " does not exist; create it with createTable", e);
        } catch (SdkException e) {
            throw new DynamapperException("Cannot describe " + what(model) + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- requests

    /** The CreateTable request of an entity; sends nothing. */
    static CreateTableRequest createRequest(EntityModel<?> model, Throughput throughput) {
        return createRequest(List.of(model), throughput);
    }

    /**
     * The CreateTable request of a table shared by several classes: the first class's key schema, the
     * union of their indexes; sends nothing.
     *
     * @throws io.dynamapper.MappingException if the classes name different tables, or disagree on a key
     *     attribute's name or type, or on an index of the same name
     */
    static CreateTableRequest createRequest(List<EntityModel<?>> models, Throughput throughput) {
        EntityModel<?> model = models.get(0);
        Map<String, IndexModel> indexes = new LinkedHashMap<>();
        Map<String, EntityModel<?>> owners = new LinkedHashMap<>();
        Map<String, AttributeDefinition> definitions = new LinkedHashMap<>();
        Map<String, EntityModel<?>> definedBy = new LinkedHashMap<>();
        for (EntityModel<?> m : models) {
            if (!m.tableName().equals(model.tableName())) {
                throw new io.dynamapper.MappingException("createTable(" + names(models) + "): " + m.type().getName()
                        + " is stored in table '" + m.tableName() + "', " + model.type().getName() + " in '"
                        + model.tableName() + "'; a shared table is created from classes of one table");
            }
            String keys = describeKeys(m);
            if (!keys.equals(describeKeys(model))) {
                throw new io.dynamapper.MappingException("createTable(" + names(models) + "): " + m.type().getName()
                        + " has table key " + keys + ", " + model.type().getName() + " has " + describeKeys(model)
                        + "; classes sharing table '" + model.tableName() + "' need the same key attributes and types");
            }
            define(definitions, definedBy, m.hashKey(), m);
            m.rangeKey().ifPresent(r -> define(definitions, definedBy, r, m));
            for (IndexModel index : m.indexes()) {
                IndexModel other = indexes.putIfAbsent(index.name(), index);
                if (other != null && !describe(other).equals(describe(index))) {
                    throw new io.dynamapper.MappingException("createTable(" + names(models) + "): index '" + index.name()
                            + "' is " + describe(other) + " in " + owners.get(index.name()).type().getName() + " but "
                            + describe(index) + " in " + m.type().getName() + "; classes sharing an index need the same "
                            + "key attributes and types");
                }
                owners.putIfAbsent(index.name(), m);
                define(definitions, definedBy, index.hashKey(), m);
                index.rangeKey().ifPresent(r -> define(definitions, definedBy, r, m));
            }
        }
        checkIndexThroughput(models, indexes, throughput);
        List<GlobalSecondaryIndex> globals = new ArrayList<>();
        List<LocalSecondaryIndex> locals = new ArrayList<>();
        Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
        for (IndexModel index : indexes.values()) {
            List<KeySchemaElement> keys = keySchema(index.hashKey(), index.rangeKey().orElse(null));
            if (index.local()) {
                locals.add(LocalSecondaryIndex.builder().indexName(index.name()).keySchema(keys).projection(all).build());
            } else {
                GlobalSecondaryIndex.Builder global = GlobalSecondaryIndex.builder().indexName(index.name())
                        .keySchema(keys).projection(all);
                if (!throughput.payPerRequest()) {
                    global.provisionedThroughput(provisioned(throughput.forIndex(index.name())));
                }
                globals.add(global.build());
            }
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(model.tableName())
                .keySchema(keySchema(model.hashKey(), model.rangeKey().orElse(null)))
                .attributeDefinitions(definitions.values());
        if (throughput.payPerRequest()) {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        } else {
            request.billingMode(BillingMode.PROVISIONED).provisionedThroughput(provisioned(throughput));
        }
        if (!globals.isEmpty()) {
            request.globalSecondaryIndexes(globals);
        }
        if (!locals.isEmpty()) {
            request.localSecondaryIndexes(locals);
        }
        return request.build();
    }

    private static String names(List<EntityModel<?>> models) {
        return String.join(", ", models.stream().map(m -> m.type().getSimpleName()).toList());
    }

    private static String describeKeys(EntityModel<?> m) {
        return "(" + m.hashKey().attributeName() + " " + EntityModel.keyType(m.hashKey())
                + m.rangeKey().map(r -> ", " + r.attributeName() + " " + EntityModel.keyType(r)).orElse("") + ")";
    }

    private static String describe(IndexModel index) {
        return (index.local() ? "local" : "global") + " (" + index.hashKey().attributeName() + " "
                + EntityModel.keyType(index.hashKey()) + index.rangeKey().map(r -> ", " + r.attributeName() + " "
                + EntityModel.keyType(r)).orElse("") + ")";
    }

    private static void checkIndexThroughput(List<EntityModel<?>> models, Map<String, IndexModel> indexes,
                                             Throughput throughput) {
        Set<String> globals = new TreeSet<>();
        indexes.values().stream().filter(i -> !i.local()).forEach(i -> globals.add(i.name()));
        for (String name : throughput.indexes().keySet()) {
            if (!globals.contains(name)) {
                boolean local = indexes.containsKey(name);
                String whose = models.size() == 1 ? models.get(0).type().getName() : names(models);
                throw new IllegalArgumentException("Throughput gives capacity to index '" + name + "', but "
                        + whose + " (table '" + models.get(0).tableName() + "') has "
                        + (local ? "it as a local index, which shares the table's capacity"
                                : "no such index; its global indexes are " + globals));
            }
        }
    }

    private static void define(Map<String, AttributeDefinition> definitions, Map<String, EntityModel<?>> definedBy,
                               PropertyModel key, EntityModel<?> model) {
        AttributeDefinition other = definitions.get(key.attributeName());
        if (other != null && other.attributeType() != EntityModel.keyType(key)) {
            throw new io.dynamapper.MappingException("Key attribute '" + key.attributeName() + "' of table '"
                    + model.tableName() + "' is " + other.attributeType() + " in " + definedBy.get(key.attributeName())
                    .type().getName() + " but " + EntityModel.keyType(key) + " in " + model.type().getName()
                    + " (" + key.describe() + "); classes sharing a table need one type per key attribute");
        }
        definitions.putIfAbsent(key.attributeName(), AttributeDefinition.builder()
                .attributeName(key.attributeName()).attributeType(EntityModel.keyType(key)).build());
        definedBy.putIfAbsent(key.attributeName(), model);
    }

    private static List<KeySchemaElement> keySchema(PropertyModel hash, PropertyModel range) {
        List<KeySchemaElement> keys = new ArrayList<>(2);
        keys.add(KeySchemaElement.builder().attributeName(hash.attributeName()).keyType(KeyType.HASH).build());
        if (range != null) {
            keys.add(KeySchemaElement.builder().attributeName(range.attributeName()).keyType(KeyType.RANGE).build());
        }
        return keys;
    }

    private static ProvisionedThroughput provisioned(Throughput throughput) {
        return ProvisionedThroughput.builder().readCapacityUnits(throughput.readCapacityUnits())
                .writeCapacityUnits(throughput.writeCapacityUnits()).build();
    }

    private static DescribeTableRequest describeRequest(EntityModel<?> model) {
        return DescribeTableRequest.builder().tableName(model.tableName()).build();
    }

    private static String what(EntityModel<?> model) {
        return "Table '" + model.tableName() + "' of " + model.type().getName();
    }

    // ---------------------------------------------------------------- waiting

    /** The table's description, or null if it does not exist. */
    private TableDescription describeIfExists(EntityModel<?> model) {
        try {
            return client.describeTable(describeRequest(model)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        } catch (SdkException e) {
            throw new DynamapperException("Cannot describe " + what(model) + ": " + e.getMessage(), e);
        }
    }

    private DynamoDbWaiter waiter() {
        long attempts = Math.max(1, timeout.toMillis() / poll.toMillis());
        return DynamoDbWaiter.builder().client(client)
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategy(FixedDelayBackoffStrategy.create(poll))
                        .maxAttempts((int) Math.min(Integer.MAX_VALUE, attempts))
                        .build())
                .build();
    }

    /**
     * Waits until the table is ACTIVE, then until each global index is ACTIVE: one DescribeTable
     * first, the SDK's waiter only if the table is not ACTIVE yet (or that first look failed).
     */
    private void awaitActive(EntityModel<?> model) {
        TableDescription now;
        try {
            now = client.describeTable(describeRequest(model)).table();
        } catch (SdkException e) { // not found yet (a new table, eventually consistent) or transient: the waiter decides
            now = null;
        }
        awaitActive(model, now);
    }

    /**
     * Waits as {@link #awaitActive(EntityModel)} does, given a description just read ({@code now},
     * null if there is none): the SDK's waiter runs only if it does not show the table ACTIVE.
     */
    private void awaitActive(EntityModel<?> model, TableDescription now) {
        if (now != null && now.tableStatus() == TableStatus.ACTIVE) {
            awaitIndexes(model, now);
            return;
        }
        TableDescription table;
        try (DynamoDbWaiter waiter = waiter()) {
            WaiterResponse<DescribeTableResponse> response = waiter.waitUntilTableExists(describeRequest(model));
            if (response.matched().exception().isPresent()) {
                Throwable e = response.matched().exception().get();
                throw new DynamapperException("Waiting for " + what(model) + " to become ACTIVE failed: "
                        + e.getMessage(), e);
            }
            table = response.matched().response().orElseThrow().table();
        } catch (SdkException e) {
            throw new DynamapperException(what(model) + " did not become ACTIVE within " + timeout + ": "
                    + e.getMessage(), e);
        }
        awaitIndexes(model, table);
    }

    /** Polls until every global index of the table described by {@code table} is ACTIVE. */
    private void awaitIndexes(EntityModel<?> model, TableDescription table) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!indexesActive(table)) {
            if (System.nanoTime() - deadline > 0) {
                throw new DynamapperException("The global indexes of " + what(model) + " did not become ACTIVE within "
                        + timeout + ": " + indexStatuses(table));
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DynamapperException("Interrupted while waiting for the indexes of " + what(model)
                        + " to become ACTIVE: " + indexStatuses(table), e);
            }
            table = describe(model.type());
        }
    }

    private static boolean indexesActive(TableDescription table) {
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            if (index.indexStatus() != IndexStatus.ACTIVE) {
                return false;
            }
        }
        return true;
    }

    private static String indexStatuses(TableDescription table) {
        Map<String, String> statuses = new LinkedHashMap<>();
        table.globalSecondaryIndexes().forEach(i -> statuses.put(i.indexName(), i.indexStatusAsString()));
        return statuses.toString();
    }

    private void enableTimeToLive(EntityModel<?> model) {
        if (model.ttl().isEmpty()) {
            return;
        }
        String attribute = model.ttl().get().attributeName();
        try {
            client.updateTimeToLive(UpdateTimeToLiveRequest.builder().tableName(model.tableName())
                    .timeToLiveSpecification(TimeToLiveSpecification.builder().enabled(true).attributeName(attribute)
                            .build())
                    .build());
        } catch (SdkException e) {
            throw new DynamapperException(what(model) + " was created, but enabling time to live on attribute '"
                    + attribute + "' failed: " + e.getMessage() + "; enable it with UpdateTimeToLive", e);
        }
    }
}
