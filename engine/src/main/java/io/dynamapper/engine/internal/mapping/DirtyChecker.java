package io.dynamapper.engine.internal.mapping;

import io.dynamapper.MappingException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Dirty checking of one entity class: snapshots of every property but the version, whether an
 * entity is as its snapshot was taken of and which properties differ, the stored values a snapshot
 * recorded, and putting a mutable entity back into a snapshot's state. Equal values are no change;
 * a value that cannot be encoded or compared is a {@link MappingException} naming class, field and
 * value. Built by its {@link EntityModel} and reached through {@link EntityModel#dirty()}; immutable
 * and thread-safe.
 *
 * @param <T> the entity class
 */
public final class DirtyChecker<T> {
    private final Class<T> type;
    private final boolean record;
    private final KeyConverter<T> keys;
    private final PropertyModel[] compared; // every property but the version
    private final List<KeyTemplateModel> indexTemplates; // hash and range templates of @IndexTemplate indexes

    DirtyChecker(Class<T> type, boolean record, List<PropertyModel> compared, List<KeyTemplateModel> indexTemplates,
                 KeyConverter<T> keys) {
        this.type = type;
        this.record = record;
        this.keys = keys;
        this.compared = compared.toArray(new PropertyModel[0]);
        this.indexTemplates = List.copyOf(indexTemplates);
    }

    /**
     * A snapshot of every property but the version, for {@link #unchanged} and {@link #changed}.
     *
     * @param entity the entity as stored
     * @return its snapshot, which shares no mutable state with the entity
     * @throws MappingException if a value cannot be copied or encoded
     */
    public Snapshot snapshot(T entity) {
        Object[] values = new Object[compared.length];
        for (int i = 0; i < compared.length; i++) {
            PropertyModel p = compared[i];
            values[i] = p.snapshot(p.read(entity));
        }
        return new Snapshot(values);
    }

    /**
     * Whether every property but the version is as in the snapshot. Allocates nothing for
     * primitive and immutable types.
     *
     * @param snapshot a snapshot of this class's entities
     * @param entity the entity
     * @return true if DynamoDB could not tell the entity from the state the snapshot was taken of
     * @throws MappingException if a value cannot be stored in DynamoDB, naming class, field, key and value
     */
    public boolean unchanged(Snapshot snapshot, T entity) {
        Object[] values = snapshot.values;
        for (int i = 0; i < compared.length; i++) {
            if (!unchangedIn(compared[i], values[i], entity)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Compares one property, turning any failure (a value that cannot be encoded or compared, such
     * as {@code NaN} in a number set) into a {@link MappingException} naming class, field and value.
     */
    private boolean unchangedIn(PropertyModel p, Object snapshot, T entity) {
        try {
            return p.unchangedIn(snapshot, entity);
        } catch (MappingException e) {
            throw e;
        } catch (RuntimeException e) {
            Object value;
            try {
                value = p.read(entity);
            } catch (RuntimeException unreadable) {
                value = "<unreadable>";
            }
            String shown = String.valueOf(value);
            if (shown.length() > 200) {
                shown = shown.substring(0, 200) + "...";
            }
            throw new MappingException("Cannot check field " + p.describe() + " of " + type.getSimpleName() + " "
                    + keys.keyValue(entity) + " for changes: its value " + shown + " cannot be stored in DynamoDB ("
                    + e.getMessage() + "); fix the value before commit", e);
        }
    }

    /**
     * The properties that differ from the snapshot, in declaration order (never the version), and
     * the keys of {@code @IndexTemplate} indexes composed of a changed field.
     *
     * @param snapshot a snapshot of this class's entities
     * @param entity the entity
     * @return the changed properties; empty if none
     * @throws MappingException if a value cannot be stored in DynamoDB, naming class, field, key and value
     */
    public List<PropertyModel> changed(Snapshot snapshot, T entity) {
        Object[] values = snapshot.values;
        List<PropertyModel> changed = new ArrayList<>();
        for (int i = 0; i < compared.length; i++) {
            if (!unchangedIn(compared[i], values[i], entity)) {
                changed.add(compared[i]);
            }
        }
        if (!indexTemplates.isEmpty() && !changed.isEmpty()) { // index keys composed of changed fields are written again
            for (KeyTemplateModel index : indexTemplates) {
                if (index.fields().stream().anyMatch(changed::contains)) {
                    changed.add(index.property());
                }
            }
        }
        return changed;
    }

    /**
     * The attribute a snapshot recorded for a property, encoded; null if it stored none. For size
     * accounting: what an update replaces.
     *
     * @param snapshot a snapshot of this class's entities
     * @param property a compared property, or the key of an {@code @IndexTemplate} index
     * @return the encoded value, or null
     * @throws IllegalArgumentException if the snapshot holds no such property
     */
    public AttributeValue snapshotValue(Snapshot snapshot, PropertyModel property) {
        for (KeyTemplateModel index : indexTemplates) {
            if (index.property() == property) { // composed from the fields' snapshot values
                List<Object> values = new ArrayList<>();
                for (PropertyModel field : index.fields()) {
                    Object value = snapshotValue(snapshot, field) == null ? null : restoredValue(snapshot, field);
                    if (value == null) {
                        return null;
                    }
                    values.add(value);
                }
                return AttributeValue.fromS(index.composeValues(values, false));
            }
        }
        return property.encode(restoredValue(snapshot, property));
    }

    private Object restoredValue(Snapshot snapshot, PropertyModel property) {
        for (int i = 0; i < compared.length; i++) {
            if (compared[i] == property) {
                return property.restore(snapshot.values[i]);
            }
        }
        throw new IllegalArgumentException(property + " is not in the snapshot of " + type.getName());
    }

    /**
     * Puts a mutable entity back, in place, into the state a snapshot from {@link #snapshot} was
     * taken of (every property but the version), so that references the caller holds see it.
     *
     * @param entity the entity to change
     * @param snapshot a snapshot of this class's entities
     * @throws IllegalStateException for a record, which cannot change in place
     */
    public void revert(T entity, Snapshot snapshot) {
        if (record) {
            throw new IllegalStateException(type.getName() + " is a record: keep the snapshot's instance instead");
        }
        Object[] values = snapshot.values;
        for (int i = 0; i < compared.length; i++) {
            PropertyModel p = compared[i];
            boolean same;
            try {
                same = p.unchangedIn(values[i], entity);
            } catch (RuntimeException unstorable) { // a value that cannot be compared is replaced anyway
                same = false;
            }
            if (!same) {
                p.write(entity, p.restore(values[i]));
            }
        }
    }

    @Override
    public String toString() {
        return "DirtyChecker[" + type.getName() + "]";
    }
}
