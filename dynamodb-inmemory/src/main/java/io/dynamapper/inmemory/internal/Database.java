package io.dynamapper.inmemory.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import software.amazon.awssdk.services.dynamodb.model.*;

/**
 * The in-memory DynamoDB: a catalog of {@link StoredTable}s and the data-plane and control-plane operations.
 * One read/write lock makes every single-item write, batch and transaction atomic; reads run in parallel.
 */
public final class Database {
    private static final int PAGE_BYTES = 1024 * 1024;

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final ConcurrentSkipListMap<String, StoredTable> tables = new ConcurrentSkipListMap<>();
    private volatile Clock clock = Clock.systemUTC();
    private final Transactions transactions = new Transactions(this);
    /** Built on the first PartiQL request: most test JVMs send none, and it loads classes of its own. */
    private volatile Partiql partiql;
    /** Every table's stream (they outlive their tables by 24 hours). */
    final io.dynamapper.inmemory.internal.streams.Streams streams =
            new io.dynamapper.inmemory.internal.streams.Streams(() -> clock.instant());

    /** Sets the clock used for table timestamps and the idempotency window. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** Drops every table and forgets idempotency tokens. */
    public void reset() {
        lock.writeLock().lock();
        try {
            tables.clear();
            transactions.forgetTokens();
            streams.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    StoredTable table(String name) {
        Validation.tableName(name);
        StoredTable t = tables.get(name);
        if (t == null) {
            throw Errors.resourceNotFound();
        }
        return t;
    }

    /** A table named by a control-plane request; DynamoDB's error then names the table. */
    private StoredTable describedTable(String name) {
        Validation.tableName(name);
        StoredTable t = tables.get(name);
        if (t == null) {
            throw Errors.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return t;
    }

    // ------------------------------------------------------------------ control plane

    public CreateTableResponse createTable(CreateTableRequest r) {
        StoredTable t = TableFactory.create(r, clock.instant());
        TableUpdates.checkCreate(r);
        lock.writeLock().lock();
        try {
            if (tables.containsKey(t.name)) {
                throw Errors.resourceInUse("Table already exists: " + t.name);
            }
            tables.put(t.name, t);
            TableUpdates.onCreate(this, t, r);
            // AWS answers CREATING; the in-memory table is ACTIVE from the next request on
            return CreateTableResponse.builder()
                    .tableDescription(TableFactory.describe(t, TableStatus.CREATING, IndexStatus.CREATING)).build();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public DescribeTableResponse describeTable(DescribeTableRequest r) {
        lock.readLock().lock();
        try {
            return DescribeTableResponse.builder().table(TableFactory.describe(describedTable(r.tableName()))).build();
        } finally {
            lock.readLock().unlock();
        }
    }

    public DeleteTableResponse deleteTable(DeleteTableRequest r) {
        lock.writeLock().lock();
        try {
            StoredTable t = describedTable(r.tableName());
            TableDescription d = TableFactory.describe(t, TableStatus.DELETING, IndexStatus.DELETING);
            TableUpdates.onDelete(this, t);
            tables.remove(t.name);
            return DeleteTableResponse.builder().tableDescription(d).build();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public ListTablesResponse listTables(ListTablesRequest r) {
        int limit = r.limit() == null ? 100 : r.limit();
        if (limit < 1 || limit > 100) {
            throw Errors.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to "
                    + "satisfy constraint: Member must have value " + (limit < 1 ? "greater than or equal to 1"
                    : "less than or equal to 100"));
        }
        lock.readLock().lock();
        try {
            List<String> names = new ArrayList<>(r.exclusiveStartTableName() == null ? tables.keySet()
                    : tables.tailMap(r.exclusiveStartTableName(), false).keySet());
            ListTablesResponse.Builder b = ListTablesResponse.builder();
            if (names.size() > limit) {
                names = names.subList(0, limit);
                b.lastEvaluatedTableName(names.get(limit - 1));
            }
            return b.tableNames(names).build();
        } finally {
            lock.readLock().unlock();
        }
    }

    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest r) {
        TimeToLiveSpecification spec = r.timeToLiveSpecification();
        String missing = spec == null ? "timeToLiveSpecification" : spec.enabled() == null
                ? "timeToLiveSpecification.enabled" : spec.attributeName() == null
                ? "timeToLiveSpecification.attributeName" : null;
        if (missing != null) {
            throw Errors.validation("1 validation error detected: Value null at '" + missing + "' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (spec.attributeName().isEmpty()) {
            throw Errors.validation("1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' "
                    + "failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        lock.writeLock().lock();
        try {
            StoredTable t = table(r.tableName());
            if (spec.enabled()) {
                if (t.ttlAttribute != null) {
                    throw Errors.validation("TimeToLive is already enabled");
                }
                t.ttlAttribute = spec.attributeName();
            } else {
                if (t.ttlAttribute == null) {
                    throw Errors.validation("TimeToLive is already disabled");
                }
                t.ttlAttribute = null;
            }
            return UpdateTimeToLiveResponse.builder().timeToLiveSpecification(spec).build();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public DescribeTimeToLiveResponse describeTimeToLive(DescribeTimeToLiveRequest r) {
        lock.readLock().lock();
        try {
            StoredTable t = table(r.tableName());
            TimeToLiveDescription d = t.ttlAttribute == null
                    ? TimeToLiveDescription.builder().timeToLiveStatus(TimeToLiveStatus.DISABLED).build()
                    : TimeToLiveDescription.builder().timeToLiveStatus(TimeToLiveStatus.ENABLED)
                            .attributeName(t.ttlAttribute).build();
            return DescribeTimeToLiveResponse.builder().timeToLiveDescription(d).build();
        } finally {
            lock.readLock().unlock();
        }
    }

    // ------------------------------------------------------------------ single-item operations

    /** A validated write, ready to apply under the write lock; {@code itemSize} is the size of {@code item}. */
    record PreparedWrite(StoredTable table, Map<String, AttributeValue> key, Map<String, AttributeValue> item,
            long itemSize, Ast.ParsedCondition condition, Ast.ParsedUpdate update, Context ctx) {

        /** The item stored at the key when the write needs it (to test its condition), else null. */
        Map<String, AttributeValue> currentIfConditional() {
            return condition == null ? null : table.get(key);
        }
    }

    /** An updated item, validated, with its size. */
    record Updated(Map<String, AttributeValue> item, long size, List<List<Object>> paths) {
    }

    /** What a write request holds once checked without its table: the item, parsed expressions, context. */
    record Checked(Map<String, AttributeValue> item, Ast.ParsedCondition condition, Ast.ParsedUpdate update,
            Context ctx) {
    }

    /**
     * The checks DynamoDB makes on a write request before it looks its table up: the table name's syntax,
     * the item's values, the expressions' syntax, placeholders and static operand types. {@code rawItem} is
     * null for a keyed write (update, delete, condition check).
     */
    static Checked check(String tableName, Map<String, AttributeValue> rawItem, boolean isPut, String update,
            String condition, Map<String, String> names, Map<String, AttributeValue> values) {
        Validation.tableName(tableName);
        if (isPut && rawItem == null) {
            throw Errors.validation("1 validation error detected: Value null at 'item' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        Map<String, AttributeValue> item = isPut ? ItemValidator.normalizeItem(rawItem) : null;
        ExpressionCache.Usage usage = new ExpressionCache.Usage(names, values);
        Ast.ParsedUpdate u = update == null ? null : ExpressionCache.update(update);
        if (u != null) {
            usage.add("UpdateExpression", u.names(), u.values());
        }
        Ast.ParsedCondition c = condition == null ? null : ExpressionCache.condition(condition, "ConditionExpression");
        if (c != null) {
            usage.add("ConditionExpression", c.names(), c.values());
        }
        usage.checkAllUsed();
        Context ctx = Context.of(names, Validation.normalizeValues(values), "ConditionExpression");
        if (c != null) {
            OperandTypes.check(c.root(), ctx);
        }
        return new Checked(item, c, u, ctx);
    }

    PreparedWrite preparePut(String tableName, Map<String, AttributeValue> rawItem, String condition,
            Map<String, String> names, Map<String, AttributeValue> values) {
        Checked checked = check(tableName, rawItem, true, null, condition, names, values);
        StoredTable t = table(tableName);
        Map<String, AttributeValue> item = checked.item();
        Validation.item(t, item);
        long size = ItemValidator.checkSize(item, false);
        return new PreparedWrite(t, Validation.keyOf(t, item), item, size, checked.condition(), null, checked.ctx());
    }

    PreparedWrite prepareKeyed(String tableName, Map<String, AttributeValue> rawKey, String update,
            String condition, Map<String, String> names, Map<String, AttributeValue> values) {
        Checked checked = check(tableName, null, false, update, condition, names, values);
        StoredTable t = table(tableName);
        Map<String, AttributeValue> key = Validation.key(t, rawKey);
        return new PreparedWrite(t, key, null, 0, checked.condition(), checked.update(), checked.ctx());
    }

    static boolean conditionHolds(PreparedWrite w, Map<String, AttributeValue> old) {
        return w.condition() == null || Evaluator.test(w.condition().root(), old == null ? Map.of() : old, w.ctx());
    }

    /** Computes and validates the item an update produces. */
    static Updated applyUpdate(PreparedWrite w, Map<String, AttributeValue> old) {
        Map<String, AttributeValue> base = old == null ? w.key() : old;
        Updater.Result res = w.update() == null ? new Updater.Result(new LinkedHashMap<>(base), List.of())
                : Updater.apply(w.update(), base, new Context(w.ctx().names(), w.ctx().values(), "UpdateExpression"),
                        w.table().keyNames());
        Validation.item(w.table(), res.item());
        long size = ItemValidator.checkSize(res.item(), true);
        return new Updated(res.item(), size, res.paths());
    }

    public PutItemResponse putItem(PutItemRequest r) {
        r = Legacy.putItem(r);
        Enums.check(r.returnValues(), r.returnValuesAsString(), "returnValues",
                "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        Enums.check(r.returnValuesOnConditionCheckFailure(), r.returnValuesOnConditionCheckFailureAsString(),
                "returnValuesOnConditionCheckFailure", "[ALL_OLD, NONE]");
        ReturnValue rv = r.returnValues() == null ? ReturnValue.NONE : r.returnValues();
        if (rv != ReturnValue.NONE && rv != ReturnValue.ALL_OLD) {
            throw Errors.validation("Return values set to invalid value");
        }
        ReturnConsumedCapacity rcc = Capacity.mode(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString());
        boolean metrics = Capacity.metrics(r.returnItemCollectionMetrics(), r.returnItemCollectionMetricsAsString());
        PreparedWrite w = preparePut(r.tableName(), r.item(), r.conditionExpression(),
                r.expressionAttributeNames(), r.expressionAttributeValues());
        lock.writeLock().lock();
        try {
            Map<String, AttributeValue> old = rv == ReturnValue.ALL_OLD || rcc != ReturnConsumedCapacity.NONE
                    ? w.table().get(w.key()) : w.currentIfConditional();
            if (!conditionHolds(w, old)) {
                throw Errors.conditionalCheckFailed(allOld(r.returnValuesOnConditionCheckFailure(), old));
            }
            w.table().write(w.key(), w.item(), w.itemSize());
            PutItemResponse.Builder b = PutItemResponse.builder();
            if (rv == ReturnValue.ALL_OLD && old != null) {
                b.attributes(old);
            }
            b.consumedCapacity(consumed(w.table(), old, w.item(), rcc));
            if (metrics) {
                b.itemCollectionMetrics(Capacity.collection(w.table(), w.key()));
            }
            return b.build();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The paths UPDATED_OLD/UPDATED_NEW return: each updated path cut before its first list index, so a
     * changed list comes back whole (as DynamoDB Local does for {@code REMOVE li[1]}).
     */
    private static List<List<Object>> updatedPaths(List<List<Object>> paths) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> p : paths) {
            int cut = p.size();
            for (int i = 0; i < p.size(); i++) {
                if (p.get(i) instanceof Integer) {
                    cut = i;
                    break;
                }
            }
            List<Object> q = p.subList(0, cut);
            boolean covered = false;
            for (List<Object> o : out) {
                covered |= Paths.overlap(o, q) && o.size() <= q.size();
            }
            if (!covered) {
                out.removeIf(o -> Paths.overlap(o, q));
                out.add(q);
            }
        }
        return out;
    }

    /** The ConsumedCapacity of a single-item write, or null for NONE. */
    private static ConsumedCapacity consumed(StoredTable t, Map<String, AttributeValue> old,
            Map<String, AttributeValue> next, ReturnConsumedCapacity mode) {
        if (mode == ReturnConsumedCapacity.NONE) {
            return null;
        }
        Capacity.Meter m = new Capacity.Meter(t.name);
        Capacity.chargeWrite(m, t, old, next, 1);
        return m.build(mode);
    }

    static Map<String, AttributeValue> allOld(ReturnValuesOnConditionCheckFailure r, Map<String, AttributeValue> old) {
        return r == ReturnValuesOnConditionCheckFailure.ALL_OLD ? old : null;
    }

    public DeleteItemResponse deleteItem(DeleteItemRequest r) {
        r = Legacy.deleteItem(r);
        Enums.check(r.returnValues(), r.returnValuesAsString(), "returnValues",
                "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        Enums.check(r.returnValuesOnConditionCheckFailure(), r.returnValuesOnConditionCheckFailureAsString(),
                "returnValuesOnConditionCheckFailure", "[ALL_OLD, NONE]");
        ReturnValue rv = r.returnValues() == null ? ReturnValue.NONE : r.returnValues();
        if (rv != ReturnValue.NONE && rv != ReturnValue.ALL_OLD) {
            throw Errors.validation("Return values set to invalid value");
        }
        ReturnConsumedCapacity rcc = Capacity.mode(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString());
        boolean metrics = Capacity.metrics(r.returnItemCollectionMetrics(), r.returnItemCollectionMetricsAsString());
        PreparedWrite w = prepareKeyed(r.tableName(), r.key(), null, r.conditionExpression(),
                r.expressionAttributeNames(), r.expressionAttributeValues());
        lock.writeLock().lock();
        try {
            Map<String, AttributeValue> old = rv == ReturnValue.ALL_OLD || rcc != ReturnConsumedCapacity.NONE
                    ? w.table().get(w.key()) : w.currentIfConditional();
            if (!conditionHolds(w, old)) {
                throw Errors.conditionalCheckFailed(allOld(r.returnValuesOnConditionCheckFailure(), old));
            }
            w.table().write(w.key(), null, 0);
            DeleteItemResponse.Builder b = DeleteItemResponse.builder();
            if (rv == ReturnValue.ALL_OLD && old != null) {
                b.attributes(old);
            }
            b.consumedCapacity(consumed(w.table(), old, null, rcc));
            if (metrics) {
                b.itemCollectionMetrics(Capacity.collection(w.table(), w.key()));
            }
            return b.build();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public UpdateItemResponse updateItem(UpdateItemRequest r) {
        r = Legacy.updateItem(r);
        ReturnValue rv = r.returnValues() == null ? ReturnValue.NONE : r.returnValues();
        Enums.check(r.returnValues(), r.returnValuesAsString(), "returnValues",
                "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        Enums.check(r.returnValuesOnConditionCheckFailure(), r.returnValuesOnConditionCheckFailureAsString(),
                "returnValuesOnConditionCheckFailure", "[ALL_OLD, NONE]");
        ReturnConsumedCapacity rcc = Capacity.mode(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString());
        boolean metrics = Capacity.metrics(r.returnItemCollectionMetrics(), r.returnItemCollectionMetricsAsString());
        PreparedWrite w = prepareKeyed(r.tableName(), r.key(), r.updateExpression(), r.conditionExpression(),
                r.expressionAttributeNames(), r.expressionAttributeValues());
        lock.writeLock().lock();
        try {
            Map<String, AttributeValue> old = w.table().get(w.key());
            if (!conditionHolds(w, old)) {
                throw Errors.conditionalCheckFailed(allOld(r.returnValuesOnConditionCheckFailure(), old));
            }
            Updated res = applyUpdate(w, old);
            w.table().write(w.key(), res.item(), res.size());
            UpdateItemResponse.Builder b = UpdateItemResponse.builder();
            Map<String, AttributeValue> out = switch (rv) {
                case ALL_OLD -> old;
                case ALL_NEW -> res.item();
                case UPDATED_OLD -> old == null ? null : Projector.project(old, updatedPaths(res.paths()));
                case UPDATED_NEW -> Projector.project(res.item(), updatedPaths(res.paths()));
                default -> null;
            };
            if (out != null && !out.isEmpty()) {
                b.attributes(out);
            }
            b.consumedCapacity(consumed(w.table(), old, res.item(), rcc));
            if (metrics) {
                b.itemCollectionMetrics(Capacity.collection(w.table(), w.key()));
            }
            return b.build();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public GetItemResponse getItem(GetItemRequest r) {
        r = Legacy.getItem(r);
        ReturnConsumedCapacity rcc = Capacity.mode(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString());
        Validation.tableName(r.tableName());
        List<List<Object>> projection = projection(r.projectionExpression(), r.expressionAttributeNames(), null);
        StoredTable t = table(r.tableName());
        Map<String, AttributeValue> key = Validation.key(t, r.key());
        lock.readLock().lock();
        try {
            Map<String, AttributeValue> item = t.get(key);
            GetItemResponse.Builder b = GetItemResponse.builder();
            if (item != null) {
                b.item(projection == null ? item : Projector.project(item, projection));
            }
            if (rcc != ReturnConsumedCapacity.NONE) {
                Capacity.Meter m = new Capacity.Meter(t.name);
                m.table(Capacity.read(item == null ? 0 : ItemSizer.of(item), Boolean.TRUE.equals(r.consistentRead())));
                b.consumedCapacity(m.build(rcc));
            }
            return b.build();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Parses a projection expression and checks names; with {@code usage}, records them there instead. */
    static List<List<Object>> projection(String expr, Map<String, String> names, ExpressionCache.Usage usage) {
        if (expr == null) {
            if (usage == null) {
                new ExpressionCache.Usage(names, null).checkAllUsed();
            }
            return null;
        }
        Ast.ParsedProjection p = ExpressionCache.projection(expr);
        ExpressionCache.Usage u = usage == null ? new ExpressionCache.Usage(names, null) : usage;
        u.add("ProjectionExpression", p.names(), Set.of());
        if (usage == null) {
            u.checkAllUsed();
        }
        Context ctx = Context.of(names, null, "ProjectionExpression");
        List<List<Object>> paths = new ArrayList<>();
        for (Ast.Path path : p.paths()) {
            paths.add(Paths.resolve(path, ctx));
        }
        Paths.checkNoOverlap(paths, "ProjectionExpression");
        return paths;
    }

    // ------------------------------------------------------------------ batches

    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r) {
        if (!r.hasRequestItems() || r.requestItems().isEmpty()) {
            throw Errors.validation("The requestItems parameter is required for BatchWriteItem");
        }
        if (r.requestItems().values().stream().anyMatch(List::isEmpty)) {
            throw Errors.validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: "
                    + "Map value must satisfy constraint: [Member must have length less than or equal to 25, "
                    + "Member must have length greater than or equal to 1]");
        }
        int total = r.requestItems().values().stream().mapToInt(List::size).sum();
        if (total > 25) {
            throw Errors.validation("Too many items requested for the BatchWriteItem call");
        }
        ReturnConsumedCapacity rcc = Capacity.mode(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString());
        boolean metrics = Capacity.metrics(r.returnItemCollectionMetrics(), r.returnItemCollectionMetricsAsString());
        List<PreparedWrite> writes = new ArrayList<>();
        for (Map.Entry<String, List<WriteRequest>> e : r.requestItems().entrySet()) {
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            for (WriteRequest wr : e.getValue()) {
                PreparedWrite w;
                if (wr.putRequest() != null && wr.deleteRequest() == null) {
                    w = preparePut(e.getKey(), wr.putRequest().item(), null, null, null);
                } else if (wr.deleteRequest() != null && wr.putRequest() == null) {
                    w = prepareKeyed(e.getKey(), wr.deleteRequest().key(), null, null, null, null);
                } else {
                    throw Errors.validation("Supplied AttributeValue has more than one datatypes set, must contain "
                            + "exactly one of the supported datatypes");
                }
                if (!seen.add(w.key())) {
                    throw Errors.validation("Provided list of item keys contains duplicates");
                }
                writes.add(w);
            }
        }
        Capacity.Meters meters = new Capacity.Meters();
        Map<String, List<ItemCollectionMetrics>> collections = new LinkedHashMap<>();
        lock.writeLock().lock();
        try {
            for (PreparedWrite w : writes) {
                Capacity.Meter m = meters.of(w.table().name);
                if (rcc != ReturnConsumedCapacity.NONE) {
                    Capacity.chargeWrite(m, w.table(), w.table().get(w.key()), w.item(), 1);
                }
                w.table().write(w.key(), w.item(), w.itemSize());
            }
            if (metrics) {
                for (PreparedWrite w : writes) {
                    ItemCollectionMetrics c = Capacity.collection(w.table(), w.key());
                    if (c != null) {
                        collections.computeIfAbsent(w.table().name, k -> new ArrayList<>()).add(c);
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        BatchWriteItemResponse.Builder b = BatchWriteItemResponse.builder().unprocessedItems(Map.of())
                .consumedCapacity(meters.build(rcc));
        if (metrics) {
            b.itemCollectionMetrics(collections);
        }
        return b.build();
    }

    public BatchGetItemResponse batchGetItem(BatchGetItemRequest r) {
        r = Legacy.batchGetItem(r);
        if (!r.hasRequestItems() || r.requestItems().isEmpty()) {
            throw Errors.validation("The requestItems parameter is required for BatchGetItem");
        }
        int total = r.requestItems().values().stream().mapToInt(k -> k.hasKeys() ? k.keys().size() : 0).sum();
        if (total > 100) {
            throw Errors.validation("Too many items requested for the BatchGetItem call");
        }
        ReturnConsumedCapacity rcc = Capacity.mode(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString());
        record Get(String table, StoredTable t, Map<String, AttributeValue> key, List<List<Object>> projection,
                boolean consistent) {
        }
        List<Get> gets = new ArrayList<>();
        for (Map.Entry<String, KeysAndAttributes> e : r.requestItems().entrySet()) {
            KeysAndAttributes ka = e.getValue();
            Validation.tableName(e.getKey());
            List<List<Object>> projection = projection(ka.projectionExpression(), ka.expressionAttributeNames(), null);
            StoredTable t = table(e.getKey());
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            for (Map<String, AttributeValue> k : ka.keys()) {
                Map<String, AttributeValue> key = Validation.key(t, k);
                if (!seen.add(key)) {
                    throw Errors.validation("Provided list of item keys contains duplicates");
                }
                gets.add(new Get(e.getKey(), t, key, projection, Boolean.TRUE.equals(ka.consistentRead())));
            }
        }
        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        Capacity.Meters meters = new Capacity.Meters();
        lock.readLock().lock();
        try {
            for (Get g : gets) {
                List<Map<String, AttributeValue>> list = responses.computeIfAbsent(g.table(), k -> new ArrayList<>());
                Map<String, AttributeValue> item = g.t().get(g.key());
                meters.of(g.table()).table(Capacity.read(item == null ? 0 : ItemSizer.of(item), g.consistent()));
                if (item != null) {
                    list.add(g.projection() == null ? item : Projector.project(item, g.projection()));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return BatchGetItemResponse.builder().responses(responses).unprocessedKeys(Map.of())
                .consumedCapacity(meters.build(rcc)).build();
    }

    // ------------------------------------------------------------------ transactions

    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
        return transactions.write(r);
    }

    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest r) {
        return transactions.get(r);
    }

    // ------------------------------------------------------------------ PartiQL

    private Partiql partiql() {
        Partiql p = partiql;
        if (p == null) {
            synchronized (this) {
                p = partiql;
                if (p == null) {
                    p = new Partiql(this);
                    partiql = p;
                }
            }
        }
        return p;
    }

    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest r) {
        return partiql().execute(r);
    }

    public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest r) {
        return partiql().batch(r);
    }

    public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest r) {
        return partiql().transaction(r);
    }

    // ------------------------------------------------------------------ query and scan

    public QueryResponse query(QueryRequest r) {
        r = Legacy.query(r, this);
        if (r.keyConditionExpression() == null) {
            throw Errors.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified "
                    + "in the request.");
        }
        Enums.check(r.select(), r.selectAsString(), "select",
                "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        ReturnConsumedCapacity rcc = Capacity.mode(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString());
        ReadPlan plan = ReadPlan.of(this, r.tableName(), r.indexName(), r.consistentRead(), r.select(),
                r.projectionExpression(), r.filterExpression(), r.limit(), r.exclusiveStartKey(),
                r.expressionAttributeNames(), r.expressionAttributeValues(), r.keyConditionExpression(), true);
        TableUpdates.checkReadable(this, r.tableName(), r.indexName());
        lock.readLock().lock();
        try {
            return plan.query(r.scanIndexForward() == null || r.scanIndexForward(), rcc);
        } finally {
            lock.readLock().unlock();
        }
    }

    public ScanResponse scan(ScanRequest r) {
        r = Legacy.scan(r);
        Enums.check(r.select(), r.selectAsString(), "select",
                "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        ReturnConsumedCapacity rcc = Capacity.mode(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString());
        Integer segment = r.segment();
        Integer total = r.totalSegments();
        if (segment != null && total == null) {
            throw Errors.validation("The TotalSegments parameter is required but was not present in the request "
                    + "when Segment parameter is present");
        }
        if (total != null && segment == null) {
            throw Errors.validation("The Segment parameter is required but was not present in the request when "
                    + "parameter TotalSegments is present");
        }
        if (total != null) {
            if (total < 1 || total > 1_000_000) {
                throw Errors.validation("1 validation error detected: Value '" + total + "' at 'totalSegments' "
                        + "failed to satisfy constraint: Member must have value " + (total < 1
                        ? "greater than or equal to 1" : "less than or equal to 1000000"));
            }
            if (segment >= total && segment >= 0) {
                throw Errors.validation("The Segment parameter is zero-based and must be less than parameter "
                        + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + total);
            }
            if (segment < 0) {
                throw Errors.validation("1 validation error detected: Value '" + segment + "' at 'segment' failed "
                        + "to satisfy constraint: Member must have value " + (segment < 0
                        ? "greater than or equal to 0" : "less than or equal to " + (total - 1)));
            }
        }
        ReadPlan plan = ReadPlan.of(this, r.tableName(), r.indexName(), r.consistentRead(), r.select(),
                r.projectionExpression(), r.filterExpression(), r.limit(), r.exclusiveStartKey(),
                r.expressionAttributeNames(), r.expressionAttributeValues(), null, false);
        TableUpdates.checkReadable(this, r.tableName(), r.indexName());
        lock.readLock().lock();
        try {
            return plan.scan(segment == null ? 0 : segment, total == null ? 1 : total, rcc);
        } finally {
            lock.readLock().unlock();
        }
    }

    static int pageBytes() {
        return PAGE_BYTES;
    }

    // ------------------------------------------------------------------ UpdateTable, tags, limits, streams

    public UpdateTableResponse updateTable(UpdateTableRequest r) {
        return TableUpdates.update(this, r);
    }

    public TagResourceResponse tagResource(TagResourceRequest r) {
        return Tagging.tag(this, r);
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r) {
        return Tagging.untag(this, r);
    }

    public ListTagsOfResourceResponse listTagsOfResource(ListTagsOfResourceRequest r) {
        return Tagging.list(this, r);
    }

    public DescribeLimitsResponse describeLimits(DescribeLimitsRequest r) {
        return AccountInfo.describeLimits();
    }

    public DescribeEndpointsResponse describeEndpoints(DescribeEndpointsRequest r) {
        return AccountInfo.describeEndpoints();
    }

    public DescribeContinuousBackupsResponse describeContinuousBackups(DescribeContinuousBackupsRequest r) {
        return TableSettings.describeContinuousBackups(this, r);
    }

    public UpdateContinuousBackupsResponse updateContinuousBackups(UpdateContinuousBackupsRequest r) {
        return TableSettings.updateContinuousBackups(this, r);
    }

    public DescribeContributorInsightsResponse describeContributorInsights(DescribeContributorInsightsRequest r) {
        return TableSettings.describeContributorInsights(this, r);
    }

    public UpdateContributorInsightsResponse updateContributorInsights(UpdateContributorInsightsRequest r) {
        return TableSettings.updateContributorInsights(this, r);
    }

    public DescribeKinesisStreamingDestinationResponse describeKinesisStreamingDestination(
            DescribeKinesisStreamingDestinationRequest r) {
        return TableSettings.describeKinesisStreamingDestination(this, r);
    }

    public ListBackupsResponse listBackups(ListBackupsRequest r) {
        return TableSettings.listBackups(r);
    }

    public ListGlobalTablesResponse listGlobalTables(ListGlobalTablesRequest r) {
        return TableSettings.listGlobalTables(r);
    }

    public ListExportsResponse listExports(ListExportsRequest r) {
        return TableSettings.listExports(r);
    }

    public ListImportsResponse listImports(ListImportsRequest r) {
        return TableSettings.listImports(r);
    }

    public PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest r) {
        return ResourcePolicies.put(this, r);
    }

    public GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest r) {
        return ResourcePolicies.get(this, r);
    }

    public DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest r) {
        return ResourcePolicies.delete(this, r);
    }

    public ListStreamsResponse listStreams(ListStreamsRequest r) {
        return streams.listStreams(r, tables::containsKey);
    }

    public DescribeStreamResponse describeStream(DescribeStreamRequest r) {
        return streams.describeStream(r);
    }

    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest r) {
        return streams.getShardIterator(r);
    }

    public GetRecordsResponse getRecords(GetRecordsRequest r) {
        return streams.getRecords(r);
    }

    /** Deletes the items whose time to live has passed, as DynamoDB's service would (see {@link Expiry}). */
    public int expireItems() {
        return Expiry.run(this);
    }
}
