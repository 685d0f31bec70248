package io.dynamapper.engine.internal.read;

import io.dynamapper.CollectionQuery;
import io.dynamapper.ItemCollection;
import io.dynamapper.MappingException;
import io.dynamapper.ReadEvent;
import io.dynamapper.engine.internal.mapping.EntityModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** {@link CollectionQuery}: one partition of a shared table, each item decoded by its type attribute. */
final class DefaultCollectionQuery implements CollectionQuery {
    private final ReadContext ctx;
    private final List<EntityModel<?>> models;
    private final Map<String, EntityModel<?>> byTypeName = new LinkedHashMap<>();
    private final EntityModel<?> first;
    private Object hashKey;
    private boolean consistentRead;
    private boolean failOnUnknownTypes;

    DefaultCollectionQuery(ReadContext ctx, List<EntityModel<?>> models) {
        this.ctx = ctx;
        this.models = List.copyOf(models);
        if (this.models.isEmpty()) {
            throw new IllegalArgumentException("collection() needs at least one entity class");
        }
        this.first = this.models.get(0);
        for (EntityModel<?> model : this.models) {
            if (!model.hasKeyTemplate()) {
                throw new MappingException(model.type().getName() + " has no @KeyTemplate: an item collection reads "
                        + "classes that share a table through key templates");
            }
            String mismatch = !model.tableName().equals(first.tableName()) ? "table '" + model.tableName() + "'"
                    : !model.hashKey().attributeName().equals(first.hashKey().attributeName())
                    ? "hash attribute '" + model.hashKey().attributeName() + "'"
                    : !model.typeAttribute().equals(first.typeAttribute())
                    ? "type attribute '" + model.typeAttribute().orElseThrow() + "'" : null;
            if (mismatch != null) {
                throw new MappingException("collection(" + names() + "): " + model.type().getSimpleName() + " has "
                        + mismatch + ", " + first.type().getSimpleName() + " has table '" + first.tableName()
                        + "', hash attribute '" + first.hashKey().attributeName() + "' and type attribute '"
                        + first.typeAttribute().orElseThrow() + "'; an item collection is one partition of one table");
            }
            for (EntityModel<?> typed : model.subtypes()) { // a polymorphic base reads each of its subtypes
                EntityModel<?> other = byTypeName.putIfAbsent(typed.typeName().orElseThrow(), typed);
                if (other != null && other != typed) {
                    throw new MappingException("collection(" + names() + "): " + other.type().getSimpleName() + " and "
                            + typed.type().getSimpleName() + " have the same type name '" + typed.typeName().orElseThrow()
                            + "'; give one of them another @TypeName");
                }
            }
        }
    }

    private String names() {
        return String.join(", ", models.stream().map(m -> m.type().getSimpleName() + ".class").toList());
    }

    @Override
    public CollectionQuery hashKey(Object value) {
        this.hashKey = Objects.requireNonNull(value, "value == null");
        return this;
    }

    @Override
    public CollectionQuery consistentRead() {
        this.consistentRead = true;
        return this;
    }

    @Override
    public CollectionQuery failOnUnknownTypes() {
        this.failOnUnknownTypes = true;
        return this;
    }

    @Override
    public ItemCollection list() {
        if (hashKey == null) {
            throw new IllegalStateException("collection(" + names() + ") needs a hash key: call hashKey(value) "
                    + "before list()");
        }
        ctx.checkOpen().run();
        AttributeValue partition = first.keys().convertKey(first.hashKey(), hashKey, "hash key");
        for (EntityModel<?> model : models) {
            AttributeValue own = model.keys().convertKey(model.hashKey(), hashKey, "hash key");
            if (!own.equals(partition)) {
                throw new IllegalArgumentException("collection(" + names() + ").hashKey(" + hashKey + "): "
                        + first.type().getSimpleName() + " composes partition '" + partition.s() + "' and "
                        + model.type().getSimpleName() + " '" + own.s() + "'; an item collection reads one partition");
            }
        }
        String typeAttribute = first.typeAttribute().orElseThrow();
        QueryRequest base = QueryRequest.builder()
                .tableName(first.tableName())
                .keyConditionExpression("#h = :h")
                .expressionAttributeNames(Map.of("#h", first.hashKey().attributeName()))
                .expressionAttributeValues(Map.of(":h", partition))
                .consistentRead(consistentRead || ctx.consistentReads())
                .build();
        List<Object> entities = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest request = base.toBuilder().exclusiveStartKey(start).build();
            long started = System.nanoTime();
            QueryResponse response = ReadFailures.send(ctx.checkOpen(), ctx.budget().get(), ctx.listeners(), "Query",
                    first, null, () -> ctx.client().query(request));
            List<Map<String, AttributeValue>> items = response.hasItems() ? response.items() : List.of();
            Map<EntityModel<?>, List<Map<String, AttributeValue>>> received = new LinkedHashMap<>();
            for (Map<String, AttributeValue> item : items) {
                AttributeValue type = item.get(typeAttribute);
                EntityModel<?> model = type == null || type.s() == null ? null : byTypeName.get(type.s());
                if (model == null) {
                    if (failOnUnknownTypes) {
                        throw new MappingException("Item " + first.keys().keyValue(item) + " of table '" + first.tableName()
                                + "' has type " + (type == null ? "<missing>" : "'" + type.s() + "'") + " in attribute '"
                                + typeAttribute + "', which none of " + names() + " has (" + byTypeName.keySet()
                                + "); add its class to collection(...), or leave out failOnUnknownTypes() to skip it");
                    }
                    continue;
                }
                received.computeIfAbsent(model, m -> new ArrayList<>()).add(item);
                Object entity = ctx.loader().load(model, item);
                if (entity != null) {
                    entities.add(entity);
                }
            }
            for (Map.Entry<EntityModel<?>, List<Map<String, AttributeValue>>> e : received.entrySet()) {
                Reads.received(ctx, ReadEvent.Operation.QUERY, e.getKey(), e.getValue(), true, ReadEvent.Cache.NONE,
                        started);
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return new ItemCollection(entities);
    }
}
