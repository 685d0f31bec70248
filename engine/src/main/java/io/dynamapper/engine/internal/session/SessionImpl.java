package io.dynamapper.engine.internal.session;

import io.dynamapper.DynamapperException;
import io.dynamapper.Isolation;
import io.dynamapper.ItemNotFoundException;
import io.dynamapper.Key;
import io.dynamapper.MappingException;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.Query;
import io.dynamapper.RetryPolicy;
import io.dynamapper.Scan;
import io.dynamapper.Session;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.commit.CommitExecutor;
import io.dynamapper.engine.internal.commit.ItemSize;
import io.dynamapper.engine.internal.commit.Write;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import io.dynamapper.engine.internal.read.EntityLoader;
import io.dynamapper.engine.internal.read.ReadContext;
import io.dynamapper.engine.internal.read.Reads;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The engine's {@link Session}: an identity map keyed by table and encoded key, dirty checking
 * against snapshots, and commits through a {@link CommitExecutor}. Not thread-safe, like every
 * session.
 *
 * <p>The commit loop over clean entities allocates nothing: {@link EntityModel#unchanged} first, the
 * list of changed properties only for entities that changed. Each commit logs one DEBUG line (logger
 * {@code io.dynamapper.Session}) with its number of writes, attempts and duration.
 */
final class SessionImpl implements Session, EntityLoader {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private static final AtomicLong IDS = new AtomicLong();

    private final SessionOptions options;
    private final CommitExecutor executor;
    private final ReadContext readContext;
    private final String name;
    private final boolean serializable;
    private final SessionServices services;
    private final HashMap<EntryKey, Entry> index = new HashMap<>();
    /** Every entry in the order it became managed; removed ones are dropped by {@link #compact()}. */
    private final ArrayList<Entry> entries = new ArrayList<>();
    private int removedEntries;
    private boolean closed;

    SessionImpl(DynamoDbClient client, RetryPolicy retryPolicy, SessionOptions options, SessionServices services) {
        this.options = options;
        this.services = services;
        this.executor = new CommitExecutor(client, retryPolicy);
        this.name = "Session#" + IDS.incrementAndGet();
        this.serializable = options.isolation() == Isolation.SERIALIZABLE;
        this.readContext = new ReadContext(client, this, options.consistentReads(), retryPolicy, this::checkOpen);
    }

    // ------------------------------------------------------------------ reads

    @Override
    public <T> Optional<T> find(Class<T> type, Object hashKey) {
        return read(type, hashKey, null, false);
    }

    @Override
    public <T> Optional<T> find(Class<T> type, Object hashKey, Object rangeKey) {
        return read(type, hashKey, rangeKey, true);
    }

    @Override
    public <T> T get(Class<T> type, Object hashKey) {
        return read(type, hashKey, null, false).orElseThrow(() -> notFound(type, Key.of(hashKey)));
    }

    @Override
    public <T> T get(Class<T> type, Object hashKey, Object rangeKey) {
        return read(type, hashKey, rangeKey, true).orElseThrow(() -> notFound(type, Key.of(hashKey, rangeKey)));
    }

    private static ItemNotFoundException notFound(Class<?> type, Key key) {
        return new ItemNotFoundException(type, EntityModel.of(type).tableName(), key);
    }

    private <T> Optional<T> read(Class<T> type, Object hashKey, Object rangeKey, boolean withRange) {
        checkOpen();
        EntityModel<T> model = EntityModel.of(type);
        if (withRange && model.rangeKey().isEmpty()) {
            throw new MappingException(type.getSimpleName() + " (table '" + model.tableName() + "') has no range key, "
                    + "but range key " + rangeKey + " was given; use find/get with the hash key alone");
        }
        if (!withRange && model.rangeKey().isPresent()) {
            throw new MappingException(type.getSimpleName() + " (table '" + model.tableName() + "') has range key "
                    + model.rangeKey().get().fieldName() + "; use find/get with both hash and range key");
        }
        Map<String, AttributeValue> key = model.key(hashKey, rangeKey);
        Entry entry = index.get(new EntryKey(model.tableName(), key));
        if (entry != null) {
            checkType(entry, model);
            return entry.deleted ? Optional.empty() : Optional.of(type.cast(entry.instance));
        }
        return Reads.getItem(readContext, model, key).map(item -> load(model, item));
    }

    @Override
    public <T> List<T> getAll(Class<T> type, Collection<Key> keys) {
        checkOpen();
        EntityModel<T> model = EntityModel.of(type);
        if (keys == null) {
            throw new DynamapperException("keys == null");
        }
        return Reads.getAll(readContext, model, keys);
    }

    @Override
    public <T> Query<T> query(Class<T> type) {
        checkOpen();
        return Reads.query(readContext, EntityModel.of(type));
    }

    @Override
    public <T> Scan<T> scan(Class<T> type) {
        checkOpen();
        return Reads.scan(readContext, EntityModel.of(type));
    }

    /** Hands a read item to the identity map: the managed instance wins; a pending delete hides it. */
    @Override
    public <T> T load(EntityModel<T> model, Map<String, AttributeValue> item) {
        checkOpen();
        EntryKey id = new EntryKey(model.tableName(), keyOf(model, item));
        Entry entry = index.get(id);
        if (entry != null) {
            checkType(entry, model);
            return entry.deleted ? null : model.type().cast(entry.instance);
        }
        if (model.isSequenceItem(item)) {
            return null; // the @AutoIncrement counter, not an entity
        }
        Map<String, AttributeValue> current = model.migrate(item);
        T instance = model.decode(current);
        entry = new Entry(erase(model), id, instance, Entry.State.MANAGED, 0);
        entry.stored(instance, model.versionOf(instance), ItemSize.of(current));
        if (current != item) {
            entry.lift = SchemaWriteBack.Lift.of(model.schemaAttribute().orElseThrow(), item, current);
        }
        add(entry);
        return instance;
    }

    private static Map<String, AttributeValue> keyOf(EntityModel<?> model, Map<String, AttributeValue> item) {
        String hash = model.hashKey().attributeName();
        AttributeValue h = item.get(hash);
        if (h == null) {
            throw new MappingException("Item of table '" + model.tableName() + "' has no hash key attribute '"
                    + hash + "'");
        }
        if (model.rangeKey().isEmpty()) {
            return Map.of(hash, h);
        }
        String range = model.rangeKey().get().attributeName();
        AttributeValue r = item.get(range);
        if (r == null) {
            throw new MappingException("Item of table '" + model.tableName() + "' has no range key attribute '"
                    + range + "'");
        }
        return Map.of(hash, h, range, r);
    }

    // ------------------------------------------------------------------ changes

    @Override
    public void save(Object entity) {
        checkOpen();
        EntityModel<Object> model = modelOf(entity, "save");
        services.keys().assign(model, entity);
        EntryKey id = new EntryKey(model.tableName(), model.keyOf(entity));
        Entry entry = index.get(id);
        if (entry == null) {
            long version = model.versionOf(entity);
            boolean detached = model.version().isPresent() && version > 0;
            add(new Entry(model, id, entity, detached ? Entry.State.DETACHED : Entry.State.NEW, version));
            return;
        }
        checkType(entry, model);
        if (entry.instance != entity) {
            if (!model.isRecord()) {
                throw differentInstance(model, entry, "save");
            }
            entry.instance = entity;
        }
        entry.deleted = false;
    }

    @Override
    public void delete(Object entity) {
        checkOpen();
        EntityModel<Object> model = modelOf(entity, "delete");
        EntryKey id = new EntryKey(model.tableName(), model.keyOf(entity));
        Entry entry = index.get(id);
        if (entry == null) {
            Entry remote = new Entry(model, id, entity, Entry.State.DETACHED, model.versionOf(entity));
            remote.deleted = true;
            add(remote);
            return;
        }
        checkType(entry, model);
        if (entry.instance != entity && !model.isRecord()) {
            throw differentInstance(model, entry, "delete");
        }
        if (entry.state == Entry.State.NEW) {
            remove(entry); // never written: nothing to delete
            compact();
        } else {
            entry.deleted = true;
        }
    }

    private static DynamapperException differentInstance(EntityModel<Object> model, Entry entry, String what) {
        return new DynamapperException("Cannot " + what + " this " + model.type().getSimpleName() + " "
                + model.keyValue(entry.id.key()) + ": the session already manages a different instance with that key; "
                + "change the managed instance (from find/get) instead of a copy");
    }

    @SuppressWarnings("unchecked")
    private static EntityModel<Object> erase(EntityModel<?> model) {
        return (EntityModel<Object>) model;
    }

    private static EntityModel<Object> modelOf(Object entity, String what) {
        if (entity == null) {
            throw new DynamapperException("Cannot " + what + " null");
        }
        return erase(EntityModel.of(entity.getClass()));
    }

    private static void checkType(Entry entry, EntityModel<?> model) {
        if (entry.model != model) {
            throw new DynamapperException("Key " + entry.model.keyValue(entry.id.key()) + " of table '"
                    + entry.id.table() + "' is managed as " + entry.model.type().getName() + ", not as "
                    + model.type().getName());
        }
    }

    // ------------------------------------------------------------------ commit

    @Override
    public void commit() {
        checkOpen();
        long start = System.nanoTime();
        List<Write> writes = new ArrayList<>();
        List<Entry> owners = new ArrayList<>();
        List<Entry> reads = null;
        for (int i = 0, n = entries.size(); i < n; i++) {
            Entry e = entries.get(i);
            if (e.removed) {
                continue;
            }
            Write w;
            if (e.state == Entry.State.MANAGED) {
                if (e.deleted) {
                    w = WritePlanner.delete(e);
                } else if (e.lift != null) {
                    checkKeyUnchanged(e);
                    w = SchemaWriteBack.update(e);
                } else if (e.model.unchanged(e.snapshot, e.instance)) {
                    if (serializable && e.model.version().isPresent()) {
                        if (reads == null) {
                            reads = new ArrayList<>();
                        }
                        reads.add(e);
                    }
                    continue;
                } else if (e.model.counters().isEmpty()) {
                    w = WritePlanner.update(e, changedProperties(e));
                } else {
                    w = CounterPlanner.update(e, changedProperties(e));
                }
            } else if (e.state == Entry.State.NEW) {
                checkKeyUnchanged(e);
                w = WritePlanner.put(e);
            } else if (e.deleted) {
                w = WritePlanner.delete(e);
            } else {
                checkKeyUnchanged(e);
                w = WritePlanner.updateAll(e);
            }
            writes.add(w);
            owners.add(e);
        }
        if (writes.isEmpty()) {
            log(0, 0, start);
            return;
        }
        if (reads != null) {
            for (Entry e : reads) {
                writes.add(WritePlanner.check(e));
                owners.add(e);
            }
        }
        services.validate(owners, writes);
        int attempts;
        try {
            attempts = executor.execute(writes); // throws before any change to the session
        } catch (OptimisticLockException conflict) {
            throw CounterPlanner.limitOrConflict(conflict, writes, owners);
        }
        for (int i = 0; i < writes.size(); i++) {
            applied(owners.get(i), writes.get(i));
        }
        compact();
        log(writes.size(), attempts, start);
    }

    private void applied(Entry e, Write write) {
        boolean versioned = e.model.version().isPresent();
        Write.Kind kind = write.kind();
        switch (kind) {
            case PUT, UPDATE -> {
                long next = !versioned ? 0 : kind == Write.Kind.PUT ? 1
                        : CounterPlanner.keepsVersion(e.model, write) ? e.version : e.version + 1;
                Object current = versioned ? e.model.withVersion(e.instance, next) : e.instance;
                e.stored(current, next, write.size());
            }
            case DELETE -> remove(e);
            default -> {
                // a read check changes nothing
            }
        }
    }

    private List<PropertyModel> changedProperties(Entry e) {
        List<PropertyModel> changed = e.model.changed(e.snapshot, e.instance);
        PropertyModel range = e.model.rangeKey().orElse(null);
        for (PropertyModel p : changed) {
            if (p == e.model.hashKey() || p == range) {
                throw keyChanged(e);
            }
        }
        return changed;
    }

    private static void checkKeyUnchanged(Entry e) {
        if (!e.model.keyOf(e.instance).equals(e.id.key())) {
            throw keyChanged(e);
        }
    }

    private static DynamapperException keyChanged(Entry e) {
        return new DynamapperException("The key of a managed " + e.model.type().getSimpleName() + " was changed from "
                + e.model.keyValue(e.id.key()) + " to " + e.model.keyValue(e.instance) + "; a key cannot change. "
                + "Delete the entity and save a new one with the new key. Nothing was sent.");
    }

    private void log(int writes, int attempts, long start) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} commit: {} writes, {} attempts, {} us", name, writes, attempts,
                    (System.nanoTime() - start) / 1000);
        }
    }

    // ------------------------------------------------------------------ state

    @Override
    public void rollback() {
        checkOpen();
        for (int i = 0, n = entries.size(); i < n; i++) {
            Entry e = entries.get(i);
            if (e.removed) {
                continue;
            }
            if (e.state != Entry.State.MANAGED) {
                remove(e);
                continue;
            }
            e.deleted = false;
            if (e.model.isRecord()) {
                e.instance = e.storedRecord;
            } else {
                e.model.revert(e.instance, e.snapshot);
                if (e.model.version().isPresent() && e.model.versionOf(e.instance) != e.version) {
                    e.model.withVersion(e.instance, e.version);
                }
            }
        }
        compact();
    }

    @Override
    public boolean isDirty() {
        checkOpen();
        for (int i = 0, n = entries.size(); i < n; i++) {
            Entry e = entries.get(i);
            if (!e.removed && (e.state != Entry.State.MANAGED || e.deleted || e.lift != null
                    || !e.model.unchanged(e.snapshot, e.instance))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        index.clear();
        entries.clear();
        removedEntries = 0;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(name + " is closed; open a new session with SessionFactory.openSession()");
        }
    }

    private void add(Entry e) {
        index.put(e.id, e);
        entries.add(e);
    }

    private void remove(Entry e) {
        if (!e.removed) {
            e.removed = true;
            index.remove(e.id);
            removedEntries++;
        }
    }

    private void compact() {
        if (removedEntries > 0) {
            entries.removeIf(e -> e.removed);
            removedEntries = 0;
        }
    }

    @Override
    public String toString() {
        return name + (closed ? " (closed)" : " (" + index.size() + " managed)");
    }
}
