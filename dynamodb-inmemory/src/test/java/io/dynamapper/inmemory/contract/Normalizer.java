package io.dynamapper.inmemory.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/**
 * Renders values, items and SDK responses to a canonical text so that outcomes of different
 * backends can be compared and diffed.
 *
 * <ul>
 *   <li>maps (items, M) are sorted by key; lists (L, query results) keep their order;</li>
 *   <li>strings are quoted, numbers are compared by value ({@code 1.0} renders as {@code 1}),
 *       binaries render as hex, sets are sorted (SS, NS, BS are tagged);</li>
 *   <li>responses keep only what a caller can rely on: items, counts, keys, returned attributes,
 *       key schemas, indexes, billing mode; never timestamps, ARNs, sizes or capacity;</li>
 *   <li>scan results are sets: items sorted, the last evaluated key only present or absent.</li>
 * </ul>
 */
final class Normalizer {

    /** Marks a value that is absent, e.g. the item of a GetItem that found nothing. */
    record Marker(String label) {
        @Override
        public String toString() {
            return "<" + label + ">";
        }
    }

    /** A collection whose order means nothing (scan results, batch reads): rendered sorted, duplicates kept. */
    record Unordered(java.util.Collection<?> values) {}

    static final Marker NO_ITEM = new Marker("no item");
    static final Marker NO_ATTRIBUTES = new Marker("no attributes");
    static final Marker PRESENT = new Marker("present");
    static final Marker OK = new Marker("ok");

    private static final int LINE = 100;

    private Normalizer() {}

    static String render(Object value) {
        return pretty(normalize(value), 0);
    }

    // ---- normalisation to a tree of Map (sorted), List, String (already rendered leaves) ----

