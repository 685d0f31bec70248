package io.dynamapper.inmemory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps only the given document paths of an item, nested structure preserved: {@code li[1], m.q}
 * yields {@code {li: [li[1]], m: {q: ...}}}; missing paths are left out.
 */
final class Projector {
    private Projector() {
    }

    private static final class Node {
        boolean whole;
        final Map<Object, Node> children = new LinkedHashMap<>();
    }

    static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<List<Object>> paths) {
        Node root = new Node();
        for (List<Object> p : paths) {
            Node n = root;
            for (Object step : p) {
                n = n.children.computeIfAbsent(step, k -> new Node());
            }
            n.whole = true;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Node> e : root.children.entrySet()) {
            AttributeValue v = item.get((String) e.getKey());
            AttributeValue r = v == null ? null : extract(v, e.getValue());
            if (r != null) {
                out.put((String) e.getKey(), r);
            }
        }
        return out;
    }

    private static AttributeValue extract(AttributeValue v, Node n) {
        if (n.whole) {
            return v;
        }
        boolean indexes = n.children.keySet().iterator().next() instanceof Integer;
        if (indexes) {
            if (!v.hasL()) {
                return null;
            }
            TreeMap<Integer, Node> sorted = new TreeMap<>();
            n.children.forEach((k, c) -> sorted.put((Integer) k, c));
            List<AttributeValue> out = new ArrayList<>();
            for (Map.Entry<Integer, Node> e : sorted.entrySet()) {
                if (e.getKey() < v.l().size()) {
                    AttributeValue r = extract(v.l().get(e.getKey()), e.getValue());
                    if (r != null) {
                        out.add(r);
                    }
                }
            }
            return out.isEmpty() ? null : AttributeValue.fromL(out);
        }
        if (!v.hasM()) {
            return null;
        }
        Map<String, AttributeValue> out = new HashMap<>();
        for (Map.Entry<Object, Node> e : n.children.entrySet()) {
            if (e.getKey() instanceof String name) {
                AttributeValue c = v.m().get(name);
                AttributeValue r = c == null ? null : extract(c, e.getValue());
                if (r != null) {
                    out.put(name, r);
                }
            }
        }
        return out.isEmpty() ? null : AttributeValue.fromM(out);
    }
}
