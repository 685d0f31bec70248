package io.dynamapper.inmemory.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * A validated Query or Scan: which store to read (table or index), the key condition, filter,
 * projection, Limit and start key; then the page it reads. Limit and the 1 MB page size count items
 * evaluated before the filter, as in DynamoDB.
 */
final class ReadPlan {
    private final StoredTable table;
    private final StoredTable.Index index;
    private final Store store;
    private final String hashKey;
    private final String rangeKey;
    private final Select select;
    private final List<List<Object>> projection;
    private final Ast.ParsedCondition filter;
    private final Context ctx;
    private final int limit;
    private final byte[] startProbe;
    private final QueryKeyCondition keyCondition;
    private final boolean consistent;

    private ReadPlan(StoredTable table, StoredTable.Index index, Select select, List<List<Object>> projection,
            Ast.ParsedCondition filter, Context ctx, int limit, byte[] startProbe, QueryKeyCondition keyCondition,
            boolean consistent) {
        this.table = table;
        this.index = index;
        this.store = index == null ? table.store : index.store;
        this.hashKey = index == null ? table.hashKey : index.hashKey;
        this.rangeKey = index == null ? table.rangeKey : index.rangeKey;
        this.select = select;
        this.projection = projection;
        this.filter = filter;
        this.ctx = ctx;
        this.limit = limit;
        this.startProbe = startProbe;
        this.keyCondition = keyCondition;
        this.consistent = consistent;
    }

