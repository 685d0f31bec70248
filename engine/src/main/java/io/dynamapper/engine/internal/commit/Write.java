package io.dynamapper.engine.internal.commit;

import static java.util.Objects.requireNonNull;

import io.dynamapper.Key;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * One action of a commit plan: a conditional {@link Put}, {@link Update}, {@link Delete}, or a
 * read-set {@link Check}, with everything needed to send it alone or inside a transaction, to
 * recognise that it was applied (after an unknown outcome) and to describe a conflict. Each kind
 * holds exactly what it needs and validates it when built.
 *
 * <p>Common to every kind: the entity class and key (for messages and conflicts), the table and
 * the item's key attributes; the condition ({@code null} for an unconditional write) with the
 * expression attribute names and values of the whole action; the version attribute and the
 * version the condition expects ({@code null} when the entity is unversioned or the condition
 * expects no version); what the condition expects, for conflicts ("expected version 3"); and
 * DynamoDB's size of the item written (the full entity for puts and updates, the key for deletes
 * and checks), for the 400 KB and 4 MB limits.
 */
public sealed interface Write permits Write.Put, Write.Update, Write.Delete, Write.Check {
    /** In {@link Update#expectedOld()}: the attribute must not exist. */
    AttributeValue ABSENT = AttributeValue.builder().build();

    /** @return the entity class, for messages and conflicts */
    Class<?> entityType();

    /** @return the entity's key as Java values, for messages and conflicts */
    Key key();

    /** @return the table */
    String tableName();

    /** @return the item's key attributes */
    Map<String, AttributeValue> keyAttributes();

    /** @return the condition, or null for an unconditional write */
    String conditionExpression();

    /** @return the expression attribute names, empty if none */
    Map<String, String> names();

    /** @return the expression attribute values, empty if none */
    Map<String, AttributeValue> values();

    /** @return the version attribute name, or null if the entity is not versioned */
    String versionAttribute();

    /** @return the version the condition expects, or null if it expects none */
    Long expectedVersion();

    /** @return what the condition expects, for conflicts: "expected version 3", "expected no item" */
    String reason();

    /** @return DynamoDB's size of the item written (of the key for deletes and checks) */
    long size();

    /** @return this action as one item of a {@code TransactWriteItems} request */
    TransactWriteItem toTransactItem();

    /** @return "put", "update", "delete" or "check", for messages */
    String verb();

    /**
     * Whether sending this write twice has the effect of sending it once.
     *
     * @return true but for updates that add deltas
     */
    default boolean idempotent() {
        return true;
    }

    /** @return "update DoomMap (1, 1)", for messages */
    default String describe() {
        return verb() + " " + entityType().getSimpleName() + " " + key();
    }

    /**
     * Whether {@code stored} (the item as DynamoDB returned it after this write's condition failed)
     * proves that this versioned update or delete was NOT applied: the item holds, with other
     * values, the very version this write would have produced (expected + 1), which only one writer
     * can produce. Anything later is ambiguous: this write may have been applied and then
     * overwritten. Never true for puts and checks.
     *
     * @param stored the stored item, or null if there is none
     * @return whether the write provably was not applied
     */
    default boolean provablyNotAppliedIn(Map<String, AttributeValue> stored) {
        return false;
    }

    /**
     * The attributes whose stored value differs from what this unversioned update expected, in the
     * item DynamoDB returned when the condition failed; empty for other writes.
     *
     * @param stored the stored item, or null if there is none
     * @return the differing attribute names, sorted
     */
    default List<String> differingAttributes(Map<String, AttributeValue> stored) {
        return List.of();
    }

