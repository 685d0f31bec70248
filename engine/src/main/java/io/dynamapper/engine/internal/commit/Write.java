package io.dynamapper.engine.internal.commit;

import io.dynamapper.Key;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * One action of a commit plan: a conditional put, update, delete, or a read-set condition check,
 * with everything needed to send it alone or inside a transaction, to recognise that it was applied
 * (after an unknown outcome) and to describe a conflict.
 *
 * @param kind what the action does
 * @param entityType the entity class, for messages and conflicts
 * @param key the entity's key as Java values, for messages and conflicts
 * @param tableName the table
 * @param keyAttributes the item's key attributes
 * @param item PUT: the full item; otherwise null
 * @param updateExpression UPDATE: the update expression; otherwise null
 * @param conditionExpression the condition, or null for an unconditional write
 * @param names expression attribute names, empty if none
 * @param values expression attribute values, empty if none
 * @param written UPDATE: the attributes the update SETs, by attribute name (to recognise an applied
 *     write); otherwise empty
 * @param removed UPDATE: the attributes the update REMOVEs; otherwise empty
 * @param versionAttribute the version attribute name, or null if the entity is not versioned
 * @param expectedVersion the version the condition expects, or null if the condition expects none
 * @param reason what the condition expects, for conflicts: "expected version 3", "expected no item"
 * @param expectedOld unversioned UPDATE: the old value of every attribute the update changes, which
 *     its condition requires; an attribute that must be absent maps to {@link #ABSENT}; otherwise empty
 * @param size DynamoDB's size of the item written (the full entity for updates, the key for
 *     deletes and checks), for the 400 KB and 4 MB limits
 */
