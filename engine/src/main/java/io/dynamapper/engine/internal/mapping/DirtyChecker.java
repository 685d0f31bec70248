package io.dynamapper.engine.internal.mapping;

import io.dynamapper.MappingException;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Dirty checking of one entity class: snapshots of every property but the version, whether an
 * entity is as its snapshot was taken of and which properties differ, the stored values a snapshot
 * recorded, and putting a mutable entity back into a snapshot's state. Equal values are no change;
 * a value that cannot be encoded or compared is a {@link MappingException} naming class, field and
 * value. Built by its {@link EntityModel} and reached through {@link EntityModel#dirty()};
 * thread-safe.
 *
 * <p>A clean check is what a commit or {@code isDirty()} pays for every managed entity, so it is
 * kept cheap: a {@link Snapshot} is two objects, and a session that checks many entities in a loop
 * ({@link #unchangedInBulk}) has the comparisons run, after {@link #COMPILE_AFTER} such checks of the
 * class, as one compiled {@link CleanCheck} (field reads inlined, no boxing, no allocation) instead
 * of property by property: at 100 000 managed entities that halves the check. A session of a few
 * entities checks them property by property ({@link #unchanged}): a few nanoseconds more per check in
 * a loop of its own, but in a profile of P1's unit of work (10 entities) half the samples the compiled
 * check took there. Both paths compare alike; a failure in the compiled one is retried property by
 * property, which reports it naming the field.
 *
 * @param <T> the entity class
 */
public final class DirtyChecker<T> {
    private static final long[] NO_NUMBERS = new long[0];
    /**
     * Bulk checks made property by property before the class's clean check is compiled: compiling
     * costs tens of milliseconds in a fresh JVM, which a short test run should not pay, and saves a
     * fraction of a microsecond per check.
     */
    static final int COMPILE_AFTER = 20_000;

    private final Class<T> type;
    private final boolean record;
    private final KeyConverter<T> keys;

    /** How a compared property is kept in a {@link Snapshot}. */
    enum Kind {
        /** A primitive field (not char), as bits in a number slot. */
        PRIMITIVE,
        /** A list, its elements at the end of the values, their position in a number slot. */
        LIST,
        /** Anything else, its {@link PropertyModel#snapshot} in a value slot. */
        VALUE
    }

    private final PropertyModel[] compared; // every property but the version
    private final Kind[] kinds; // of each compared property
    private final int[] slots; // of each compared property: its number slot (PRIMITIVE, LIST) or value slot (VALUE)
    private final int numbers; // number slots
    private final int references; // value slots, before the lists' elements
    private final List<KeyTemplateModel> indexTemplates; // hash and range templates of @IndexTemplate indexes
    /**
     * (Object, Snapshot)boolean: every compared property as in the snapshot; null until compiled. An
     * immutable handle, so a thread that sees it written sees it whole.
     */
    private MethodHandle cleanCheck;
    private int checks; // before compiling; a racy count is good enough, and it is no longer written after

    DirtyChecker(Class<T> type, boolean record, List<PropertyModel> compared, List<KeyTemplateModel> indexTemplates,
                 KeyConverter<T> keys) {
        this.type = type;
        this.record = record;
        this.keys = keys;
        this.compared = compared.toArray(new PropertyModel[0]);
        this.kinds = new Kind[this.compared.length];
        this.slots = new int[this.compared.length];
        int numberSlots = 0;
        int valueSlots = 0;
        for (int i = 0; i < slots.length; i++) {
            PropertyModel p = this.compared[i];
            kinds[i] = p.primitive() != null ? Kind.PRIMITIVE
                    : p.codec() instanceof ContainerCodecs.ListCodec ? Kind.LIST : Kind.VALUE;
            slots[i] = kinds[i] == Kind.VALUE ? valueSlots++ : numberSlots++;
        }
        this.numbers = numberSlots;
        this.references = valueSlots;
        this.indexTemplates = List.copyOf(indexTemplates);
    }

    /** Whether the clean check is compiled. */
    boolean isCompiled() {
        return cleanCheck != null;
    }

    /** Compiles the clean check now rather than after {@link #COMPILE_AFTER} checks; for tests. */
    DirtyChecker<T> compiled() {
        cleanCheck = CleanCheck.compile(compared, kinds, slots);
        return this;
    }

    /**
     * A snapshot of every property but the version, for {@link #unchanged} and {@link #changed}.
     *
     * @param entity the entity as stored
     * @return its snapshot, which shares no mutable state with the entity
     * @throws MappingException if a value cannot be copied or encoded
     */
    public Snapshot snapshot(T entity) {
        long[] bits = numbers == 0 ? NO_NUMBERS : new long[numbers];
        Object[] taken = new Object[compared.length]; // the snapshots of VALUE and LIST properties
        int elements = 0;
        for (int i = 0; i < compared.length; i++) {
            PropertyModel p = compared[i];
            if (kinds[i] == Kind.PRIMITIVE) {
                bits[slots[i]] = p.readBits(entity);
            } else {
                taken[i] = p.snapshot(p.read(entity));
                if (kinds[i] == Kind.LIST && taken[i] != null) {
                    elements += ((Object[]) taken[i]).length;
                }
            }
        }
        Object[] values = new Object[references + elements];
        int offset = references;
        for (int i = 0; i < compared.length; i++) {
            if (kinds[i] == Kind.VALUE) {
                values[slots[i]] = taken[i];
            } else if (kinds[i] == Kind.LIST) {
                Object[] list = (Object[]) taken[i];
                if (list == null) {
                    bits[slots[i]] = Snapshot.NULL_LIST;
                } else {
                    System.arraycopy(list, 0, values, offset, list.length);
                    bits[slots[i]] = Snapshot.listAt(offset, list.length);
                    offset += list.length;
                }
            }
        }
        return new Snapshot(bits, values);
    }

    /**
     * A snapshot of the entity as it stands after the properties in {@code changed} were written and
     * every other one was found unchanged: {@code old} with only those properties taken anew. The
     * properties the write did not touch keep the values they were read with, so a value changed
     * after the dirty check (and so not written) is still found changed by the next commit. Takes a
     * whole new snapshot when a list changed (its elements move the others).
     *
     * @param old the snapshot the changes were found against
     * @param entity the entity as written
     * @param changed what {@link #changed} returned for it (index keys among them are ignored)
     * @return the new snapshot
     * @throws MappingException if a value cannot be copied or encoded
     */
    public Snapshot refreshed(Snapshot old, T entity, List<PropertyModel> changed) {
        long[] bits = numbers == 0 ? NO_NUMBERS : new long[numbers];
        for (int slot = 0; slot < bits.length; slot++) {
            bits[slot] = old.number(slot);
        }
        Object[] values = null;
        for (PropertyModel p : changed) {
            int i = indexOf(p);
            if (i < 0) {
                continue; // the key of an @IndexTemplate index: not in the snapshot
            }
            switch (kinds[i]) {
                case PRIMITIVE -> bits[slots[i]] = p.readBits(entity);
                case VALUE -> {
                    if (values == null) {
                        values = old.values();
                    }
                    values[slots[i]] = p.snapshot(p.read(entity));
                }
                case LIST -> {
                    return snapshot(entity);
                }
            }
        }
        return new Snapshot(bits, values == null ? old.values() : values);
    }

    private int indexOf(PropertyModel property) {
        for (int i = 0; i < compared.length; i++) {
            if (compared[i] == property) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether every property but the version is as in the snapshot, compared property by property.
     * Allocates nothing for primitive and immutable types, or lists of them.
     *
     * @param snapshot a snapshot of this class's entities
     * @param entity the entity
     * @return true if DynamoDB could not tell the entity from the state the snapshot was taken of
     * @throws MappingException if a value cannot be stored in DynamoDB, naming class, field, key and value
     */
    public boolean unchanged(Snapshot snapshot, T entity) {
        return unchangedByProperty(snapshot, entity);
    }

    /**
     * {@link #unchanged}, for a check among many in a loop (a commit or {@code isDirty()} of a session
     * holding many entities): after {@link #COMPILE_AFTER} such checks of the class, the comparisons
     * run as one compiled {@link CleanCheck}.
     *
     * @param snapshot a snapshot of this class's entities
     * @param entity the entity
     * @return true if DynamoDB could not tell the entity from the state the snapshot was taken of
     * @throws MappingException if a value cannot be stored in DynamoDB, naming class, field, key and value
     */
    public boolean unchangedInBulk(Snapshot snapshot, T entity) {
        MethodHandle check = cleanCheck;
        if (check == null) {
            if (++checks >= COMPILE_AFTER) {
                compiled();
            }
            return unchangedByProperty(snapshot, entity);
        }
        boolean same;
        try {
            same = (boolean) check.invokeExact((Object) entity, snapshot);
        } catch (Error e) {
            throw e;
        } catch (Throwable failed) { // the same comparisons one by one: a failure is thrown naming the field
            return unchangedByProperty(snapshot, entity);
        }
        return same;
    }

    private boolean unchangedByProperty(Snapshot snapshot, T entity) {
        for (int i = 0; i < compared.length; i++) {
            if (!unchangedIn(i, snapshot, entity)) {
                return false;
            }
        }
        return true;
    }

    /** Whether compared property i of the entity is as in the snapshot; any failure propagates. */
    private boolean sameIn(int i, Snapshot snapshot, T entity) {
        PropertyModel p = compared[i];
        return switch (kinds[i]) {
            case PRIMITIVE -> p.sameBits(snapshot.number(slots[i]), entity);
            case LIST -> snapshot.sameList(slots[i], ((ContainerCodecs.ListCodec) p.codec()).element(), p.read(entity));
            case VALUE -> p.unchangedIn(snapshot.value(slots[i]), entity);
        };
    }

    /**
     * Compares one property, turning any failure (a value that cannot be encoded or compared, such
     * as {@code NaN} in a number set) into a {@link MappingException} naming class, field and value.
     */
    private boolean unchangedIn(int i, Snapshot snapshot, T entity) {
        PropertyModel p = compared[i];
        try {
            return sameIn(i, snapshot, entity);
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
        List<PropertyModel> changed = new ArrayList<>();
        for (int i = 0; i < compared.length; i++) {
            if (!unchangedIn(i, snapshot, entity)) {
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
        int i = indexOf(property);
        if (i < 0) {
            throw new IllegalArgumentException(property + " is not in the snapshot of " + type.getName());
        }
        return restored(i, snapshot);
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
        for (int i = 0; i < compared.length; i++) {
            boolean same;
            try {
                same = sameIn(i, snapshot, entity);
            } catch (RuntimeException unstorable) { // a value that cannot be compared is replaced anyway
                same = false;
            }
            if (!same) {
                compared[i].write(entity, restored(i, snapshot));
            }
        }
    }

    /** A new value equal to the one the snapshot recorded for compared property i. */
    private Object restored(int i, Snapshot snapshot) {
        PropertyModel p = compared[i];
        return switch (kinds[i]) {
            case PRIMITIVE -> p.boxBits(snapshot.number(slots[i]));
            case LIST -> p.restore(snapshot.list(slots[i]));
            case VALUE -> p.restore(snapshot.value(slots[i]));
        };
    }

    @Override
    public String toString() {
        return "DirtyChecker[" + type.getName() + "]";
    }
}
