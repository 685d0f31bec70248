package io.dynamapper.inmemory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Validates attribute values as DynamoDB does (one type per value, no empty or duplicate sets, valid
 * numbers) and returns them normalised (numbers in canonical form). Messages follow DynamoDB Local 2.6.1.
 */
final class ItemValidator {
    private ItemValidator() {
    }

    /** Validates every attribute of an item and returns a normalised copy. */
    static Map<String, AttributeValue> normalizeItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>(Math.max(4, item.size() * 2));
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty()) {
                throw Errors.validation("One or more parameter values were invalid: An attribute name cannot be empty");
            }
            out.put(e.getKey(), checkValue(e.getValue(), false));
        }
        return out;
    }

    /**
     * Validates one value; returns it with numbers normalised. {@code expressionValue}: the value comes
     * from ExpressionAttributeValues (same rules).
     */
    static AttributeValue checkValue(AttributeValue v, boolean expressionValue) {
        return checkValue(v, expressionValue, 1);
    }

    /** DynamoDB's document nesting limit: an attribute is level 1, its leaf values at most level 32. */
    private static final int MAX_DEPTH = 32;

    private static AttributeValue checkValue(AttributeValue v, boolean expressionValue, int depth) {
        if (depth > MAX_DEPTH) {
            throw Errors.validation("Nesting Levels have exceeded supported limits: Attributes in the item have "
                    + "nested levels beyond supported limit");
        }
        if (v == null) {
            throw Errors.validation("Supplied AttributeValue is empty, must contain exactly one of the supported "
                    + "datatypes");
        }
        String t = AttributeSemantics.type(v);
        if (t == null) {
            throw Errors.validation("Supplied AttributeValue is empty, must contain exactly one of the supported "
                    + "datatypes");
        }
        switch (t) {
            case "N": {
                String n = Numbers.normalize(v.n());
                return n.equals(v.n()) ? v : AttributeValue.fromN(n);
            }
            case "SS": {
                if (v.ss().isEmpty()) {
                    throw Errors.validation("One or more parameter values were invalid: An string set  may not be empty");
                }
                if (new HashSet<>(v.ss()).size() != v.ss().size()) {
                    throw Errors.validation("One or more parameter values were invalid: Input collection "
                            + v.ss() + " contains duplicates");
                }
                return v;
            }
            case "NS": {
                if (v.ns().isEmpty()) {
                    throw Errors.validation("One or more parameter values were invalid: An number set  may not be empty");
                }
                List<String> out = new ArrayList<>(v.ns().size());
                Set<String> seen = new HashSet<>();
                boolean changed = false;
                for (String n : v.ns()) {
                    String c = Numbers.normalize(n);
                    if (!seen.add(c)) {
                        throw Errors.validation("Input collection contains duplicates");
                    }
                    changed |= !c.equals(n);
                    out.add(c);
                }
                return changed ? AttributeValue.fromNs(out) : v;
            }
            case "BS": {
                if (v.bs().isEmpty()) {
                    throw Errors.validation("One or more parameter values were invalid: Binary sets should not be empty");
                }
                if (new HashSet<SdkBytes>(v.bs()).size() != v.bs().size()) {
                    throw Errors.validation("Input collection contains duplicates");
                }
                return v;
            }
            case "NULL": {
                if (!v.nul()) {
                    throw Errors.validation("1 validation error detected: One or more parameter values were invalid: "
                            + "Null attribute value types must have the value of true");
                }
                return v;
            }
            case "L": {
                List<AttributeValue> out = null;
                List<AttributeValue> l = v.l();
                for (int i = 0; i < l.size(); i++) {
                    AttributeValue c = checkValue(l.get(i), expressionValue, depth + 1);
                    if (c != l.get(i)) {
                        if (out == null) {
                            out = new ArrayList<>(l);
                        }
                        out.set(i, c);
                    }
                }
                return out == null ? v : AttributeValue.fromL(out);
            }
            case "M": {
                Map<String, AttributeValue> out = null;
                for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                    AttributeValue c = checkValue(e.getValue(), expressionValue, depth + 1);
                    if (c != e.getValue()) {
                        if (out == null) {
                            out = new HashMap<>(v.m());
                        }
                        out.put(e.getKey(), c);
                    }
                }
                return out == null ? v : AttributeValue.fromM(out);
            }
            default:
                return v;
        }
    }

    /** Throws if the item is larger than 400 KB; returns its size. */
    static long checkSize(Map<String, AttributeValue> item, boolean update) {
        long size = ItemSizer.of(item);
        if (size > ItemSizer.MAX_ITEM_SIZE) {
            throw Errors.validation(update ? "Item size to update has exceeded the maximum allowed size"
                    : "Item size has exceeded the maximum allowed size");
        }
        return size;
    }
}