    static ReadPlan of(Database engine, String tableName, String indexName, Boolean consistentRead, Select select,
            String projectionExpression, String filterExpression, Integer limit,
            Map<String, AttributeValue> exclusiveStartKey, Map<String, String> names,
            Map<String, AttributeValue> rawValues, String keyConditionExpression, boolean isQuery) {
        Validation.tableName(tableName);
        if (limit != null && limit < 1) {
            throw Errors.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy "
                    + "constraint: Member must have value greater than or equal to 1");
        }
        if (select == Select.COUNT && projectionExpression != null) {
            throw Errors.validation("Cannot specify the ProjectionExpression when choosing to get only the Count");
        }
        if (select == Select.SPECIFIC_ATTRIBUTES && projectionExpression == null) {
            throw Errors.validation("Must specify the AttributesToGet or ProjectionExpression when choosing to get "
                    + "SPECIFIC_ATTRIBUTES");
        }
        if (select == Select.ALL_PROJECTED_ATTRIBUTES && indexName == null) {
            throw Errors.validation("ALL_PROJECTED_ATTRIBUTES can be used only when " + (isQuery ? "Querying" : "Scanning")
                    + " using an IndexName");
        }
        Map<String, AttributeValue> values = Validation.normalizeValues(rawValues);
        ExpressionCache.Usage usage = new ExpressionCache.Usage(names, values);
        Ast.ParsedCondition key = null;
        if (keyConditionExpression != null) {
            key = ExpressionCache.condition(keyConditionExpression, "KeyConditionExpression");
            usage.add("KeyConditionExpression", key.names(), key.values());
        }
        Ast.ParsedCondition filter = null;
        if (filterExpression != null) {
            filter = ExpressionCache.condition(filterExpression, "FilterExpression");
            usage.add("FilterExpression", filter.names(), filter.values());
        }
        List<List<Object>> projection = Database.projection(projectionExpression, names, usage);
        usage.checkAllUsed();
        Context ctx = Context.of(names, values, "FilterExpression");
        if (filter != null) {
            OperandTypes.check(filter.root(), ctx);
        }
        // the request is valid on its own; now the table and index it names
        StoredTable t = engine.table(tableName);
        StoredTable.Index index = null;
        if (indexName != null) {
            index = t.index(indexName);
            if (index == null) {
                throw Errors.validation("The table does not have the specified index: " + indexName);
            }
            if (index.global && Boolean.TRUE.equals(consistentRead)) {
                throw Errors.validation("Consistent read cannot be true when querying a GSI");
            }
        }
        if (select == Select.ALL_ATTRIBUTES && index != null && index.global && !index.projectsAll()) {
            throw Errors.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not "
                    + "supported for global secondary index " + index.name + " because its projection type is not ALL");
        }
        if (projection != null && index != null && index.global && !index.projectsAll()) {
            for (List<Object> path : projection) {
                if (!index.projected.contains((String) path.get(0))) {
                    throw Errors.validation("One or more parameter values were invalid: Global secondary index "
                            + index.name + " does not project [" + path.get(0) + "]");
                }
            }
        }
        String hk = index == null ? t.hashKey : index.hashKey;
        String rk = index == null ? t.rangeKey : index.rangeKey;
        QueryKeyCondition kc = null;
        if (key != null) {
            kc = QueryKeyCondition.analyze(key.root(), Context.of(names, values, "KeyConditionExpression"), hk, rk,
                    t.attributeTypes);
            if (filter != null) {
                for (String k : new String[] {hk, rk}) {
                    if (k != null && mentions(filter.root(), k, ctx)) {
                        throw Errors.validation("Filter Expression can only contain non-primary key attributes: "
                                + "Primary key attribute: " + k);
                    }
                }
            }
        }
        byte[] start = null;
        if (exclusiveStartKey != null && !exclusiveStartKey.isEmpty()) {
            Set<String> expected = new java.util.HashSet<>(t.keyNames());
            if (index != null) {
                expected.add(index.hashKey);
                if (index.rangeKey != null) {
                    expected.add(index.rangeKey);
                }
            }
            if (exclusiveStartKey.size() != expected.size() || !exclusiveStartKey.keySet().equals(expected)) {
                throw Errors.validation("Exclusive Start Key must have same size as table's key schema");
            }
            Map<String, AttributeValue> esk = new LinkedHashMap<>();
            for (String k : expected) {
                AttributeValue v = ItemValidator.checkValue(exclusiveStartKey.get(k), false);
                if (!t.attributeTypes.get(k).equals(AttributeSemantics.type(v))) {
                    throw Errors.validation("The provided starting key is invalid: The provided key element does "
                            + "not match the schema");
                }
                esk.put(k, v);
            }
            start = t.codec.encode(esk, hk, rk);
            if (kc != null && !AttributeSemantics.equal(esk.get(hk), kc.hashValue())) {
                throw Errors.validation("The provided starting key is outside query boundaries based on provided "
                        + "conditions");
            }
            if (kc != null && rk != null && !kc.matchesRange(esk.get(rk))) {
                throw Errors.validation("The provided starting key does not match the range key predicate");
            }
        }
        return new ReadPlan(t, index, select, projection, filter, ctx, limit == null ? Integer.MAX_VALUE : limit,
                start, kc, Boolean.TRUE.equals(consistentRead));
    }

    private static boolean mentions(Ast.Condition c, String attribute, Context ctx) {
        if (c instanceof Ast.And a) {
            return mentions(a.left(), attribute, ctx) || mentions(a.right(), attribute, ctx);
        }
        if (c instanceof Ast.Or o) {
            return mentions(o.left(), attribute, ctx) || mentions(o.right(), attribute, ctx);
        }
        if (c instanceof Ast.Not n) {
            return mentions(n.inner(), attribute, ctx);
        }
        List<Ast.Operand> operands = new ArrayList<>();
        if (c instanceof Ast.Compare cmp) {
            operands.add(cmp.left());
            operands.add(cmp.right());
        } else if (c instanceof Ast.Between b) {
            operands.addAll(List.of(b.value(), b.low(), b.high()));
        } else if (c instanceof Ast.In in) {
            operands.add(in.value());
            operands.addAll(in.candidates());
        } else if (c instanceof Ast.Function f) {
            operands.addAll(f.args());
        }
        for (Ast.Operand o : operands) {
            Ast.Path path = o instanceof Ast.PathOperand po ? po.path() : o instanceof Ast.SizeOperand so ? so.path() : null;
            if (path != null && attribute.equals(ctx.name(path.steps().get(0).name()))) {
                return true;
            }
        }
        return false;
    }

    /** Accumulates one page. */
    private final class Page {
        final List<Map<String, AttributeValue>> items = new ArrayList<>();
        int count;
        int scanned;
        long bytes;
        /** DynamoDB size of the items read (index entries for an index), when capacity is reported. */
        long readBytes;
        /** Units of the table reads a local index query makes to fetch attributes the index does not project. */
        double fetchUnits;
        final boolean metered;
        Map<String, AttributeValue> last;

        Page(ReturnConsumedCapacity mode) {
            this.metered = mode != ReturnConsumedCapacity.NONE;
        }

        /** Evaluates one stored item; returns false when the page is full. */
        boolean offer(byte[] encoded) {
            Map<String, AttributeValue> full = table.codec.decode(encoded);
            Map<String, AttributeValue> visible = full;
            if (index != null && (index.global || (select != Select.ALL_ATTRIBUTES && projection == null))) {
                visible = index.project(full);
            }
            scanned++;
            bytes += encoded.length;
            if (metered) {
                readBytes += index == null ? table.codec.size(encoded) : ItemSizer.of(index.project(full));
                if (fetchesFromTable()) {
                    fetchUnits += Capacity.read(table.codec.size(encoded), consistent);
                }
            }
            last = full;
            if (filter == null || Evaluator.test(filter.root(), visible, ctx)) {
                count++;
                if (select != Select.COUNT) {
                    items.add(projection == null ? visible : Projector.project(visible, projection));
                }
            }
            return scanned < limit && bytes < Database.pageBytes();
        }

        Map<String, AttributeValue> lastKey() {
            Map<String, AttributeValue> k = new LinkedHashMap<>();
            for (String a : table.keyNames()) {
                k.put(a, last.get(a));
            }
            if (index != null) {
                k.put(index.hashKey, last.get(index.hashKey));
                if (index.rangeKey != null) {
                    k.put(index.rangeKey, last.get(index.rangeKey));
                }
            }
            return k;
        }
    }

    /** The capacity of a page: its items' total size, rounded up once; charged to the index it read. */
    private ConsumedCapacity consumed(Page page, ReturnConsumedCapacity mode) {
        if (!page.metered) {
            return null;
        }
        Capacity.Meter m = new Capacity.Meter(table.name);
        double units = Capacity.read(page.readBytes, consistent);
        if (index == null) {
            m.table(units);
        } else {
            m.index(index, units);
            if (page.fetchUnits > 0) {
                m.table(page.fetchUnits);
            }
        }
        return m.build(mode);
    }

    /**
     * Whether a read of a local index also reads each item from the table: the request wants attributes
     * the index does not project ({@code Select=ALL_ATTRIBUTES}, or a projection naming one).
     */
    private boolean fetchesFromTable() {
        if (index == null || index.global || index.projectsAll()) {
            return false;
        }
        if (select == Select.ALL_ATTRIBUTES) {
            return true;
        }
        if (projection != null) {
            for (List<Object> path : projection) {
                if (!index.projected.contains((String) path.get(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    QueryResponse query(boolean forward, ReturnConsumedCapacity mode) {
        Page page = new Page(mode);
        Map<String, AttributeValue> probeKey = Map.of(hashKey, keyCondition.hashValue());
        Store.Partition p = store.partition(table.codec.encode(probeKey, hashKey));
        boolean more = false;
        if (p != null) {
            int from = 0;
            int to = p.size();
            String op = keyCondition.op();
            if (op != null && !op.equals("begins_with")) {
                byte[] low = rangeProbe(keyCondition.low());
                switch (op) {
                    case "=" -> {
                        from = store.lowerBound(p, low, true);
                        to = store.lowerBound(p, low, false);
                    }
                    case "<" -> to = store.lowerBound(p, low, true);
                    case "<=" -> to = store.lowerBound(p, low, false);
                    case ">" -> from = store.lowerBound(p, low, false);
                    case ">=" -> from = store.lowerBound(p, low, true);
                    default -> {
                        from = store.lowerBound(p, low, true);
                        to = store.lowerBound(p, rangeProbe(keyCondition.high()), false);
                    }
                }
            } else if (op != null) {
                from = store.lowerBound(p, rangeProbe(keyCondition.low()), true);
            }
            int i;
            if (startProbe != null) {
                int at = store.search(p, startProbe);
                i = forward ? (at >= 0 ? at + 1 : -at - 1) : (at >= 0 ? at - 1 : -at - 2);
                i = forward ? Math.max(i, from) : Math.min(i, to - 1);
            } else {
                i = forward ? from : to - 1;
            }
            for (; forward ? i < to : i >= from; i += forward ? 1 : -1) {
                byte[] item = p.get(i);
                if ("begins_with".equals(op) && !keyCondition.matchesRange(
                        ItemCodec.valueAt(item, ItemCodec.find(item, table.codec.names().existingId(rangeKey))))) {
                    if (forward) {
                        break;
                    }
                    continue;
                }
                if (!page.offer(item)) {
                    more = true;
                    break;
                }
            }
        }
        QueryResponse.Builder b = QueryResponse.builder().count(page.count).scannedCount(page.scanned)
                .consumedCapacity(consumed(page, mode));
        if (select != Select.COUNT) {
            b.items(page.items);
        }
        if (more) {
            b.lastEvaluatedKey(page.lastKey());
        }
        return b.build();
    }

    private byte[] rangeProbe(AttributeValue v) {
        return table.codec.encode(Map.of(rangeKey, v), rangeKey);
    }

    ScanResponse scan(int segment, int totalSegments, ReturnConsumedCapacity mode) {
        Page page = new Page(mode);
        Store.ScanOrder order = store.scanOrder();
        int pi = 0;
        int itemIndex = 0;
        if (startProbe != null) {
            int at = store.scanPosition(order, startProbe);
            if (at >= 0) {
                pi = at;
                int found = store.search(store.partitionAt(order, at), startProbe);
                itemIndex = found >= 0 ? found + 1 : -found - 1;
            } else {
                pi = -at - 1;
            }
        }
        boolean more = false;
        outer:
        for (; pi < order.size(); pi++, itemIndex = 0) {
            if (totalSegments > 1) {
                int seg = (int) (((order.hash(pi) & 0xffffffffL) * totalSegments) >>> 32);
                if (seg < segment) {
                    continue;
                }
                if (seg > segment) {
                    break;
                }
            }
            Store.Partition p = store.partitionAt(order, pi);
            for (int i = itemIndex; i < p.size(); i++) {
                if (!page.offer(p.get(i))) {
                    more = true;
                    break outer;
                }
            }
        }
        ScanResponse.Builder b = ScanResponse.builder().count(page.count).scannedCount(page.scanned)
                .consumedCapacity(consumed(page, mode));
        if (select != Select.COUNT) {
            b.items(page.items);
        }
        if (more) {
            b.lastEvaluatedKey(page.lastKey());
        }
        return b.build();
    }
}
