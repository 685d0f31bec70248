package io.dynamapper.engine.internal.read;

import io.dynamapper.Cursor;
import io.dynamapper.DynamapperException;
import io.dynamapper.Filter;
import io.dynamapper.KeyCondition;
import io.dynamapper.MappingException;
import io.dynamapper.Page;
import io.dynamapper.Query;
import io.dynamapper.ReadEvent;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.IndexModel;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The engine's {@link Query}: collects the builder settings, validates and compiles them into a
 * {@link QueryRequest} at the terminal call (before any request), then pages through the results.
 *
 * <p>{@link #limit(int)} counts entities returned. Without a filter each request asks for at most
 * the remaining number of items ({@code Limit}); with a filter DynamoDB's {@code Limit} would count
 * items before filtering, so none is sent and reading stops as soon as enough items were returned.
 *
 * <p>The session needs whole items, so queries on an index ask for {@code Select.ALL_ATTRIBUTES}: a
 * local index then fetches whole items from the table itself, and a global index that projects
 * {@code ALL} (as {@code SchemaManager} creates them) returns them. A global index with a narrower
 * projection refuses that; the query then reads the index's projected attributes and fetches the
 * whole items by their table keys with {@code BatchGetItem} (one refused request per terminal call,
 * plus the batch reads: create indexes with projection {@code ALL} to avoid the cost). A filter on
 * such an index may use projected attributes only.
 *
 * @param <T> the entity type
 */
final class DefaultQuery<T> implements Query<T> {
    private final ReadContext ctx;
    private final EntityModel<T> model;
    private final List<Filter> filters = new ArrayList<>();
    private Object hashKey;
    private KeyCondition rangeCondition;
    private IndexModel index;
    private boolean descending;
    private int limit;
    private boolean consistentRead;

    DefaultQuery(ReadContext ctx, EntityModel<T> model) {
        this.ctx = Objects.requireNonNull(ctx, "ctx == null");
        this.model = Objects.requireNonNull(model, "model == null");
    }

    @Override
    public Query<T> hashKey(Object value) {
        Objects.requireNonNull(value, "value == null");
        if (hashKey != null) {
            throw new IllegalStateException("hashKey was already set to " + hashKey + " on query(" + name() + ")");
        }
        hashKey = value;
        return this;
    }

    @Override
    public Query<T> rangeKey(KeyCondition condition) {
        Objects.requireNonNull(condition, "condition == null");
        if (rangeCondition != null) {
            throw new IllegalStateException("rangeKey was already set to " + rangeCondition + " on query(" + name()
                    + "); DynamoDB allows one condition on the range key (use KeyCondition.between for a range)");
        }
        rangeCondition = condition;
        return this;
    }

    @Override
    public Query<T> index(String indexName) {
        Objects.requireNonNull(indexName, "indexName == null");
        if (index != null) {
            throw new IllegalStateException("index was already set to '" + index.name() + "' on query(" + name() + ")");
        }
        index = model.index(indexName).orElseThrow(() -> new MappingException(model.type().getName()
                + " declares no index '" + indexName + "'; " + (model.indexes().isEmpty()
                ? "it declares no indexes (mark fields with @IndexHashKey/@IndexRangeKey)"
                : "its indexes: " + model.indexes().stream().map(IndexModel::name).toList())));
        return this;
    }

    @Override
    public Query<T> filter(Filter filter) {
        filters.add(Objects.requireNonNull(filter, "filter == null"));
        return this;
    }

    @Override
    public Query<T> descending() {
        descending = true;
        return this;
    }

    @Override
    public Query<T> limit(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + value);
        }
        limit = value;
        return this;
    }

    @Override
    public Query<T> consistentRead() {
        consistentRead = true;
        return this;
    }

    // ------------------------------------------------------------------ terminals

    @Override
    public List<T> list() {
        Compiled compiled = compile();
        List<T> result = new ArrayList<>();
        compiled.iterator(limit == 0 ? Long.MAX_VALUE : limit).forEachRemaining(result::add);
        return result;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The query is validated at this call; the first request is sent when the stream's first
     * element is asked for, and each further page only when the items before it were consumed.
     */
    @Override
    public Stream<T> stream() {
        Compiled compiled = compile();
        long max = limit == 0 ? Long.MAX_VALUE : limit;
        return LazyStream.of(() -> compiled.iterator(max));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Without a filter one request of {@code Limit 1}; with a filter, pages are read until an item
     * matches or the partition is exhausted.
     */
    @Override
    public Optional<T> first() {
        EntityIterator<T> iterator = compile().iterator(1);
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads every page with {@code Select.COUNT}, summing the counts, and stops once the
     * {@link #limit(int)} is reached; the count is at most the limit. Entities pending deletion in
     * the session are still counted, since nothing is loaded.
     */
    @Override
    public long count() {
        Compiled compiled = compile();
        long max = limit == 0 ? Long.MAX_VALUE : limit;
        long total = 0;
        Map<String, AttributeValue> start = null;
        do {
            Integer hint = compiled.filtered || max == Long.MAX_VALUE ? null : (int) Math.min(Integer.MAX_VALUE, max - total);
            RawPage page = compiled.fetch(start, hint, true);
            total += page.count();
            start = page.lastEvaluatedKey().orElse(null);
        } while (start != null && total < max);
        return Math.min(total, max);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One request, with {@code Limit} the page size (capped by {@link #limit(int)} if set; the limit
     * does not carry over between pages). DynamoDB counts {@code Limit} before the filter and stops at
     * 1 MB, so a page may hold fewer items than {@code size}, or none, while {@link Page#next()}
     * still points further; {@code next()} is empty only when DynamoDB returned no
     * {@code LastEvaluatedKey}. Items pending deletion in the session are left out of the page.
     *
     * @throws IllegalArgumentException if the cursor was not made by this query: it names other key
     *     attributes (another table or index), holds a key of another type, or is from another
     *     partition (hash key value)
     */
    @Override
    public Page<T> page(int size, Optional<Cursor> after) {
        if (size <= 0) {
            throw new IllegalArgumentException("page size must be positive, was " + size);
        }
        Objects.requireNonNull(after, "after == null (use Optional.empty() for the first page)");
        Compiled compiled = compile();
        Map<String, AttributeValue> start = after.map(c -> compiled.checkCursor(c)).orElse(null);
        RawPage page = compiled.fetch(start, limit == 0 ? size : Math.min(size, limit), false);
        List<T> items = new ArrayList<>(page.items().size());
        for (Map<String, AttributeValue> item : page.items()) {
            T entity = ctx.loader().load(model, item);
            if (entity != null) {
                items.add(entity);
            }
        }
        return new Page<>(items, page.lastEvaluatedKey().map(Cursor::of));
    }

    // ------------------------------------------------------------------ compilation

    private String name() {
        return model.type().getSimpleName();
    }

    private String target() {
        return name() + " (table '" + model.tableName() + "'" + (index == null ? "" : ", index '" + index.name() + "'")
                + ")";
    }

    private Compiled compile() {
        if (hashKey == null) {
            throw new IllegalStateException("query(" + name() + ") needs a hash key: call hashKey(value) before "
                    + "list(), stream(), first(), count() or page()");
        }
        PropertyModel hashProperty = index == null ? model.hashKey() : index.hashKey();
        Optional<PropertyModel> rangeProperty = index == null ? model.rangeKey() : index.rangeKey();
        boolean global = index != null && !index.local();
        if (consistentRead && global) {
            throw new IllegalStateException("query(" + name() + ").index(\"" + index.name() + "\").consistentRead(): '"
                    + index.name() + "' is a global secondary index, which DynamoDB reads eventually consistent only; "
                    + "drop consistentRead() or query the table");
        }
        Expressions expressions = new Expressions();
        AttributeValue hashValue = model.keys().convertKey(hashProperty, hashKey, "hash key");
        String keyCondition = expressions.name(hashProperty.attributeName()) + " = " + expressions.value(hashValue);
        if (rangeCondition != null) {
            PropertyModel range = rangeProperty.orElseThrow(() -> new IllegalArgumentException("query(" + name()
                    + ").rangeKey(" + describe(rangeCondition) + "): " + target() + " has no range key; query by "
                    + "hashKey alone, or use filter(...) on another field"));
            keyCondition += " AND " + rangeExpression(expressions, range);
        }
        Set<String> keyAttributes = new LinkedHashSet<>();
        keyAttributes.add(hashProperty.attributeName());
        rangeProperty.ifPresent(p -> keyAttributes.add(p.attributeName()));
        FilterCompiler filterCompiler = new FilterCompiler(model, expressions, keyAttributes,
                "a query's filter cannot use the key attributes of the table or index it queries; put conditions "
                        + "on them in hashKey(...)/rangeKey(...)");
        String filterExpression = filterCompiler.compileAll(filters);
        if (model.hasKeyTemplate()) { // several types share the table: narrow to this one
            Optional<String> prefix = index == null ? model.rangeTemplate().map(t -> t.constantPrefix())
                    .filter(p -> !p.isEmpty()) : Optional.empty();
            if (prefix.isPresent() && rangeCondition == null) {
                String name = expressions.name(rangeProperty.orElseThrow().attributeName());
                String value = expressions.value(AttributeValue.fromS(prefix.get()));
                keyCondition += model.rangeTemplate().orElseThrow().fields().isEmpty()
                        ? " AND " + name + " = " + value : " AND begins_with(" + name + ", " + value + ")";
            }
            if (model.isPolymorphic() || prefix.isEmpty() || rangeCondition != null // a base: only its subtypes
                    && rangeCondition.operator() != KeyCondition.Operator.EQ
                    && rangeCondition.operator() != KeyCondition.Operator.BEGINS_WITH) {
                filterExpression = FilterCompiler.withTypeFilter(model, expressions, filterExpression);
            }
        }

        QueryRequest.Builder base = QueryRequest.builder()
                .tableName(model.tableName())
                .keyConditionExpression(keyCondition)
                .filterExpression(filterExpression)
                .expressionAttributeNames(expressions.names())
                .expressionAttributeValues(expressions.values())
                .consistentRead(!global && (consistentRead || ctx.consistentReads()));
        if (descending) {
            base.scanIndexForward(false);
        }
        Map<String, ScalarAttributeType> cursorAttributes = new java.util.LinkedHashMap<>();
        cursorAttributes.put(hashProperty.attributeName(), EntityModel.keyType(hashProperty));
        rangeProperty.ifPresent(p -> cursorAttributes.put(p.attributeName(), EntityModel.keyType(p)));
        cursorAttributes.put(model.hashKey().attributeName(), EntityModel.keyType(model.hashKey()));
        model.rangeKey().ifPresent(p -> cursorAttributes.put(p.attributeName(), EntityModel.keyType(p)));
        if (index != null) {
            base.indexName(index.name());
        }
        return new Compiled(base.build(), filterExpression != null, cursorAttributes, hashProperty.attributeName(),
                hashValue, index == null ? null : index.name());
    }

    private String rangeExpression(Expressions expressions, PropertyModel range) {
        String name = expressions.name(range.attributeName());
        List<Object> values = rangeCondition.values();
        return switch (rangeCondition.operator()) {
            case EQ -> name + " = " + rangeValue(expressions, range, values.get(0));
            case LT -> name + " < " + rangeValue(expressions, range, values.get(0));
            case LE -> name + " <= " + rangeValue(expressions, range, values.get(0));
            case GT -> name + " > " + rangeValue(expressions, range, values.get(0));
            case GE -> name + " >= " + rangeValue(expressions, range, values.get(0));
            case BETWEEN -> name + " BETWEEN " + rangeValue(expressions, range, values.get(0)) + " AND "
                    + rangeValue(expressions, range, values.get(1));
            case BEGINS_WITH -> "begins_with(" + name + ", " + prefix(expressions, range, values.get(0)) + ")";
        };
    }

    private String rangeValue(Expressions expressions, PropertyModel range, Object value) {
        return expressions.value(model.keys().convertKey(range, value, "range key"));
    }

    private String prefix(Expressions expressions, PropertyModel range, Object value) {
        ScalarAttributeType type = EntityModel.keyType(range);
        if (type == ScalarAttributeType.N) {
            throw new IllegalArgumentException("query(" + name() + ").rangeKey(" + describe(rangeCondition) + "): range key "
                    + range.describe() + " is a number; beginsWith applies to string and binary keys only");
        }
        if (model.isTemplateKey(range)) { // field values (a prefix of them) composed with the template's text
            return rangeValue(expressions, range, value);
        }
        if (type == ScalarAttributeType.S && value instanceof CharSequence text) {
            // a prefix of a UUID, enum or date key is a string, not a value of the field's type
            if (text.length() == 0) {
                throw new IllegalArgumentException("query(" + name() + ").rangeKey(beginsWith(\"\")): the prefix must not "
                        + "be empty; leave out rangeKey(...) to read the whole partition");
            }
            return expressions.value(AttributeValue.fromS(text.toString()));
        }
        return rangeValue(expressions, range, value);
    }

    private static String show(AttributeValue value) {
        return value.s() != null ? "'" + value.s() + "'" : value.n() != null ? value.n() : "<binary>";
    }

    private static String describe(KeyCondition condition) {
        return "KeyCondition." + condition.operator().name().toLowerCase(java.util.Locale.ROOT) + condition.values();
    }

    /** A validated request and what paging needs to know about it. */
    private final class Compiled {
        final QueryRequest base;
        final boolean filtered;
        /** The key attributes of a LastEvaluatedKey of this query, with their types. */
        final Map<String, ScalarAttributeType> cursorAttributes;
        final String hashAttribute;
        final AttributeValue hashValue;
        final String indexName;
        /** Set once DynamoDB refused ALL_ATTRIBUTES: the index does not project every attribute. */
        boolean projectedOnly;

        Compiled(QueryRequest base, boolean filtered, Map<String, ScalarAttributeType> cursorAttributes,
                 String hashAttribute, AttributeValue hashValue, String indexName) {
            this.base = base;
            this.filtered = filtered;
            this.cursorAttributes = cursorAttributes;
            this.hashAttribute = hashAttribute;
            this.hashValue = hashValue;
            this.indexName = indexName;
        }

        RawPage fetch(Map<String, AttributeValue> start, Integer pageLimit, boolean countOnly) {
            QueryRequest.Builder request = base.toBuilder().exclusiveStartKey(start).limit(pageLimit);
            if (countOnly) {
                return send(request.select(Select.COUNT).build());
            }
            if (indexName == null) {
                return send(request.build());
            }
            if (!projectedOnly) {
                try {
                    return send(request.select(Select.ALL_ATTRIBUTES).build());
                } catch (DynamapperException e) {
                    if (!ReadFailures.isProjectionError(e.getCause())) {
                        throw e;
                    }
                    projectedOnly = true; // a global index without projection ALL: read keys, then whole items
                }
            }
            RawPage keys = send(request.select(Select.ALL_PROJECTED_ATTRIBUTES).build());
            return new RawPage(wholeItems(keys.items()), keys.count(), keys.lastEvaluatedKey());
        }

        private RawPage send(QueryRequest built) {
            long started = System.nanoTime();
            QueryResponse response = ReadFailures.send(ctx.checkOpen(), ctx.budget().get(), ctx.listeners(), "Query",
                    model, indexName, () -> ctx.client().query(built));
            List<Map<String, AttributeValue>> items = response.hasItems() ? response.items() : List.of();
            // an index's projection is not the whole item: those are read by key, and cached, afterwards
            Reads.received(ctx, ReadEvent.Operation.QUERY, model, items,
                    built.select() != Select.ALL_PROJECTED_ATTRIBUTES, ReadEvent.Cache.NONE, started);
            return new RawPage(items,
                    response.count() == null ? 0 : response.count(),
                    RawPage.next(response.hasLastEvaluatedKey(), response.lastEvaluatedKey()));
        }

        /** The table's whole items of index items, in the same order; items deleted meanwhile are left out. */
        private List<Map<String, AttributeValue>> wholeItems(List<Map<String, AttributeValue>> indexItems) {
            if (indexItems.isEmpty()) {
                return indexItems;
            }
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> keys = new java.util.LinkedHashMap<>();
            for (Map<String, AttributeValue> item : indexItems) {
                Map<String, AttributeValue> key = new java.util.LinkedHashMap<>(4);
                key.put(model.hashKey().attributeName(), item.get(model.hashKey().attributeName()));
                model.rangeKey().ifPresent(r -> key.put(r.attributeName(), item.get(r.attributeName())));
                keys.putIfAbsent(BatchGet.identity(model, key), key);
            }
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> found =
                    BatchGet.readItems(ctx, model, new ArrayList<>(keys.values()));
            List<Map<String, AttributeValue>> whole = new ArrayList<>(indexItems.size());
            for (Map<String, AttributeValue> id : keys.keySet()) {
                Map<String, AttributeValue> item = found.get(id);
                if (item != null) {
                    whole.add(item);
                }
            }
            return whole;
        }

        EntityIterator<T> iterator(long max) {
            return new EntityIterator<>(model, ctx.loader(), List.of(new PagedItems(this::fetchItems, null)), max,
                    !filtered);
        }

        private RawPage fetchItems(Map<String, AttributeValue> start, Integer pageLimit, boolean countOnly) {
            return fetch(start, pageLimit, countOnly);
        }

        Map<String, AttributeValue> checkCursor(Cursor cursor) {
            Objects.requireNonNull(cursor, "cursor == null");
            Map<String, AttributeValue> key = cursor.lastEvaluatedKey();
            if (!key.keySet().equals(cursorAttributes.keySet())) {
                throw new IllegalArgumentException("Cursor " + cursor + " does not belong to a query of " + target()
                        + ": it holds key attributes " + key.keySet() + ", expected " + cursorAttributes.keySet());
            }
            for (Map.Entry<String, ScalarAttributeType> e : cursorAttributes.entrySet()) {
                AttributeValue value = key.get(e.getKey());
                String type = value.s() != null ? "S" : value.n() != null ? "N" : "B";
                if (!type.equals(e.getValue().toString())) {
                    throw new IllegalArgumentException("Cursor " + cursor + " does not belong to a query of "
                            + target() + ": its key attribute '" + e.getKey() + "' is of type " + type
                            + ", expected " + e.getValue());
                }
            }
            if (!key.get(hashAttribute).equals(hashValue)) {
                throw new IllegalArgumentException("Cursor " + cursor + " does not belong to this query of " + target()
                        + ": it is from partition " + hashAttribute + " = " + show(key.get(hashAttribute))
                        + ", this query reads " + hashAttribute + " = " + show(hashValue));
            }
            return key;
        }
    }
}
