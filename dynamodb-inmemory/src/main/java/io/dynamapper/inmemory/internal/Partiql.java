package io.dynamapper.inmemory.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementError;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * ExecuteStatement, BatchExecuteStatement and ExecuteTransaction. Each statement is parsed by
 * {@link PartiqlParser} and run as the operation DynamoDB runs it as: a SELECT with an equality (or IN) on
 * the partition key is a Query of those partitions, any other SELECT is a Scan, both filtered by the whole
 * WHERE clause; INSERT is a PutItem that fails with {@code DuplicateItemException} when the key exists;
 * UPDATE is an UpdateItem on an item that must exist; DELETE is a DeleteItem whose extra WHERE conditions
 * apply only to an existing item. Writes in a transaction become TransactWriteItems, reads TransactGetItems.
 */
final class Partiql {
    private static final String INCOMPLETE_KEY = "Where clause does not contain a mandatory equality on all key attributes";
    private static final Pattern REFS = Pattern.compile("[#:][pv]\\d+");
    private static final int MAX_CURSORS = 10_000;

    private final Database engine;
    /** Open SELECT cursors by NextToken; the oldest are forgotten first. */
    private final Map<String, Cursor> cursors = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
            return size() > MAX_CURSORS;
        }
    };

    /** Where a paginated SELECT stopped: the partition (for a multi-partition query) and the start key. */
    private record Cursor(String request, int partition, Map<String, AttributeValue> startKey) {
    }

    Partiql(Database engine) {
        this.engine = engine;
    }

    // ------------------------------------------------------------------ ExecuteStatement

    ExecuteStatementResponse execute(ExecuteStatementRequest r) {
        if (r.limit() != null && r.limit() < 1) {
            throw Errors.validation("1 validation error detected: Value '" + r.limit() + "' at 'limit' failed to "
                    + "satisfy constraint: Member must have value greater than or equal to 1");
        }
        List<AttributeValue> parameters = r.hasParameters() ? r.parameters() : List.of();
        if (r.hasParameters() && parameters.isEmpty()) {
            throw Errors.validation("1 validation error detected: Value '[]' at 'parameters' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        ReturnConsumedCapacity rcc = Capacity.mode(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString());
        PartiqlStatement s = PartiqlParser.parse(r.statement(), parameters, false);
        if (s instanceof PartiqlStatement.Select select) {
            return select(select, r, parameters, rcc);
        }
        if (r.nextToken() != null) {
            throw Errors.validation("Invalid NextToken");
        }
        Write w = translate(s);
        Capacity.Meter meter = rcc == ReturnConsumedCapacity.NONE ? null : new Capacity.Meter(w.table());
        List<Map<String, AttributeValue>> items = write(w, r.returnValuesOnConditionCheckFailure(), meter);
        return ExecuteStatementResponse.builder().items(items)
                .consumedCapacity(meter == null ? null : meter.build(rcc)).build();
    }

    // ------------------------------------------------------------------ SELECT

    private ExecuteStatementResponse select(PartiqlStatement.Select s, ExecuteStatementRequest r,
            List<AttributeValue> parameters, ReturnConsumedCapacity rcc) {
        Capacity.Meter meter = rcc == ReturnConsumedCapacity.NONE ? null : new Capacity.Meter(s.table());
        ReturnConsumedCapacity inner = meter == null ? null : ReturnConsumedCapacity.INDEXES;
        StoredTable t = engine.table(s.table());
        StoredTable.Index index = null;
        if (s.index() != null) {
            index = t.index(s.index());
            if (index == null) {
                throw Errors.validation("The table does not have the specified index: " + s.index());
            }
            if (index.global && Boolean.TRUE.equals(r.consistentRead())) {
                throw Errors.validation("Strongly consistent read is not supported on Global Secondary Indexes");
            }
        }
        String hashKey = index == null ? t.hashKey : index.hashKey;
        String rangeKey = index == null ? t.rangeKey : index.rangeKey;
        Map<String, AttributeValue> values = Validation.normalizeValues(s.values());
        Context ctx = Context.of(s.names(), values, "FilterExpression");
        Ast.ParsedCondition filter = s.where() == null ? null
                : ExpressionCache.condition(PartiqlStatement.render(s.where()), "FilterExpression");

        List<AttributeValue> partitions = hashValues(s.where(), hashKey, t.attributeTypes.get(hashKey), values);
        PartiqlStatement.Atom range = partitions != null && partitions.size() == 1
                ? rangeCondition(s.where(), rangeKey, rangeKey == null ? null : t.attributeTypes.get(rangeKey), values)
                : null;
        boolean forward = true;
        if (!s.orderBy().isEmpty()) {
            if (s.where() == null) {
                throw Errors.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
            }
            if (partitions == null) {
                throw Errors.validation("Must have at least one non-optional hash key condition in WHERE clause when "
                        + "using ORDER BY clause.");
            }
            boolean hashOrdered = false;
            for (PartiqlStatement.Order o : s.orderBy()) {
                if (o.key().equals(hashKey)) {
                    hashOrdered = true;
                    List<AttributeValue> sorted = new ArrayList<>(partitions);
                    sorted.sort((a, b) -> o.descending() ? AttributeSemantics.compare(b, a) : AttributeSemantics.compare(a, b));
                    partitions = sorted;
                } else if (o.key().equals(rangeKey)) {
                    forward = !o.descending();
                } else {
                    throw Errors.validation("Variable reference " + o.key() + " in ORDER BY clause must be part of the "
                            + "primary key");
                }
            }
            if (partitions.size() > 1 && !hashOrdered) {
                throw Errors.validation("Must have hash key in ORDER BY clause when more than one hash key condition "
                        + "specified in WHERE clause.");
            }
        }

        String request = r.statement() + '\u0000' + parameters + '\u0000' + r.consistentRead();
        int partition = 0;
        Map<String, AttributeValue> start = null;
        if (r.nextToken() != null) {
            Cursor cursor;
            synchronized (cursors) {
                cursor = cursors.get(r.nextToken());
            }
            if (cursor == null) {
                throw Errors.validation("Invalid NextToken");
            }
            if (!cursor.request().equals(request)) {
                throw Errors.validation("NextToken does not match request");
            }
            partition = cursor.partition();
            start = cursor.startKey();
        }
        int remaining = r.limit() == null ? Integer.MAX_VALUE : r.limit();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> lastKey = null;
        Cursor next = null;
        int total = partitions == null ? 1 : partitions.size();
        while (partition < total) {
            List<Map<String, AttributeValue>> page;
            Map<String, AttributeValue> pageLast;
            int evaluated;
            Integer limit = remaining == Integer.MAX_VALUE ? null : remaining;
            if (partitions == null) {
                Map<String, AttributeValue> from = start;
                ScanResponse scan = engine.scan(ScanRequest.builder().tableName(t.name).indexName(s.index())
                        .consistentRead(r.consistentRead()).limit(limit).exclusiveStartKey(from)
                        .returnConsumedCapacity(inner).build());
                if (meter != null) {
                    meter.add(scan.consumedCapacity());
                }
                page = scan.items();
                pageLast = scan.hasLastEvaluatedKey() ? scan.lastEvaluatedKey() : null;
                evaluated = scan.scannedCount();
            } else {
                QueryResponse query = engine.query(query(t.name, s.index(), hashKey, partitions.get(partition), range,
                        values).consistentRead(r.consistentRead()).limit(limit).exclusiveStartKey(start)
                        .scanIndexForward(forward).returnConsumedCapacity(inner).build());
                if (meter != null) {
                    meter.add(query.consumedCapacity());
                }
                page = query.items();
                pageLast = query.hasLastEvaluatedKey() ? query.lastEvaluatedKey() : null;
                evaluated = query.scannedCount();
            }
            for (Map<String, AttributeValue> item : page) {
                if (filter == null || Evaluator.test(filter.root(), item, ctx)) {
                    items.add(project(item, s.projection()));
                }
            }
            remaining -= evaluated;
            if (pageLast != null) {
                lastKey = pageLast;
                next = new Cursor(request, partition, pageLast);
                break;
            }
            partition++;
            start = null;
            if (remaining <= 0 && partition < total) {
                next = new Cursor(request, partition, null);
                break;
            }
        }
        ExecuteStatementResponse.Builder b = ExecuteStatementResponse.builder().items(items)
                .consumedCapacity(meter == null ? null : meter.build(rcc));
        if (next != null) {
            String token = UUID.randomUUID().toString();
            synchronized (cursors) {
                cursors.put(token, next);
            }
            b.nextToken(token);
            if (lastKey != null) {
                b.lastEvaluatedKey(lastKey);
            }
        }
        return b.build();
    }

    private static QueryRequest.Builder query(String table, String index, String hashKey, AttributeValue hashValue,
            PartiqlStatement.Atom range, Map<String, AttributeValue> values) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> refs = new LinkedHashMap<>();
        names.put("#h", hashKey);
        refs.put(":h", hashValue);
        String condition = "#h = :h";
        if (range != null) {
            names.put("#r", range.attribute());
            List<String> r = new ArrayList<>();
            for (int i = 0; i < range.refs().size(); i++) {
                refs.put(":r" + i, values.get(range.refs().get(i)));
                r.add(":r" + i);
            }
            condition += " AND " + switch (range.op()) {
                case "BETWEEN" -> "#r BETWEEN :r0 AND :r1";
                case "begins_with" -> "begins_with(#r, :r0)";
                default -> "#r " + range.op() + " :r0";
            };
        }
        return QueryRequest.builder().tableName(table).indexName(index).keyConditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(refs);
    }

    /**
     * The partition key values a WHERE clause confines a SELECT to (an equality or IN on the partition key at
     * the top level, or in every branch of a top-level OR), or null when the SELECT is a scan. Values of the
     * wrong type can match nothing and are left out.
     */
    private static List<AttributeValue> hashValues(PartiqlStatement.Cond where, String hashKey, String type,
            Map<String, AttributeValue> values) {
        if (where == null) {
            return null;
        }
        List<List<PartiqlStatement.Cond>> branches = new ArrayList<>();
        if (where instanceof PartiqlStatement.Or or) {
            for (PartiqlStatement.Cond c : or.parts()) {
                branches.add(PartiqlStatement.conjuncts(c));
            }
        } else {
            branches.add(PartiqlStatement.conjuncts(where));
        }
        List<AttributeValue> out = new ArrayList<>();
        for (List<PartiqlStatement.Cond> branch : branches) {
            List<String> refs = null;
            for (PartiqlStatement.Cond c : branch) {
                if (c instanceof PartiqlStatement.Atom a && hashKey.equals(a.attribute()) && !a.refs().isEmpty()
                        && (a.op().equals("=") || a.op().equals("IN"))) {
                    refs = a.refs();
                    break;
                }
            }
            if (refs == null) {
                return null;
            }
            for (String ref : refs) {
                AttributeValue v = values.get(ref);
                if (type.equals(AttributeSemantics.type(v)) && out.stream().noneMatch(o -> AttributeSemantics.equal(o, v))) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** A top-level condition on the sort key that a Query's key condition can take, or null. */
    private static PartiqlStatement.Atom rangeCondition(PartiqlStatement.Cond where, String rangeKey, String type,
            Map<String, AttributeValue> values) {
        if (rangeKey == null || where instanceof PartiqlStatement.Or) {
            return null;
        }
        for (PartiqlStatement.Cond c : PartiqlStatement.conjuncts(where)) {
            if (c instanceof PartiqlStatement.Atom a && rangeKey.equals(a.attribute()) && !a.refs().isEmpty()
                    && Set.of("=", "<", "<=", ">", ">=", "BETWEEN", "begins_with").contains(a.op())
                    && a.refs().stream().allMatch(ref -> type.equals(AttributeSemantics.type(values.get(ref))))
                    && (!a.op().equals("begins_with") || !type.equals("N"))
                    && (!a.op().equals("BETWEEN") || AttributeSemantics.compare(values.get(a.refs().get(0)),
                            values.get(a.refs().get(1))) <= 0)) {
                return a;
            }
        }
        return null;
    }

    /** The item as a SELECT returns it: whole for {@code *}, else the projected paths under their names. */
    private static Map<String, AttributeValue> project(Map<String, AttributeValue> item,
            List<PartiqlStatement.Projection> projection) {
        if (projection == null) {
            return item;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (PartiqlStatement.Projection p : projection) {
            AttributeValue v = item.get((String) p.steps().get(0));
            for (int i = 1; i < p.steps().size() && v != null; i++) {
                Object step = p.steps().get(i);
                if (step instanceof Integer index) {
                    v = v.hasL() && index < v.l().size() ? v.l().get(index) : null;
                } else {
                    v = v.hasM() ? v.m().get((String) step) : null;
                }
            }
            if (v != null) {
                out.put(p.alias(), v);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ writes

    /** A write statement as the request DynamoDB runs for it. */
    private record Write(String kind, String table, Map<String, AttributeValue> item, Map<String, AttributeValue> key,
            String update, String condition, Map<String, String> names, Map<String, AttributeValue> values,
            String returning) {
    }

    private record KeyAndRest(Map<String, AttributeValue> key, String keyRef, PartiqlStatement.Cond rest) {
    }

    /** Splits a WHERE clause into the item's key (an equality on every key attribute) and the other conditions. */
    private KeyAndRest key(StoredTable t, PartiqlStatement.Cond where, Map<String, String> names,
            Map<String, AttributeValue> values) {
        List<PartiqlStatement.Cond> rest = new ArrayList<>(PartiqlStatement.conjuncts(where));
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        String keyRef = null;
        for (String k : t.keyNames()) {
            PartiqlStatement.Atom found = null;
            for (PartiqlStatement.Cond c : rest) {
                if (c instanceof PartiqlStatement.Atom a && k.equals(a.attribute()) && a.op().equals("=")
                        && a.refs().size() == 1) {
                    if (found != null) {
                        throw Errors.validation("Multiple conditions on same key " + k
                                + ". Only single item Update/Insert/Delete are supported");
                    }
                    found = a;
                }
            }
            if (found == null) {
                throw Errors.validation(INCOMPLETE_KEY);
            }
            rest.remove(found);
            key.put(k, values.get(found.refs().get(0)));
            if (k.equals(t.hashKey)) {
                for (Map.Entry<String, String> e : names.entrySet()) {
                    if (e.getValue().equals(k)) {
                        keyRef = e.getKey();
                    }
                }
            }
        }
        return new KeyAndRest(key, keyRef, PartiqlStatement.and(rest));
    }

    private Write translate(PartiqlStatement s) {
        if (s instanceof PartiqlStatement.Insert i) {
            StoredTable t = engine.table(i.table());
            for (String k : t.keyNames()) {
                AttributeValue v = i.item().get(k);
                if (v == null) {
                    throw Errors.validation("Key attribute should be present in the item: Key " + k);
                }
                if (!t.attributeTypes.get(k).equals(AttributeSemantics.type(v))) {
                    throw Errors.validation("Key attribute's data type should match its data type in table's schema: "
                            + "Key " + k);
                }
            }
            return new Write("Insert", t.name, i.item(), null, null, "attribute_not_exists(#k)", Map.of("#k", t.hashKey),
                    null, null);
        }
        if (s instanceof PartiqlStatement.Update u) {
            StoredTable t = engine.table(u.table());
            KeyAndRest kr = key(t, u.where(), u.names(), u.values());
            List<PartiqlStatement.Cond> condition = new ArrayList<>();
            condition.add(new PartiqlStatement.Atom("attribute_exists(" + kr.keyRef() + ")", null, "exists", List.of()));
            if (kr.rest() != null) {
                condition.add(kr.rest());
            }
            String text = PartiqlStatement.render(PartiqlStatement.and(condition));
            return used(new Write("Update", t.name, null, kr.key(), u.update(), text, u.names(), u.values(),
                    u.returning()));
        }
        if (s instanceof PartiqlStatement.Delete d) {
            StoredTable t = engine.table(d.table());
            KeyAndRest kr = key(t, d.where(), d.names(), d.values());
            String text = null;
            if (kr.rest() != null) {
                // the extra conditions apply only to an item that exists: deleting nothing succeeds
                text = PartiqlStatement.render(new PartiqlStatement.Or(List.of(new PartiqlStatement.Atom(
                        "attribute_not_exists(" + kr.keyRef() + ")", null, "missing", List.of()), kr.rest())));
            }
            return used(new Write("Delete", t.name, null, kr.key(), null, text, d.names(), d.values(), d.returning()));
        }
        if (s instanceof PartiqlStatement.Exists e) {
            PartiqlStatement.Select select = e.select();
            StoredTable t = engine.table(select.table());
            if (select.index() != null) {
                throw Errors.validation("Operations on indices are not supported in transactions");
            }
            KeyAndRest kr;
            try {
                kr = key(t, select.where(), select.names(), select.values());
            } catch (AwsServiceException invalid) {
                throw Errors.validation("EXISTS() must contain a single item read with additional condition");
            }
            List<PartiqlStatement.Cond> condition = new ArrayList<>();
            condition.add(new PartiqlStatement.Atom("attribute_exists(" + kr.keyRef() + ")", null, "exists", List.of()));
            if (kr.rest() != null) {
                condition.add(kr.rest());
            }
            return used(new Write("Check", t.name, null, kr.key(), null,
                    PartiqlStatement.render(PartiqlStatement.and(condition)), select.names(), select.values(), null));
        }
        throw new IllegalStateException("not a write statement: " + s);
    }

    /** Keeps only the placeholders the write's expressions use, as DynamoDB rejects unused ones. */
    private static Write used(Write w) {
        Set<String> refs = new HashSet<>();
        for (String text : new String[] {w.update(), w.condition()}) {
            if (text != null) {
                Matcher m = REFS.matcher(text);
                while (m.find()) {
                    refs.add(m.group());
                }
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        w.names().forEach((k, v) -> {
            if (refs.contains(k)) {
                names.put(k, v);
            }
        });
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        w.values().forEach((k, v) -> {
            if (refs.contains(k)) {
                values.put(k, v);
            }
        });
        return new Write(w.kind(), w.table(), w.item(), w.key(), w.update(), w.condition(),
                names.isEmpty() ? null : names, values.isEmpty() ? null : values, w.returning());
    }

    /** Runs one write; returns the items its RETURNING clause asks for (none without one). */
    private List<Map<String, AttributeValue>> write(Write w, ReturnValuesOnConditionCheckFailure onFailure) {
        return write(w, onFailure, null);
    }

    /** Runs one write; with a {@code meter}, adds the capacity the write consumed to it. */
    private List<Map<String, AttributeValue>> write(Write w, ReturnValuesOnConditionCheckFailure onFailure,
            Capacity.Meter meter) {
        ReturnConsumedCapacity inner = meter == null ? null : ReturnConsumedCapacity.INDEXES;
        Map<String, AttributeValue> returned = null;
        switch (w.kind()) {
            case "Insert" -> {
                try {
                    var response = engine.putItem(PutItemRequest.builder().tableName(w.table()).item(w.item())
                            .conditionExpression(w.condition()).expressionAttributeNames(w.names())
                            .returnConsumedCapacity(inner).build());
                    if (meter != null) {
                        meter.add(response.consumedCapacity());
                    }
                } catch (ConditionalCheckFailedException exists) {
                    throw duplicateItem();
                }
            }
            case "Update" -> {
                ReturnValue rv = w.returning() == null ? ReturnValue.NONE : switch (w.returning()) {
                    case "ALL OLD" -> ReturnValue.ALL_OLD;
                    case "ALL NEW" -> ReturnValue.ALL_NEW;
                    case "MODIFIED OLD" -> ReturnValue.UPDATED_OLD;
                    default -> ReturnValue.UPDATED_NEW;
                };
                var response = engine.updateItem(UpdateItemRequest.builder().tableName(w.table()).key(w.key())
                        .updateExpression(w.update()).conditionExpression(w.condition())
                        .expressionAttributeNames(w.names()).expressionAttributeValues(w.values()).returnValues(rv)
                        .returnValuesOnConditionCheckFailure(onFailure).returnConsumedCapacity(inner).build());
                if (meter != null) {
                    meter.add(response.consumedCapacity());
                }
                returned = response.hasAttributes() ? response.attributes() : null;
            }
            default -> {
                var response = engine.deleteItem(DeleteItemRequest.builder().tableName(w.table()).key(w.key())
                        .conditionExpression(w.condition()).expressionAttributeNames(w.names())
                        .expressionAttributeValues(w.values())
                        .returnValues(w.returning() == null ? ReturnValue.NONE : ReturnValue.ALL_OLD)
                        .returnValuesOnConditionCheckFailure(onFailure).returnConsumedCapacity(inner).build());
                if (meter != null) {
                    meter.add(response.consumedCapacity());
                }
                returned = response.hasAttributes() ? response.attributes() : null;
            }
        }
        return returned == null || returned.isEmpty() ? List.of() : List.of(returned);
    }

    static DuplicateItemException duplicateItem() {
        String m = "Duplicate primary key exists in table";
        return (DuplicateItemException) DuplicateItemException.builder().message(m).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("DuplicateItemException").errorMessage(m)
                        .serviceName("DynamoDb").sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build())
                        .build()).build();
    }

    // ------------------------------------------------------------------ BatchExecuteStatement

    BatchExecuteStatementResponse batch(BatchExecuteStatementRequest r) {
        List<BatchStatementRequest> statements = r.hasStatements() ? r.statements() : List.of();
        if (statements.isEmpty() || statements.size() > 25) {
            throw Errors.validation("1 validation error detected: Value at 'statements' failed to satisfy constraint: "
                    + "Member must have length " + (statements.isEmpty() ? "greater than or equal to 1"
                    : "less than or equal to 25"));
        }
        List<Object> parsed = new ArrayList<>();
        boolean reads = false;
        boolean writes = false;
        for (BatchStatementRequest b : statements) {
            try {
                PartiqlStatement s = PartiqlParser.parse(b.statement(), b.hasParameters() ? b.parameters() : List.of(),
                        false);
                reads |= s instanceof PartiqlStatement.Select;
                writes |= !(s instanceof PartiqlStatement.Select);
                parsed.add(s);
            } catch (AwsServiceException e) {
                parsed.add(e);
            }
        }
        if (reads && writes) {
            throw Errors.validation("Unsupported operation: A batch must contain either only read statements or only "
                    + "write statements");
        }
        ReturnConsumedCapacity rcc = Capacity.mode(r.returnConsumedCapacity(), r.returnConsumedCapacityAsString());
        Capacity.Meters meters = new Capacity.Meters();
        List<BatchStatementResponse> responses = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            BatchStatementRequest b = statements.get(i);
            BatchStatementResponse.Builder out = BatchStatementResponse.builder();
            try {
                if (parsed.get(i) instanceof AwsServiceException e) {
                    throw e;
                }
                PartiqlStatement s = (PartiqlStatement) parsed.get(i);
                if (s instanceof PartiqlStatement.Select select) {
                    out.tableName(select.table());
                    StoredTable t = engine.table(select.table());
                    if (select.index() != null) {
                        throw Errors.validation("This operation is not supported on an index");
                    }
                    KeyAndRest kr = key(t, select.where(), select.names(), select.values());
                    var got = engine.getItem(GetItemRequest.builder().tableName(t.name).key(kr.key())
                            .consistentRead(b.consistentRead())
                            .returnConsumedCapacity(rcc == ReturnConsumedCapacity.NONE ? null
                                    : ReturnConsumedCapacity.INDEXES).build());
                    meters.of(t.name).add(got.consumedCapacity());
                    if (got.hasItem() && matches(kr.rest(), got.item(), select)) {
                        out.item(project(got.item(), select.projection()));
                    }
                } else {
                    out.tableName(tableOf(s));
                    Write w = translate(s);
                    write(w, b.returnValuesOnConditionCheckFailure(),
                            rcc == ReturnConsumedCapacity.NONE ? null : meters.of(w.table()));
                }
            } catch (AwsServiceException e) {
                out.error(error(e));
            }
            responses.add(out.build());
        }
        return BatchExecuteStatementResponse.builder().responses(responses).consumedCapacity(meters.build(rcc))
                .build();
    }

    private static boolean matches(PartiqlStatement.Cond rest, Map<String, AttributeValue> item,
            PartiqlStatement.Select s) {
        if (rest == null) {
            return true;
        }
        Ast.ParsedCondition c = ExpressionCache.condition(PartiqlStatement.render(rest), "FilterExpression");
        return Evaluator.test(c.root(), item, Context.of(s.names(), Validation.normalizeValues(s.values()),
                "FilterExpression"));
    }

    private static String tableOf(PartiqlStatement s) {
        if (s instanceof PartiqlStatement.Insert i) {
            return i.table();
        }
        if (s instanceof PartiqlStatement.Update u) {
            return u.table();
        }
        return ((PartiqlStatement.Delete) s).table();
    }

    /** A failed statement of a batch: DynamoDB's per-statement error code for the exception. */
    private static BatchStatementError error(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "InternalServerError" : e.awsErrorDetails().errorCode();
        String mapped = switch (code) {
            case "ValidationException" -> "ValidationError";
            case "ThrottlingException" -> "ThrottlingError";
            case "InternalServerError" -> "InternalServerError";
            default -> code.endsWith("Exception") ? code.substring(0, code.length() - "Exception".length()) : code;
        };
        BatchStatementError.Builder b = BatchStatementError.builder().code(mapped)
                .message(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
        if (e instanceof ConditionalCheckFailedException failed && failed.hasItem()) {
            b.item(failed.item());
        }
        return b.build();
    }

    // ------------------------------------------------------------------ ExecuteTransaction

    ExecuteTransactionResponse transaction(ExecuteTransactionRequest r) {
        List<ParameterizedStatement> statements = r.hasTransactStatements() ? r.transactStatements() : List.of();
        if (statements.isEmpty() || statements.size() > 100) {
            throw Errors.validation("1 validation error detected: Value at 'transactStatements' failed to satisfy "
                    + "constraint: Member must have length " + (statements.isEmpty() ? "greater than or equal to 1"
                    : "less than or equal to 100"));
        }
        List<PartiqlStatement> parsed = new ArrayList<>();
        for (ParameterizedStatement p : statements) {
            parsed.add(PartiqlParser.parse(p.statement(), p.hasParameters() ? p.parameters() : List.of(), true));
        }
        boolean reads = parsed.stream().anyMatch(s -> s instanceof PartiqlStatement.Select);
        if (reads) {
            if (!parsed.stream().allMatch(s -> s instanceof PartiqlStatement.Select)) {
                throw Errors.validation("Unsupported operation in transaction.");
            }
            return readTransaction(parsed, r);
        }
        List<TransactWriteItem> items = new ArrayList<>();
        List<Boolean> inserts = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            Write w = translate(parsed.get(i));
            ReturnValuesOnConditionCheckFailure onFailure = statements.get(i).returnValuesOnConditionCheckFailure();
            inserts.add(w.kind().equals("Insert"));
            items.add(switch (w.kind()) {
                case "Insert" -> TransactWriteItem.builder().put(Put.builder().tableName(w.table()).item(w.item())
                        .conditionExpression(w.condition()).expressionAttributeNames(w.names()).build()).build();
                case "Update" -> TransactWriteItem.builder().update(Update.builder().tableName(w.table()).key(w.key())
                        .updateExpression(w.update()).conditionExpression(w.condition())
                        .expressionAttributeNames(w.names()).expressionAttributeValues(w.values())
                        .returnValuesOnConditionCheckFailure(onFailure).build()).build();
                case "Delete" -> TransactWriteItem.builder().delete(Delete.builder().tableName(w.table()).key(w.key())
                        .conditionExpression(w.condition()).expressionAttributeNames(w.names())
                        .expressionAttributeValues(w.values()).returnValuesOnConditionCheckFailure(onFailure).build())
                        .build();
                default -> TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(w.table())
                        .key(w.key()).conditionExpression(w.condition()).expressionAttributeNames(w.names())
                        .expressionAttributeValues(w.values()).returnValuesOnConditionCheckFailure(onFailure).build())
                        .build();
            });
        }
        TransactWriteItemsResponse written;
        try {
            written = engine.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(items)
                    .clientRequestToken(r.clientRequestToken())
                    .returnConsumedCapacity(r.returnConsumedCapacityAsString()).build());
        } catch (TransactionCanceledException cancelled) {
            if (!cancelled.hasCancellationReasons()) {
                throw cancelled;
            }
            List<CancellationReason> reasons = new ArrayList<>();
            for (int i = 0; i < cancelled.cancellationReasons().size(); i++) {
                CancellationReason reason = cancelled.cancellationReasons().get(i);
                if (i < inserts.size() && inserts.get(i) && "ConditionalCheckFailed".equals(reason.code())) {
                    reason = CancellationReason.builder().code("DuplicateItem")
                            .message("Duplicate primary key exists in table").build();
                }
                reasons.add(reason);
            }
            throw Errors.transactionCanceled(reasons);
        }
        return ExecuteTransactionResponse.builder()
                .consumedCapacity(written.hasConsumedCapacity() ? written.consumedCapacity() : null).build();
    }

    private ExecuteTransactionResponse readTransaction(List<PartiqlStatement> parsed, ExecuteTransactionRequest r) {
        List<TransactGetItem> gets = new ArrayList<>();
        for (PartiqlStatement s : parsed) {
            PartiqlStatement.Select select = (PartiqlStatement.Select) s;
            StoredTable t = engine.table(select.table());
            if (select.index() != null) {
                throw Errors.validation("Reads on indices are not supported within transactions.");
            }
            KeyAndRest kr;
            try {
                kr = key(t, select.where(), select.names(), select.values());
            } catch (AwsServiceException incomplete) {
                throw Errors.validation("Select statements within ExecuteTransaction must specify the primary key in "
                        + "the where clause.");
            }
            if (kr.rest() != null) {
                throw Errors.validation("Select statements within ExecuteTransaction must specify the primary key in "
                        + "the where clause.");
            }
            gets.add(TransactGetItem.builder().get(Get.builder().tableName(t.name).key(kr.key()).build()).build());
        }
        var got = engine.transactGetItems(TransactGetItemsRequest.builder().transactItems(gets)
                .returnConsumedCapacity(r.returnConsumedCapacityAsString()).build());
        List<ItemResponse> responses = new ArrayList<>();
        for (int i = 0; i < got.responses().size(); i++) {
            ItemResponse response = got.responses().get(i);
            PartiqlStatement.Select select = (PartiqlStatement.Select) parsed.get(i);
            responses.add(response.hasItem()
                    ? ItemResponse.builder().item(project(response.item(), select.projection())).build()
                    : response);
        }
        return ExecuteTransactionResponse.builder().responses(responses)
                .consumedCapacity(got.hasConsumedCapacity() ? got.consumedCapacity() : null).build();
    }
}
