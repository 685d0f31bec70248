package io.dynamapper.inmemory.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Key and index-key checks against a table's schema, with DynamoDB Local's messages. */
final class Validation {
    private Validation() {
    }

    /** Validates a key given to Get/Update/Delete (exactly the key attributes); returns it normalised. */
    static Map<String, AttributeValue> key(StoredTable t, Map<String, AttributeValue> key) {
        if (key == null || key instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap) {
            throw Errors.validation("1 validation error detected: Value null at 'key' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        if (key == null || key.size() != t.keyNames().size() || !key.keySet().containsAll(t.keyNames())) {
            throw Errors.validation(KEY_MISMATCH);
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>(4);
        for (String k : t.keyNames()) {
            AttributeValue v = ItemValidator.checkValue(key.get(k), false);
            if (!t.attributeTypes.get(k).equals(AttributeSemantics.type(v))) {
                throw Errors.validation(KEY_MISMATCH);
            }
            keyValue(t, k, v);
            out.put(k, v);
        }
        return out;
    }

    /** Validates a normalised item's key attributes and index key attributes. */
    static void item(StoredTable t, Map<String, AttributeValue> item) {
        for (String k : t.keyNames()) {
            AttributeValue v = item.get(k);
            if (v == null) {
                throw Errors.validation("One or more parameter values were invalid: Missing the key " + k
                        + " in the item");
            }
            keyValue(t, k, v);
        }
        for (StoredTable.Index i : t.indexes) {
            for (String k : new String[] {i.hashKey, i.rangeKey}) {
                AttributeValue v = k == null ? null : item.get(k);
                if (v == null || t.keyNames().contains(k)) {
                    continue;
                }
                String type = AttributeSemantics.type(v);
                if (!t.attributeTypes.get(k).equals(type)) {
                    throw Errors.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                            + k + " Expected: " + t.attributeTypes.get(k) + " Actual: " + type + " IndexName: " + i.name);
                }
                if (isEmpty(v)) {
                    throw Errors.validation("One or more parameter values are not valid. A value specified for a "
                            + "secondary index key is not supported. The AttributeValue for a key attribute cannot "
                            + "contain an empty " + ("S".equals(type) ? "string" : "binary") + " value. IndexName: "
                            + i.name + ", IndexKey: " + k);
                }
            }
        }
    }

    /** The key attributes of an item. */
    static Map<String, AttributeValue> keyOf(StoredTable t, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>(4);
        for (String k : t.keyNames()) {
            out.put(k, item.get(k));
        }
        return out;
    }

    /** DynamoDB's answer to a key whose attributes or types differ from the key schema. */
    static final String KEY_MISMATCH = "The provided key element does not match the schema";

    /**
     * The reason a key (Update, Delete, ConditionCheck, Get) does not match the table's key schema, or null:
     * inside a transaction DynamoDB reports it as the action's ValidationError cancellation reason.
     */
    static String keyProblem(StoredTable t, Map<String, AttributeValue> key) {
        if (key == null || key.size() != t.keyNames().size() || !key.keySet().containsAll(t.keyNames())) {
            return KEY_MISMATCH;
        }
        for (String k : t.keyNames()) {
            AttributeValue v = key.get(k);
            if (v == null || !t.attributeTypes.get(k).equals(AttributeSemantics.type(v))) {
                return KEY_MISMATCH;
            }
        }
        return null;
    }

    /** The reason an item's key attributes do not match the key schema (missing, wrong type), or null. */
    static String itemKeyProblem(StoredTable t, Map<String, AttributeValue> item) {
        for (String k : t.keyNames()) {
            AttributeValue v = item.get(k);
            if (v == null) {
                return "One or more parameter values were invalid: Missing the key " + k + " in the item";
            }
            String type = AttributeSemantics.type(v);
            if (type == null) {
                return null;   // an empty value: the item's own validation refuses it, outside the transaction
            }
            if (!t.attributeTypes.get(k).equals(type)) {
                return "One or more parameter values were invalid: Type mismatch for key " + k + " expected: "
                        + t.attributeTypes.get(k) + " actual: " + type;
            }
        }
        return null;
    }

    private static void keyValue(StoredTable t, String k, AttributeValue v) {
        String type = AttributeSemantics.type(v);
        if (!t.attributeTypes.get(k).equals(type)) {
            throw Errors.validation("One or more parameter values were invalid: Type mismatch for key " + k
                    + " expected: " + t.attributeTypes.get(k) + " actual: " + type);
        }
        if (isEmpty(v)) {
            throw Errors.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty " + ("S".equals(type) ? "string" : "binary")
                    + " value. Key: " + k);
        }
        checkKeySize(v, k.equals(t.hashKey));
    }

    /** Partition key values are at most 2048 bytes, sort key values at most 1024 (DynamoDB's limits). */
    static void checkKeySize(AttributeValue v, boolean hash) {
        long size = v.s() != null ? ItemSizer.utf8Length(v.s()) : v.b() != null ? v.b().asByteArrayUnsafe().length : 0;
        if (hash && size > 2048) {
            throw Errors.validation("One or more parameter values were invalid: Size of hashkey has exceeded the "
                    + "maximum size limit of2048 bytes");
        }
        if (!hash && size > 1024) {
            throw Errors.validation("One or more parameter values were invalid: Aggregated size of all range keys "
                    + "has exceeded the size limit of 1024 bytes");
        }
    }

    private static boolean isEmpty(AttributeValue v) {
        return (v.s() != null && v.s().isEmpty()) || (v.b() != null && v.b().asByteArrayUnsafe().length == 0);
    }

    static Map<String, AttributeValue> normalizeValues(Map<String, AttributeValue> values) {
        if (values == null || values.isEmpty()) {
            return values;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>(values.size() * 2);
        values.forEach((k, v) -> out.put(k, ItemValidator.checkValue(v, true)));
        return out;
    }

    static void tableName(String name) {
        if (name == null) {
            throw Errors.validation("1 validation error detected: Value null at 'tableName' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (name.length() < 3 || name.length() > 255) {
            throw Errors.validation("1 validation error detected: Value '" + name + "' at 'tableName' failed to "
                    + "satisfy constraint: Member must have length " + (name.length() < 3
                    ? "greater than or equal to 3" : "less than or equal to 255"));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_' && c != '-' && c != '.') {
                throw Errors.validation("1 validation error detected: Value '" + name + "' at 'tableName' failed "
                        + "to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
            }
        }
    }
}
