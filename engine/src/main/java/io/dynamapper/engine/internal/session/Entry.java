package io.dynamapper.engine.internal.session;

import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import io.dynamapper.engine.internal.mapping.Snapshot;
import java.util.List;

/** One entity of a session's identity map and what the session knows of its stored state. */
final class Entry {
    /** Where the entity stands with respect to the table. */
    enum State {
        /** Saved, not known to be in the table: put with attribute_not_exists at commit. */
        NEW,
        /** Read from the table or committed: {@link #snapshot} holds the stored state. */
        MANAGED,
        /**
         * Given by the caller (saved or deleted) with a version the session did not read: all its
         * attributes are updated, or it is deleted, on condition of that version.
         */
        DETACHED
    }

    final EntityModel<Object> model;
    final EntryKey id;
    Object instance;
    State state;
    /** MANAGED: the stored state of every property but the version ({@code model.dirty().snapshot}). */
    Snapshot snapshot;
    /** MANAGED records: the instance as stored, restored by rollback. */
    Object storedRecord;
    /** The version the table is expected to hold (MANAGED, DETACHED); 0 if none. */
    long version;
    /** A delete is pending. */
    boolean deleted;
    /** Removed from the identity map; the session's entry list drops it lazily. */
    boolean removed;
    /**
     * An upper bound of the stored item's size in bytes (exact when read; after an update, the bound
     * that update was checked with), or -1 if unknown. Lets an update be checked against the 400 KB
     * limit without encoding the whole entity.
     */
    long storedSize = -1;
    /**
     * MANAGED: read from an item of an older {@code @SchemaVersion} and not yet written back; null
     * otherwise. Makes the entry dirty.
     */
    SchemaWriteBack.Lift lift;

    Entry(EntityModel<Object> model, EntryKey id, Object instance, State state, long version) {
        this.model = model;
        this.id = id;
        this.instance = instance;
        this.state = state;
        this.version = version;
    }

    /**
     * MANAGED, while a commit is planned and sent: the properties its update of this entity writes
     * (from the dirty check), or null if it writes none or not by a plain update.
     */
    List<PropertyModel> changed;

    /** Records what is now stored: called after a read or a successful commit. */
    void stored(Object current, long storedVersion, long size) {
        stored(current, storedVersion, size, model.dirty().snapshot(current));
    }

    /** Records what is now stored, with its snapshot already taken. */
    void stored(Object current, long storedVersion, long size, Snapshot taken) {
        storedSize = size;
        instance = current;
        state = State.MANAGED;
        version = storedVersion;
        snapshot = taken;
        storedRecord = model.isRecord() ? current : null;
        deleted = false;
        lift = null;
        changed = null;
    }
}
