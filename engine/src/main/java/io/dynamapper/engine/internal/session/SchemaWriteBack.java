package io.dynamapper.engine.internal.session;

import io.dynamapper.engine.internal.commit.Write;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The write-back of an entity read from an item of an older {@code @SchemaVersion}: every mapped
 * attribute (as for a detached copy), the new schema version, and the removal of the attributes the
 * migration steps dropped; on the entity's usual condition and, in addition, on the schema version
 * attribute still holding what was read, so that an item another writer has changed to a newer
 * schema is never overwritten with an older reading of it.
 */
final class SchemaWriteBack {
    private static final String SCHEMA = "#sv";
    private static final String SCHEMA_NEXT = ":svnext";
    private static final String SCHEMA_READ = ":svread";
    private static final String HASH = "#sh";

    /**
     * What the migration changed about an item.
     *
     * @param readVersion the schema version attribute as read, or null if the item had none
     * @param dropped attributes the migration steps removed
     * @param stored the item as read, before migration: what an unversioned write-back's condition expects
     */
    record Lift(AttributeValue readVersion, List<String> dropped, Map<String, AttributeValue> stored) {
        Lift {
            dropped = List.copyOf(dropped);
        }

        /** What a migration changed, from the stored item and the migrated one. */
        static Lift of(String schemaAttribute, Map<String, AttributeValue> stored, Map<String, AttributeValue> migrated) {
            List<String> dropped = new ArrayList<>(2);
            for (String name : stored.keySet()) {
                if (!migrated.containsKey(name)) {
                    dropped.add(name);
                }
            }
            return new Lift(stored.get(schemaAttribute), dropped, stored);
        }
    }

    private SchemaWriteBack() {
    }

    /** The update that writes a migrated entity back. */
    static Write update(Entry e) {
        Write.Update all = WritePlanner.updateAll(e);
        Lift lift = e.lift;
        String schemaAttribute = e.model.schemaAttribute().orElseThrow();
        AttributeValue next = e.model.schemaValue();
        Map<String, String> names = new HashMap<>(all.names());
        Map<String, AttributeValue> values = new HashMap<>(all.values());
        Map<String, AttributeValue> written = new HashMap<>(all.written());
        List<String> removed = new ArrayList<>(all.removed());
        names.put(SCHEMA, schemaAttribute);
        values.put(SCHEMA_NEXT, next);
        written.put(schemaAttribute, next);

        String expression = all.updateExpression();
        int at = expression.indexOf("REMOVE ");
        String set = (at < 0 ? expression : expression.substring(0, at)).trim();
        StringBuilder remove = new StringBuilder(at < 0 ? "" : expression.substring(at + "REMOVE ".length()).trim());
        set = (set.isEmpty() ? "SET " : set + ", ") + SCHEMA + " = " + SCHEMA_NEXT;
        for (int i = 0; i < lift.dropped().size(); i++) {
            String name = "#sd" + i;
            names.put(name, lift.dropped().get(i));
            removed.add(lift.dropped().get(i));
            if (remove.length() > 0) {
                remove.append(", ");
            }
            remove.append(name);
        }
        String update = remove.length() == 0 ? set : set + " REMOVE " + remove;

        String schemaCondition;
        String reason;
        if (lift.readVersion() == null) {
            names.put(HASH, e.model.hashKey().attributeName());
            schemaCondition = "attribute_exists(" + HASH + ") AND attribute_not_exists(" + SCHEMA + ")";
            reason = "no schema version";
        } else {
            values.put(SCHEMA_READ, lift.readVersion());
            schemaCondition = SCHEMA + " = " + SCHEMA_READ;
            reason = "schema version " + lift.readVersion().n();
        }
        String condition;
        Map<String, AttributeValue> expectedOld = all.expectedOld();
        if (all.versionAttribute() == null && !expectedOld.isEmpty()) {
            // the planner's guard compares with the snapshot, the migrated state; the table holds the item as read
            values.keySet().removeIf(v -> v.startsWith(":o"));
            names.remove("#h"); // the planner's guard's name for the key, replaced by HASH below
            expectedOld = new HashMap<>();
            Map<String, String> placeholders = new HashMap<>();
            names.forEach((placeholder, attribute) -> placeholders.putIfAbsent(attribute, placeholder));
            names.put(HASH, e.model.hashKey().attributeName());
            StringBuilder guard = new StringBuilder("attribute_exists(").append(HASH).append(')');
            List<String> attributes = new ArrayList<>(all.expectedOld().keySet());
            attributes.addAll(lift.dropped());
            for (int i = 0; i < attributes.size(); i++) {
                String attribute = attributes.get(i);
                String name = placeholders.get(attribute);
                AttributeValue old = lift.stored().get(attribute);
                guard.append(" AND ");
                if (old == null) {
                    guard.append("attribute_not_exists(").append(name).append(')');
                    expectedOld.put(attribute, Write.ABSENT);
                } else {
                    guard.append(name).append(" = :so").append(i);
                    values.put(":so" + i, old);
                    expectedOld.put(attribute, old);
                }
            }
            condition = guard + " AND " + schemaCondition;
            reason = "expected the item with the values it was read with and " + reason;
        } else {
            condition = all.conditionExpression() == null ? schemaCondition
                    : "(" + all.conditionExpression() + ") AND " + schemaCondition;
            reason = all.conditionExpression() == null ? "expected " + reason : all.reason() + " and " + reason;
        }
        return new Write.Update(all.entityType(), all.key(), all.tableName(), all.keyAttributes(),
                update, condition, names, values, written, removed, all.versionAttribute(), all.expectedVersion(),
                reason, expectedOld, all.size());
    }
}
