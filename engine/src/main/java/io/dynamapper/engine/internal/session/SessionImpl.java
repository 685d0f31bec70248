package io.dynamapper.engine.internal.session;

import static java.util.Objects.requireNonNull;

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
import io.dynamapper.engine.internal.cache.SecondLevelCache;
import io.dynamapper.engine.internal.commit.CommitExecutor;
import io.dynamapper.engine.internal.commit.ItemSize;
import io.dynamapper.engine.internal.commit.Write;
import io.dynamapper.engine.internal.listener.Listeners;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.ModelRegistry;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import io.dynamapper.engine.internal.read.EntityLoader;
import io.dynamapper.engine.internal.read.ReadContext;
import io.dynamapper.engine.internal.read.Reads;
import io.dynamapper.engine.internal.retry.RetryBudget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The engine's {@link Session}: an identity map keyed by table and encoded key, dirty checking
 * against snapshots, and commits through a {@link CommitExecutor}. Not thread-safe, like every
 * session.
 *
 * <p>The commit loop over clean entities allocates nothing: {@link io.dynamapper.engine.internal.mapping.DirtyChecker#unchanged} first, the
 * list of changed properties only for entities that changed. Each commit logs one DEBUG line (logger
 * {@code io.dynamapper.Session}) with its number of writes, attempts and duration.
 */
final class SessionImpl implements Session, EntityLoader {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private static final AtomicLong IDS = new AtomicLong();
    /**
     * The entries from which a commit or {@code isDirty()} checks them as a bulk
     * ({@link io.dynamapper.engine.internal.mapping.DirtyChecker#unchangedInBulk}), with a clean check
     * compiled per class once many have been checked; fewer are checked property by property.
     */
    static final int BULK_CHECK = 256;

    private final SessionOptions options;
    private final RetryPolicy retryPolicy;
    private final CommitExecutor executor;
    /** The retries of this session's unit of work when no enclosing one (inTransaction, @Transactional) has a budget. */
    private RetryBudget ownBudget;
    private final ReadContext readContext;
    private final SecondLevelCache cache;
    private final Listeners listeners;
    private final ModelRegistry models;
    /** The last attempt of the running commit that failed and was retried; 0 before any retry. */
    private int retriedAttempts;
    /** Numbers the session in messages ("Session#12"); the name is built only when one is shown. */
    private final long id;
    private final boolean serializable;
    private final SessionServices services;
    private final HashMap<EntryKey, Entry> index = new HashMap<>();
    /** Every entry in the order it became managed; removed ones are dropped by {@link #compact()}. */
    private final ArrayList<Entry> entries = new ArrayList<>();
    private int removedEntries;
    private boolean closed;

    SessionImpl(DynamoDbClient client, RetryPolicy retryPolicy, SessionOptions options, LongSupplier nanoClock,
                SecondLevelCache cache, Listeners listeners, SessionServices services, ModelRegistry models) {
        this.options = options;
        this.services = services;
        this.models = models;
        this.retryPolicy = retryPolicy;
        this.ownBudget = new RetryBudget(retryPolicy);
        this.cache = cache;
        this.listeners = listeners;
        this.executor = new CommitExecutor(client, nanoClock, this::retrying);
        this.id = IDS.incrementAndGet();
        this.serializable = options.isolation() == Isolation.SERIALIZABLE;
        this.readContext = new ReadContext(client, this, options.consistentReads(), this::budget, this::checkOpen,
                cache, listeners);
    }

    /** The budget of the unit of work on this thread: an enclosing one's, else this session's own. */
    private RetryBudget budget() {
        return RetryBudget.current(ownBudget);
    }

    /** A new unit of work of this session begins: after a commit, a rollback or a clear. */
    private void renewBudget() {
        ownBudget = new RetryBudget(retryPolicy);
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

    private ItemNotFoundException notFound(Class<?> type, Key key) {
        return new ItemNotFoundException(type, models.model(type).tableName(), key);
    }

    private <T> Optional<T> read(Class<T> type, Object hashKey, Object rangeKey, boolean withRange) {
        requireNonNull(type, "type == null");
        requireNonNull(hashKey, "hashKey == null");
        if (withRange) {
            requireNonNull(rangeKey, "rangeKey == null");
        }
        checkOpen();
        EntityModel<T> model = models.model(type);
        if (model.hasKeyTemplate()) {
            return readByValues(model, withRange ? List.of(hashKey, rangeKey) : List.of(hashKey));
        }
        if (withRange && rangeKey == null) {
            throw new DynamapperException(type.getSimpleName() + " (table '" + model.tableName() + "'): a null range key "
                    + "was given" + (model.rangeKey().isPresent() ? "; pass a value for range key "
                    + model.rangeKey().get().fieldName() : ", and it has no range key: use find/get with the hash key alone"));
        }
        if (withRange && model.rangeKey().isEmpty()) {
            throw new MappingException(type.getSimpleName() + " (table '" + model.tableName() + "') has no range key, "
                    + "but range key " + rangeKey + " was given; use find/get with the hash key alone");
        }
        if (!withRange && model.rangeKey().isPresent()) {
            throw new MappingException(type.getSimpleName() + " (table '" + model.tableName() + "') has range key "
                    + model.rangeKey().get().fieldName() + "; use find/get with both hash and range key");
        }
        return readKey(model, model.keys().key(hashKey, rangeKey));
    }

    private <T> Optional<T> readKey(EntityModel<T> model, Map<String, AttributeValue> key) {
        Entry entry = index.get(new EntryKey(model.tableName(), key));
        if (entry != null) {
            checkType(entry, model);
            return entry.deleted ? Optional.empty() : Optional.of(model.type().cast(entry.instance));
        }
        return Reads.getItem(readContext, model, key).map(item -> load(model, item));
    }

    private <T> Optional<T> readByValues(EntityModel<T> model, List<Object> values) {
        return readKey(model, model.keys().keyAttributes(model.keys().templateKeyItem(values)));
    }

    private EntityModel<?> templateModel(Class<?> type) {
        EntityModel<?> model = models.model(type);
        if (!model.hasKeyTemplate()) {
            throw new MappingException(type.getSimpleName() + " (table '" + model.tableName() + "') has no @KeyTemplate: "
                    + "find, get and delete take its hash key, and its range key if it has one");
        }
        return model;
    }

    private static List<Object> values(Object first, Object second, Object third, Object... more) {
        requireNonNull(more, "more == null");
        List<Object> values = new ArrayList<>(3 + more.length);
        values.add(requireNonNull(first, "first == null"));
        values.add(requireNonNull(second, "second == null"));
        values.add(requireNonNull(third, "third == null"));
        for (Object value : more) {
            values.add(requireNonNull(value, "a key value == null"));
        }
        return values;
    }

    @Override
    public <T> Optional<T> find(Class<T> type, Object first, Object second, Object third, Object... more) {
        requireNonNull(type, "type == null");
        List<Object> values = values(first, second, third, more);
        checkOpen();
        @SuppressWarnings("unchecked")
        EntityModel<T> model = (EntityModel<T>) templateModel(type);
        return readByValues(model, values);
    }

    @Override
    public <T> T get(Class<T> type, Object first, Object second, Object third, Object... more) {
        requireNonNull(type, "type == null");
        List<Object> values = values(first, second, third, more);
        checkOpen();
        @SuppressWarnings("unchecked")
        EntityModel<T> model = (EntityModel<T>) templateModel(type);
        Map<String, AttributeValue> key = model.keys().keyAttributes(model.keys().templateKeyItem(values));
        return readKey(model, key).orElseThrow(() -> notFound(type, model.keys().keyValue(key)));
    }

    @Override
    public <T> void delete(Class<T> type, Object first, Object second, Object third, Object... more) {
        requireNonNull(type, "type == null");
        List<Object> values = values(first, second, third, more);
        checkOpen();
        @SuppressWarnings("unchecked")
        EntityModel<T> model = (EntityModel<T>) templateModel(type);
        deleteByItem(model, model.keys().templateKeyItem(values));
    }

    @Override
    public <T> List<T> getAll(Class<T> type, Collection<Key> keys) {
        requireNonNull(type, "type == null");
        requireNonNull(keys, "keys == null");
        checkOpen();
        EntityModel<T> model = models.model(type);
        return Reads.getAll(readContext, model, keys);
    }

    @Override
    public <T> Query<T> query(Class<T> type) {
        requireNonNull(type, "type == null");
        checkOpen();
        return Reads.query(readContext, models.model(type));
    }

    @Override
    public <T> Scan<T> scan(Class<T> type) {
        requireNonNull(type, "type == null");
        checkOpen();
        return Reads.scan(readContext, models.model(type));
    }

    @Override
    public io.dynamapper.CollectionQuery collection(Class<?>... types) {
        requireNonNull(types, "types == null");
        List<EntityModel<?>> list = new ArrayList<>(types.length);
        for (Class<?> type : types) {
            list.add(models.model(requireNonNull(type, "a type == null")));
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("collection() needs at least one entity class");
        }
        checkOpen();
        return Reads.collection(readContext, list);
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
        if (model.isPolymorphic()) { // managed under the model of the subtype the item names
            return load(model.subtypeModel(item), item);
        }
        if (!model.isOwnType(item)) {
            AttributeValue stored = item.get(model.typeAttribute().orElseThrow());
            throw new MappingException("Item " + model.keys().keyValue(item) + " of table '" + model.tableName() + "' has type '"
                    + (stored == null ? "<missing>" : stored.s()) + "' in attribute '" + model.typeAttribute().orElseThrow()
                    + "', not " + model.type().getSimpleName() + "'s type '" + model.typeName().orElseThrow() + "'; "
                    + (model.annotatedType() != model.type() ? "read it as " + model.annotatedType().getSimpleName()
                    + " to get whichever subtype is stored" : "its key templates collide with another class's: give "
                    + "each class its own key prefix"));
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
        requireNonNull(entity, "entity == null");
        checkOpen();
        EntityModel<Object> model = modelOf(entity, "save");
        services.keys().assign(model, entity);
        EntryKey id = new EntryKey(model.tableName(), model.keys().keyOf(entity));
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
            checkSameVersion(model, entry, entity, "save");
            entry.instance = entity;
        }
        entry.deleted = false;
    }

    /** A record copy replacing (or deleting) the managed instance must carry its version. */
    private static void checkSameVersion(EntityModel<Object> model, Entry entry, Object copy, String what) {
        if (model.version().isEmpty()) {
            return;
        }
        long copyVersion = model.versionOf(copy);
        if (copyVersion != entry.version) {
            String reason = what + " of a copy with version " + copyVersion + ", but the session manages version "
                    + entry.version + (copyVersion < entry.version ? ": the copy is stale" : "")
                    + "; derive the new record from Session.current(...)";
            throw new OptimisticLockException(List.of(new OptimisticLockException.Conflict(model.type(),
                    model.keys().keyValue(entry.id.key()), reason, Optional.of(entry.version), Optional.of(copyVersion),
                    Optional.empty())), null);
        }
    }

    @Override
    public void delete(Object entity) {
        requireNonNull(entity, "entity == null");
        checkOpen();
        EntityModel<Object> model = modelOf(entity, "delete");
        EntryKey id = new EntryKey(model.tableName(), model.keys().keyOf(entity));
        Entry entry = index.get(id);
        if (entry == null) {
            Entry remote = new Entry(model, id, entity, Entry.State.DETACHED, model.versionOf(entity));
            remote.deleted = true;
            add(remote);
            return;
        }
        checkType(entry, model);
        if (entry.instance != entity) {
            if (!model.isRecord()) {
                throw differentInstance(model, entry, "delete");
            }
            checkSameVersion(model, entry, entity, "delete");
        }
        markDeleted(entry);
    }

    private void markDeleted(Entry entry) {
        if (entry.state == Entry.State.NEW) {
            remove(entry); // never written: nothing to delete
            compact();
        } else {
            entry.deleted = true;
        }
    }

    @Override
    public <T> void delete(Class<T> type, Object hashKey) {
        deleteByKey(type, requireNonNull(hashKey, "hashKey == null"), null, false);
    }

    @Override
    public <T> void delete(Class<T> type, Object hashKey, Object rangeKey) {
        deleteByKey(type, requireNonNull(hashKey, "hashKey == null"), requireNonNull(rangeKey, "rangeKey == null"),
                true);
    }

    private <T> void deleteByKey(Class<T> type, Object hashKey, Object rangeKey, boolean withRange) {
        requireNonNull(type, "type == null");
        checkOpen();
        EntityModel<T> model = models.model(type);
        if (model.hasKeyTemplate()) {
            deleteByItem(model, model.keys().templateKeyItem(withRange ? List.of(hashKey, rangeKey) : List.of(hashKey)));
            return;
        }
        checkKeyArity(model, rangeKey, withRange);
        EntryKey id = new EntryKey(model.tableName(), model.keys().key(hashKey, rangeKey));
        Entry entry = index.get(id);
        if (entry != null) {
            checkType(entry, model);
            markDeleted(entry);
            return;
        }
        // not managed: an unconditional delete by key (an entity with only its key set)
        Map<String, AttributeValue> key = id.key();
        Object keyOnly = model.decode(key); // not migrated: a key is no stored item
        Entry remote = new Entry(erase(model), id, keyOnly, Entry.State.DETACHED, 0);
        remote.deleted = true;
        add(remote);
    }

    /** Delete by key of a class with a key template: the item holds the key and the template fields. */
    private <T> void deleteByItem(EntityModel<T> model, Map<String, AttributeValue> keyItem) {
        EntryKey id = new EntryKey(model.tableName(), model.keys().keyAttributes(keyItem));
        Entry entry = index.get(id);
        if (entry != null) {
            checkType(entry, model);
            markDeleted(entry);
            return;
        }
        // a polymorphic base cannot tell which subtype it deletes: the entry holds no instance
        Object keyOnly = model.isPolymorphic() ? null : model.fromItem(keyItem);
        Entry remote = new Entry(erase(model), id, keyOnly, Entry.State.DETACHED, 0);
        remote.deleted = true;
        add(remote);
    }

    private static void checkKeyArity(EntityModel<?> model, Object rangeKey, boolean withRange) {
        Class<?> type = model.type();
        if (withRange && model.rangeKey().isEmpty()) {
            throw new MappingException(type.getSimpleName() + " (table '" + model.tableName() + "') has no range key, "
                    + "but range key " + rangeKey + " was given; use the hash key alone");
        }
        if (!withRange && model.rangeKey().isPresent()) {
            throw new MappingException(type.getSimpleName() + " (table '" + model.tableName() + "') has range key "
                    + model.rangeKey().get().fieldName() + "; pass both hash and range key");
        }
    }

    @Override
    public <T> T refresh(T entity) {
        requireNonNull(entity, "entity == null");
        checkOpen();
        EntityModel<Object> model = erase(models.model(entity.getClass()));
        Entry entry = managedEntry(model, entity, "refresh");
        if (entry.state == Entry.State.NEW) {
            throw new IllegalArgumentException("Cannot refresh " + model.type().getSimpleName() + " "
                    + model.keys().keyValue(entry.id.key()) + ": it was saved as new and is not stored yet; "
                    + "commit it first, or detach it");
        }
        Optional<Map<String, AttributeValue>> item = Reads.getItem(readContext, model, entry.id.key(), true);
        if (item.isEmpty()) {
            remove(entry);
            compact();
            throw notFound(model.type(), model.keys().keyValue(entry.id.key()));
        }
        Map<String, AttributeValue> migrated = model.migrate(item.get());
        Object fresh = model.decode(migrated);
        long version = model.versionOf(fresh);
        Object current = fresh;
        if (!model.isRecord()) {
            current = entry.instance;
            model.dirty().revert(current, model.dirty().snapshot(fresh));
            if (model.version().isPresent() && model.versionOf(current) != version) {
                model.withVersion(current, version);
            }
        }
        entry.stored(current, version, ItemSize.of(migrated));
        if (migrated != item.get()) {
            entry.lift = SchemaWriteBack.Lift.of(model.schemaAttribute().orElseThrow(), item.get(), migrated);
        }
        @SuppressWarnings("unchecked")
        T result = (T) current;
        return result;
    }

    @Override
    public void detach(Object entity) {
        requireNonNull(entity, "entity == null");
        checkOpen();
        EntityModel<Object> model = erase(models.model(entity.getClass()));
        Entry entry = index.get(new EntryKey(model.tableName(), model.keys().keyOf(entity)));
        if (entry == null) {
            return;
        }
        checkType(entry, model);
        if (entry.instance != entity && !model.isRecord()) {
            throw new IllegalArgumentException("Cannot detach this " + model.type().getSimpleName() + " "
                    + model.keys().keyValue(entry.id.key()) + ": the session manages a different instance with that key");
        }
        remove(entry);
        compact();
    }

    @Override
    public void clear() {
        checkOpen();
        index.clear();
        entries.clear();
        removedEntries = 0;
        renewBudget();
    }

    @Override
    public <T> T current(T entity) {
        requireNonNull(entity, "entity == null");
        checkOpen();
        EntityModel<Object> model = erase(models.model(entity.getClass()));
        Entry entry = index.get(new EntryKey(model.tableName(), model.keys().keyOf(entity)));
        if (entry == null || entry.deleted) {
            throw new IllegalArgumentException("The session manages no " + model.type().getSimpleName() + " "
                    + model.keys().keyValue(entity) + (entry == null ? "" : " (its delete is pending)")
                    + "; read it with find/get");
        }
        checkType(entry, model);
        @SuppressWarnings("unchecked")
        T result = (T) entry.instance;
        return result;
    }

    /** The entry managing exactly this instance (or, for records, its key). */
    private Entry managedEntry(EntityModel<Object> model, Object entity, String what) {
        Entry entry = index.get(new EntryKey(model.tableName(), model.keys().keyOf(entity)));
        if (entry == null || (entry.instance != entity && !model.isRecord())) {
            throw new IllegalArgumentException("Cannot " + what + " this " + model.type().getSimpleName() + " "
                    + model.keys().keyValue(entity) + ": the session does not manage " + (entry == null ? "its key"
                    : "this instance (it manages another one with the key)") + "; read it with find/get");
        }
        checkType(entry, model);
        return entry;
    }

    private static DynamapperException differentInstance(EntityModel<Object> model, Entry entry, String what) {
        return new DynamapperException("Cannot " + what + " this " + model.type().getSimpleName() + " "
                + model.keys().keyValue(entry.id.key()) + ": the session already manages a different instance with that key; "
                + "change the managed instance (from find/get) instead of a copy");
    }

    @SuppressWarnings("unchecked")
    private static EntityModel<Object> erase(EntityModel<?> model) {
        return (EntityModel<Object>) model;
    }

    private EntityModel<Object> modelOf(Object entity, String what) {
        return erase(models.model(entity.getClass()));
    }

    private static void checkType(Entry entry, EntityModel<?> model) {
        if (!model.includes(entry.model)) {
            throw new DynamapperException("Key " + entry.model.keys().keyValue(entry.id.key()) + " of table '"
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
        int n = entries.size();
        // under SERIALIZABLE every clean versioned entity is visited (it gets a condition check)
        for (int i = serializable ? 0 : skipClean(0, n); i < n; i = serializable ? i + 1 : skipClean(i + 1, n)) {
            Entry e = entries.get(i);
            if (e.removed) {
                continue;
            }
            e.changed = null; // set again below for a plain update: nothing of an earlier, failed commit stays
            Write w;
            if (e.state == Entry.State.MANAGED) {
                if (e.deleted) {
                    w = WritePlanner.delete(e);
                } else if (e.lift != null) {
                    checkKeyUnchanged(e);
                    w = SchemaWriteBack.update(e);
                } else if (serializable && e.model.dirty().unchanged(e.snapshot, e.instance)) {
                    // (otherwise skipClean has already found this entity changed)
                    if (e.model.version().isPresent()) {
                        if (reads == null) {
                            reads = new ArrayList<>();
                        }
                        reads.add(e);
                    }
                    continue;
                } else if (e.model.counters().isEmpty()) {
                    List<PropertyModel> changed = changedProperties(e);
                    w = WritePlanner.update(e, changed);
                    e.changed = changed; // what the new snapshot takes anew once the update is applied
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
        retriedAttempts = 0;
        int attempts;
        try {
            // throws before any change to the session
            attempts = executor.execute(writes, budget(), options.exactlyOnceSingleWrites());
        } catch (RuntimeException e) {
            RuntimeException failure = e instanceof OptimisticLockException conflict
                    ? CounterPlanner.limitOrConflict(conflict, writes, owners) : e;
            CommitOutcomes.failed(failure, writes, owners, retriedAttempts, cache, listeners, start);
            throw failure;
        }
        renewBudget();
        for (int i = 0; i < writes.size(); i++) {
            CommitOutcomes.cacheApplied(cache, owners.get(i), writes.get(i));
            applied(owners.get(i), writes.get(i));
        }
        compact();
        log(writes.size(), attempts, start);
        CommitOutcomes.committed(writes, attempts, listeners, start);
    }

    private void retrying(int attempt, RuntimeException failure, List<Write> writes) {
        retriedAttempts = attempt;
        CommitOutcomes.retrying(listeners, attempt, failure, writes);
    }

    private void applied(Entry e, Write write) {
        boolean versioned = e.model.version().isPresent();
        if (write instanceof Write.Put || write instanceof Write.Update) {
            long next = !versioned ? 0 : write instanceof Write.Put ? 1
                    : CounterPlanner.keepsVersion(e.model, write) ? e.version : e.version + 1;
            Object current = versioned ? e.model.withVersion(e.instance, next) : e.instance;
            if (e.changed != null && e.snapshot != null && write instanceof Write.Update) {
                e.stored(current, next, write.size(), e.model.dirty().refreshed(e.snapshot, current, e.changed));
            } else {
                e.stored(current, next, write.size());
            }
        } else if (write instanceof Write.Delete) {
            remove(e);
        }
        // a read check changes nothing
    }

    private List<PropertyModel> changedProperties(Entry e) {
        List<PropertyModel> changed = e.model.dirty().changed(e.snapshot, e.instance);
        PropertyModel range = e.model.rangeKey().orElse(null);
        for (PropertyModel p : changed) {
            if (p == e.model.hashKey() || p == range) {
                throw keyChanged(e);
            }
            if (e.model.isKeyTemplateField(p)) {
                throw new DynamapperException("Field " + p.describe() + " of a managed " + e.model.type().getSimpleName()
                        + " " + e.model.keys().keyValue(e.id.key()) + " was changed, and a key template uses it: a key cannot "
                        + "change. Delete the entity and save a new one with the new value. Nothing was sent.");
            }
        }
        return changed;
    }

    private static void checkKeyUnchanged(Entry e) {
        if (!e.model.keys().keyOf(e.instance).equals(e.id.key())) {
            throw keyChanged(e);
        }
    }

    private static DynamapperException keyChanged(Entry e) {
        return new DynamapperException("The key of a managed " + e.model.type().getSimpleName() + " was changed from "
                + e.model.keys().keyValue(e.id.key()) + " to " + e.model.keys().keyValue(e.instance) + "; a key cannot change. "
                + "Delete the entity and save a new one with the new key. Nothing was sent.");
    }

    private void log(int writes, int attempts, long start) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} commit: {} writes, {} attempts, {} us", name(), writes, attempts,
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
                e.model.dirty().revert(e.instance, e.snapshot);
                if (e.model.version().isPresent() && e.model.versionOf(e.instance) != e.version) {
                    e.model.withVersion(e.instance, e.version);
                }
            }
        }
        compact();
        renewBudget();
    }

    @Override
    public boolean isDirty() {
        checkOpen();
        int n = entries.size();
        return skipClean(0, n) < n;
    }

    /**
     * The index of the first entry at or after {@code from} that may need a write, or {@code n} if
     * none: removed entries and managed entities unchanged since their snapshot are skipped. A small
     * method of its own so that the JIT compiles this loop, which is nearly all of a commit's cost when
     * most entities are clean, as tightly as it can.
     */
    private int skipClean(int from, int n) {
        boolean bulk = n >= BULK_CHECK;
        for (int i = from; i < n; i++) {
            Entry e = entries.get(i);
            if (!e.removed && (e.state != Entry.State.MANAGED || e.deleted || e.lift != null
                    || !(bulk ? e.model.dirty().unchangedInBulk(e.snapshot, e.instance)
                            : e.model.dirty().unchanged(e.snapshot, e.instance)))) {
                return i;
            }
        }
        return n;
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
            throw new IllegalStateException(name() + " is closed; open a new session with SessionFactory.openSession()");
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

    private String name() {
        return "Session#" + id;
    }

    @Override
    public String toString() {
        return name() + (closed ? " (closed)" : " (" + index.size() + " managed)");
    }
}