public record Write(Kind kind, Class<?> entityType, Key key, String tableName, Map<String, AttributeValue> keyAttributes,
                    Map<String, AttributeValue> item, String updateExpression, String conditionExpression,
                    Map<String, String> names, Map<String, AttributeValue> values, Map<String, AttributeValue> written,
                    List<String> removed, String versionAttribute, Long expectedVersion, String reason,
                    Map<String, AttributeValue> expectedOld, long size) {

    /** In {@link #expectedOld()}: the attribute must not exist. */
    public static final AttributeValue ABSENT = AttributeValue.builder().build();

    /** What an action does. */
    public enum Kind {
        /** Create (or replace) a whole item. */
        PUT,
        /** Change some attributes of an item. */
        UPDATE,
        /** Delete an item. */
        DELETE,
        /** Only check a condition on an item ({@code SERIALIZABLE} read set). */
        CHECK
    }

    /** Validates that the parts the kind needs are there. */
    public Write {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(entityType, "entityType == null");
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(tableName, "tableName == null");
        Objects.requireNonNull(keyAttributes, "keyAttributes == null");
        Objects.requireNonNull(names, "names == null");
        Objects.requireNonNull(values, "values == null");
        Objects.requireNonNull(written, "written == null");
        Objects.requireNonNull(removed, "removed == null");
        Objects.requireNonNull(reason, "reason == null");
        Objects.requireNonNull(expectedOld, "expectedOld == null");
        if (kind == Kind.PUT && item == null) {
            throw new IllegalArgumentException("a PUT needs an item");
        }
        if (kind == Kind.UPDATE && updateExpression == null) {
            throw new IllegalArgumentException("an UPDATE needs an update expression");
        }
        if (kind == Kind.CHECK && conditionExpression == null) {
            throw new IllegalArgumentException("a CHECK needs a condition");
        }
    }

    /**
     * Whether sending this write twice has the effect of sending it once. False for an update that
     * ADDs counter deltas ({@code @Counter}): it is sent in a transaction with a client request
     * token even when it is the only write, so that a retry cannot apply it twice.
     */
    public boolean idempotent() {
        return kind != Kind.UPDATE || !(updateExpression.startsWith("ADD ") || updateExpression.contains(" ADD "));
    }

    /** "update DoomMap (1, 1)", for messages. */
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + entityType.getSimpleName() + " " + key;
    }

    private Map<String, String> namesOrNull() {
        return names.isEmpty() ? null : names;
    }

    private Map<String, AttributeValue> valuesOrNull() {
        return values.isEmpty() ? null : values;
    }

    /** This action as one item of a {@code TransactWriteItems} request. */
    TransactWriteItem toTransactItem() {
        ReturnValuesOnConditionCheckFailure allOld = ReturnValuesOnConditionCheckFailure.ALL_OLD;
        switch (kind) {
            case PUT:
                return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                        .conditionExpression(conditionExpression).expressionAttributeNames(namesOrNull())
                        .expressionAttributeValues(valuesOrNull()).returnValuesOnConditionCheckFailure(allOld).build())
                        .build();
            case UPDATE:
                return TransactWriteItem.builder().update(Update.builder().tableName(tableName).key(keyAttributes)
                        .updateExpression(updateExpression).conditionExpression(conditionExpression)
                        .expressionAttributeNames(namesOrNull()).expressionAttributeValues(valuesOrNull())
                        .returnValuesOnConditionCheckFailure(allOld).build()).build();
            case DELETE:
                return TransactWriteItem.builder().delete(Delete.builder().tableName(tableName).key(keyAttributes)
                        .conditionExpression(conditionExpression).expressionAttributeNames(namesOrNull())
                        .expressionAttributeValues(valuesOrNull()).returnValuesOnConditionCheckFailure(allOld).build())
                        .build();
            default:
                return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(tableName)
                        .key(keyAttributes).conditionExpression(conditionExpression)
                        .expressionAttributeNames(namesOrNull()).expressionAttributeValues(valuesOrNull())
                        .returnValuesOnConditionCheckFailure(allOld).build()).build();
        }
    }

    PutItemRequest toPutItem() {
        return PutItemRequest.builder().tableName(tableName).item(item).conditionExpression(conditionExpression)
                .expressionAttributeNames(namesOrNull()).expressionAttributeValues(valuesOrNull())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
    }

    UpdateItemRequest toUpdateItem() {
        return UpdateItemRequest.builder().tableName(tableName).key(keyAttributes).updateExpression(updateExpression)
                .conditionExpression(conditionExpression).expressionAttributeNames(namesOrNull())
                .expressionAttributeValues(valuesOrNull())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
    }

    DeleteItemRequest toDeleteItem() {
        return DeleteItemRequest.builder().tableName(tableName).key(keyAttributes)
                .conditionExpression(conditionExpression).expressionAttributeNames(namesOrNull())
                .expressionAttributeValues(valuesOrNull())
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
    }

    /**
     * Whether {@code stored} (the item as DynamoDB returned it after this write's condition failed)
     * holds the values this update sets and lacks those it removes. Proves nothing about who wrote them.
     */
    private boolean holdsValuesOf(Map<String, AttributeValue> stored) {
        for (Map.Entry<String, AttributeValue> e : written.entrySet()) {
            if (!AttributeValues.same(e.getValue(), stored.get(e.getKey()))) {
                return false;
            }
        }
        for (String name : removed) {
            if (stored.containsKey(name)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The attributes whose stored value differs from what this unversioned update expected, in the
     * item DynamoDB returned when the condition failed; empty if the item is gone or nothing was
     * expected.
     */
    public List<String> differingAttributes(Map<String, AttributeValue> stored) {
        if (stored == null || expectedOld.isEmpty()) {
            return List.of();
        }
        List<String> differing = new java.util.ArrayList<>();
        for (Map.Entry<String, AttributeValue> e : expectedOld.entrySet()) {
            AttributeValue now = stored.get(e.getKey());
            boolean same = e.getValue() == ABSENT ? now == null : AttributeValues.same(e.getValue(), now);
            if (!same) {
                differing.add(e.getKey());
            }
        }
        java.util.Collections.sort(differing);
        return differing;
    }

    /**
     * Whether {@code stored} proves that this versioned update or delete was NOT applied: the item
     * holds, with other values, the very version this write would have produced (expected + 1),
     * which only one writer can produce. Anything later is ambiguous: this write may have been
     * applied and then overwritten.
     */
    boolean provablyNotAppliedIn(Map<String, AttributeValue> stored) {
        if (stored == null || versionAttribute == null || expectedVersion == null || expectedVersion < 1
                || kind == Kind.PUT || kind == Kind.CHECK) {
            return false;
        }
        AttributeValue version = stored.get(versionAttribute);
        return version != null && version.n() != null
                && new java.math.BigDecimal(version.n()).compareTo(java.math.BigDecimal.valueOf(expectedVersion + 1)) == 0
                && (kind == Kind.DELETE || !holdsValuesOf(stored));
    }
}