    /**
     * Creates (or replaces) a whole item.
     *
     * @param item the full item, including its key attributes
     */
    record Put(Class<?> entityType, Key key, String tableName, Map<String, AttributeValue> keyAttributes,
               Map<String, AttributeValue> item, String conditionExpression, Map<String, String> names,
               Map<String, AttributeValue> values, String versionAttribute, String reason, long size)
            implements Write {
        /** Validates the parts; the item must hold the key attributes. */
        public Put {
            WriteChecks.common(entityType, key, tableName, keyAttributes, names, values, reason, size);
            requireNonNull(item, "item == null");
            if (!item.keySet().containsAll(keyAttributes.keySet())) {
                throw new IllegalArgumentException("a put's item must hold its key attributes "
                        + keyAttributes.keySet() + ", has " + item.keySet());
            }
        }

        @Override
        public Long expectedVersion() {
            return null;
        }

        @Override
        public String verb() {
            return "put";
        }

        @Override
        public TransactWriteItem toTransactItem() {
            return TransactWriteItem.builder().put(software.amazon.awssdk.services.dynamodb.model.Put.builder()
                    .tableName(tableName).item(item).conditionExpression(conditionExpression)
                    .expressionAttributeNames(WriteChecks.orNull(names)).expressionAttributeValues(WriteChecks.orNull(values))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
        }

        PutItemRequest toPutItem() {
            return PutItemRequest.builder().tableName(tableName).item(item).conditionExpression(conditionExpression)
                    .expressionAttributeNames(WriteChecks.orNull(names)).expressionAttributeValues(WriteChecks.orNull(values))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
        }
    }

    /**
     * Changes some attributes of an item.
     *
     * @param updateExpression the update expression
     * @param written the attributes the update SETs, by attribute name (to recognise an applied write)
     * @param removed the attributes the update REMOVEs
     * @param expectedOld unversioned: the old value of every attribute the update changes, which its
     *     condition requires; an attribute that must be absent maps to {@link #ABSENT}; otherwise empty
     * @param reason what the condition expects; null for a versioned update, whose {@link #reason()} is
     *     then "expected version N" (built only when a conflict is described, not for every update)
     */
    record Update(Class<?> entityType, Key key, String tableName, Map<String, AttributeValue> keyAttributes,
                  String updateExpression, String conditionExpression, Map<String, String> names,
                  Map<String, AttributeValue> values, Map<String, AttributeValue> written, List<String> removed,
                  String versionAttribute, Long expectedVersion, String reason, Map<String, AttributeValue> expectedOld,
                  long size) implements Write {
        /** Validates the parts: an expression, and old values only for an unversioned update. */
        public Update {
            if (reason == null && expectedVersion == null) {
                throw new NullPointerException("reason == null (only an update expecting a version may leave it out)");
            }
            WriteChecks.common(entityType, key, tableName, keyAttributes, names, values, reason == null ? "" : reason,
                    size);
            requireNonNull(updateExpression, "updateExpression == null");
            requireNonNull(written, "written == null");
            requireNonNull(removed, "removed == null");
            requireNonNull(expectedOld, "expectedOld == null");
            if (updateExpression.isEmpty()) {
                throw new IllegalArgumentException("an update needs an update expression");
            }
            if (expectedVersion != null && versionAttribute == null) {
                throw new IllegalArgumentException("an update expecting version " + expectedVersion
                        + " needs a version attribute");
            }
            if (expectedVersion != null && !expectedOld.isEmpty()) {
                throw new IllegalArgumentException("a versioned update is guarded by its version, not by old values "
                        + expectedOld.keySet());
            }
        }

        @Override
        public String verb() {
            return "update";
        }

        /** @return what the condition expects, for conflicts: "expected version 3" for a versioned update */
        @Override
        public String reason() {
            return reason != null ? reason : "expected version " + expectedVersion;
        }

        /** False when the update ADDs deltas: sending it twice would add twice. */
        @Override
        public boolean idempotent() {
            return !(updateExpression.startsWith("ADD ") || updateExpression.contains(" ADD "));
        }

        @Override
        public TransactWriteItem toTransactItem() {
            return TransactWriteItem.builder().update(software.amazon.awssdk.services.dynamodb.model.Update.builder()
                    .tableName(tableName).key(keyAttributes).updateExpression(updateExpression)
                    .conditionExpression(conditionExpression).expressionAttributeNames(WriteChecks.orNull(names))
                    .expressionAttributeValues(WriteChecks.orNull(values))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
        }

        UpdateItemRequest toUpdateItem() {
            return UpdateItemRequest.builder().tableName(tableName).key(keyAttributes).updateExpression(updateExpression)
                    .conditionExpression(conditionExpression).expressionAttributeNames(WriteChecks.orNull(names))
                    .expressionAttributeValues(WriteChecks.orNull(values))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
        }

        @Override
        public boolean provablyNotAppliedIn(Map<String, AttributeValue> stored) {
            return WriteChecks.holdsNextVersion(this, stored) && !holdsValuesOf(stored);
        }

        /** Whether {@code stored} holds the values this update sets and lacks those it removes. */
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

        @Override
        public List<String> differingAttributes(Map<String, AttributeValue> stored) {
            if (stored == null || expectedOld.isEmpty()) {
                return List.of();
            }
            List<String> differing = new ArrayList<>();
            for (Map.Entry<String, AttributeValue> e : expectedOld.entrySet()) {
                AttributeValue now = stored.get(e.getKey());
                boolean same = e.getValue() == ABSENT ? now == null : AttributeValues.same(e.getValue(), now);
                if (!same) {
                    differing.add(e.getKey());
                }
            }
            Collections.sort(differing);
            return differing;
        }
    }

    /** Deletes an item. */
    record Delete(Class<?> entityType, Key key, String tableName, Map<String, AttributeValue> keyAttributes,
                  String conditionExpression, Map<String, String> names, Map<String, AttributeValue> values,
                  String versionAttribute, Long expectedVersion, String reason, long size) implements Write {
        /** Validates the parts. */
        public Delete {
            WriteChecks.common(entityType, key, tableName, keyAttributes, names, values, reason, size);
            if (expectedVersion != null && (versionAttribute == null || conditionExpression == null)) {
                throw new IllegalArgumentException("a delete expecting version " + expectedVersion
                        + " needs a version attribute and a condition");
            }
        }

        @Override
        public String verb() {
            return "delete";
        }

        @Override
        public TransactWriteItem toTransactItem() {
            return TransactWriteItem.builder().delete(software.amazon.awssdk.services.dynamodb.model.Delete.builder()
                    .tableName(tableName).key(keyAttributes).conditionExpression(conditionExpression)
                    .expressionAttributeNames(WriteChecks.orNull(names)).expressionAttributeValues(WriteChecks.orNull(values))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
        }

        DeleteItemRequest toDeleteItem() {
            return DeleteItemRequest.builder().tableName(tableName).key(keyAttributes)
                    .conditionExpression(conditionExpression).expressionAttributeNames(WriteChecks.orNull(names))
                    .expressionAttributeValues(WriteChecks.orNull(values))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
        }

        @Override
        public boolean provablyNotAppliedIn(Map<String, AttributeValue> stored) {
            return WriteChecks.holdsNextVersion(this, stored);
        }
    }

    /** Only checks a condition on an item ({@code SERIALIZABLE} read set); never sent alone. */
    record Check(Class<?> entityType, Key key, String tableName, Map<String, AttributeValue> keyAttributes,
                 String conditionExpression, Map<String, String> names, Map<String, AttributeValue> values,
                 String versionAttribute, Long expectedVersion, String reason, long size) implements Write {
        /** Validates the parts: a check needs a condition. */
        public Check {
            WriteChecks.common(entityType, key, tableName, keyAttributes, names, values, reason, size);
            requireNonNull(conditionExpression, "conditionExpression == null");
        }

        @Override
        public String verb() {
            return "check";
        }

        @Override
        public TransactWriteItem toTransactItem() {
            return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(tableName)
                    .key(keyAttributes).conditionExpression(conditionExpression)
                    .expressionAttributeNames(WriteChecks.orNull(names)).expressionAttributeValues(WriteChecks.orNull(values))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
        }
    }
}