    private static Object normalize(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Number n) {
            return number(n.toString());
        }
        if (value instanceof Boolean || value instanceof Marker || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return hex(bytes);
        }
        if (value instanceof SdkBytes bytes) {
            return hex(bytes.asByteArray());
        }
        if (value instanceof Outcome outcome) {
            return outcome.render();
        }
        if (value instanceof AttributeValue av) {
            return attributeValue(av);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), normalize(v)));
            return sorted;
        }
        if (value instanceof java.util.Set<?> set) {
            return sortedList(set);
        }
        if (value instanceof Unordered unordered) {
            return sortedList(unordered.values());
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(Normalizer::normalize).toList();
        }
        Object response = response(value);
        if (response != null) {
            return normalize(response);
        }
        throw new IllegalArgumentException("a contract case returned a value that has no normal form: "
                + value.getClass().getName() + " " + value);
    }

    private static Object attributeValue(AttributeValue av) {
        return switch (av.type()) {
            case S -> quote(av.s());
            case N -> number(av.n());
            case B -> hex(av.b().asByteArray());
            case BOOL -> av.bool().toString();
            case NUL -> "null";
            case M -> normalize(av.m());
            case L -> normalize(av.l());
            case SS -> "SS" + flat(sortedList(av.ss()));
            case NS -> "NS" + av.ns().stream().map(BigDecimal::new).sorted()
                    .map(n -> number(n.toString())).toList();
            case BS -> "BS" + av.bs().stream().map(SdkBytes::asByteArray)
                    .sorted(Comparator.comparing(b -> b, java.util.Arrays::compareUnsigned))
                    .map(Normalizer::hex).toList();
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("unknown attribute type " + av);
        };
    }

    private static List<Object> sortedList(Collection<?> values) {
        return values.stream().map(Normalizer::normalize).sorted(Comparator.comparing(Normalizer::flat)).toList();
    }

    private static String number(String text) {
        BigDecimal n = new BigDecimal(text).stripTrailingZeros();
        if (n.scale() < 0 && n.precision() - n.scale() > 40) {
            return n.toString();
        }
        return n.toPlainString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String hex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    // ---- SDK responses: what callers rely on, nothing volatile ----

    private static Object response(Object value) {
        if (value instanceof GetItemResponse r) {
            return r.hasItem() ? r.item() : NO_ITEM;
        }
        if (value instanceof PutItemResponse r) {
            return r.hasAttributes() ? r.attributes() : NO_ATTRIBUTES;
        }
        if (value instanceof UpdateItemResponse r) {
            return r.hasAttributes() ? r.attributes() : NO_ATTRIBUTES;
        }
        if (value instanceof DeleteItemResponse r) {
            return r.hasAttributes() ? r.attributes() : NO_ATTRIBUTES;
        }
        if (value instanceof QueryResponse r) {
            Map<String, Object> page = new LinkedHashMap<>();
            if (r.hasItems()) {
                page.put("items", r.items());
            }
            page.put("count", r.count());
            page.put("scannedCount", r.scannedCount());
            if (r.hasLastEvaluatedKey()) {
                page.put("lastEvaluatedKey", r.lastEvaluatedKey());
            }
            return page;
        }
        if (value instanceof ScanResponse r) {
            Map<String, Object> page = new LinkedHashMap<>();
            if (r.hasItems()) {
                page.put("items", new Unordered(r.items()));
            }
            page.put("count", r.count());
            page.put("scannedCount", r.scannedCount());
            if (r.hasLastEvaluatedKey()) {
                page.put("lastEvaluatedKey", PRESENT);
            }
            return page;
        }
        if (value instanceof BatchGetItemResponse r) {
            Map<String, Object> out = new LinkedHashMap<>();
            Map<String, Object> responses = new TreeMap<>();
            r.responses().forEach((table, items) -> responses.put(table, new Unordered(items)));
            out.put("responses", responses);
            out.put("unprocessedKeys", r.unprocessedKeys().keySet());
            return out;
        }
        if (value instanceof BatchWriteItemResponse r) {
            return Map.of("unprocessedItems", r.unprocessedItems().keySet());
        }
        if (value instanceof TransactWriteItemsResponse) {
            return OK;
        }
        if (value instanceof TransactGetItemsResponse r) {
            List<Object> items = new ArrayList<>();
            r.responses().forEach(response -> items.add(response.hasItem() ? response.item() : NO_ITEM));
            return items;
        }
        if (value instanceof CreateTableResponse r) {
            return table(r.tableDescription());
        }
        if (value instanceof DescribeTableResponse r) {
            return table(r.table());
        }
        if (value instanceof DeleteTableResponse r) {
            return table(r.tableDescription());
        }
        if (value instanceof ListTablesResponse r) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("tableNames", r.tableNames());
            if (r.lastEvaluatedTableName() != null) {
                out.put("lastEvaluatedTableName", r.lastEvaluatedTableName());
            }
            return out;
        }
        if (value instanceof DescribeTimeToLiveResponse r) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", r.timeToLiveDescription().timeToLiveStatusAsString());
            out.put("attributeName", r.timeToLiveDescription().attributeName());
            return out;
        }
        if (value instanceof UpdateTimeToLiveResponse r) {
            return Map.of("enabled", r.timeToLiveSpecification().enabled(),
                    "attributeName", r.timeToLiveSpecification().attributeName());
        }
        return null;
    }

    /** The parts of a table description that describe its shape, not its state or size. */
    static Map<String, Object> table(TableDescription t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tableName", t.tableName());
        out.put("keySchema", keySchema(t.keySchema()));
        Map<String, Object> definitions = new TreeMap<>();
        t.attributeDefinitions().forEach(d -> definitions.put(d.attributeName(), d.attributeTypeAsString()));
        out.put("attributeDefinitions", definitions);
        out.put("billingMode", t.billingModeSummary() == null ? null : t.billingModeSummary().billingModeAsString());
        out.put("provisioned", throughput(t.provisionedThroughput()));
        if (t.hasGlobalSecondaryIndexes()) {
            Map<String, Object> indexes = new TreeMap<>();
            for (GlobalSecondaryIndexDescription i : t.globalSecondaryIndexes()) {
                indexes.put(i.indexName(), index(i.keySchema(), i.projection(), throughput(i.provisionedThroughput())));
            }
            out.put("globalSecondaryIndexes", indexes);
        }
        if (t.hasLocalSecondaryIndexes()) {
            Map<String, Object> indexes = new TreeMap<>();
            for (LocalSecondaryIndexDescription i : t.localSecondaryIndexes()) {
                indexes.put(i.indexName(), index(i.keySchema(), i.projection(), null));
            }
            out.put("localSecondaryIndexes", indexes);
        }
        return out;
    }

    private static Map<String, Object> index(List<KeySchemaElement> keys, Projection projection, Object throughput) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("keySchema", keySchema(keys));
        out.put("projection", projection.projectionTypeAsString()
                + (projection.hasNonKeyAttributes() ? " " + new java.util.TreeSet<>(projection.nonKeyAttributes()) : ""));
        if (throughput != null) {
            out.put("provisioned", throughput);
        }
        return out;
    }

    private static List<String> keySchema(List<KeySchemaElement> keys) {
        return keys.stream().map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList();
    }

    private static String throughput(ProvisionedThroughputDescription p) {
        return p == null ? "none" : p.readCapacityUnits() + "/" + p.writeCapacityUnits();
    }

    // ---- pretty printing: one line when short, one child per line otherwise ----

    private static String pretty(Object node, int indent) {
        String flat = flat(node);
        if (flat.length() + indent <= LINE || !(node instanceof Map<?, ?> || node instanceof List<?>)) {
            return flat;
        }
        String pad = "  ".repeat(indent + 1);
        StringBuilder out = new StringBuilder();
        if (node instanceof Map<?, ?> map) {
            out.append("{\n");
            map.forEach((k, v) -> out.append(pad).append(k).append(": ").append(pretty(v, indent + 1)).append(",\n"));
            out.append("  ".repeat(indent)).append('}');
        } else {
            out.append("[\n");
            ((List<?>) node).forEach(v -> out.append(pad).append(pretty(v, indent + 1)).append(",\n"));
            out.append("  ".repeat(indent)).append(']');
        }
        return out.toString();
    }

    private static String flat(Object node) {
        if (node instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            map.forEach((k, v) -> out.append(out.length() > 1 ? ", " : "").append(k).append(": ").append(flat(v)));
            return out.append('}').toString();
        }
        if (node instanceof List<?> list) {
            return list.stream().map(Normalizer::flat).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(node);
    }
}
