package io.dynamapper;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A unit of work against DynamoDB: an identity map of the entities it read or saved, and the
 * changes to write at {@link #commit()}.
 *
 * <pre>{@code
 * try (Session s = sessions.openSession()) {
 *     DoomMap m = s.get(DoomMap.class, 1, 1);
 *     m.name = "Hangar";          // found at commit by dirty checking
 *     s.commit();                 // one conditional write of 'name' and the version
 * }
 * }</pre>
 *
 * <h2>Identity</h2>
 * Within a session every read ({@link #find}, {@link #get}, {@link #getAll}, {@link #query},
 * {@link #scan}) returns the same Java instance for the same key. An entity already managed is
 * not overwritten by a later read: local changes win.
 *
 * <p>Every read takes a polymorphic entity's base type as well (an interface or abstract class with
 * {@link Table} and {@link KeyTemplate}, see there): each item is returned as the subtype its type
 * attribute names, the same instance whether it was read as the base or as the subtype; reading it
 * as another subtype is an error.
 *
 * <h2>Commit</h2>
 * At commit each managed entity is compared with the state it was loaded (or last committed) in.
 * Only changed attributes are written, each write conditional: on the entity's {@link Version}, or
 * for an entity without one on the item existing and on the old values of the attributes it changes
 * (see {@link Table#optimisticLocking()}). All writes of one commit are applied atomically or not at
 * all, and a commit is reported as applied only with proof that this commit applied it. After a
 * failed commit the session is exactly as before the call: the same pending changes, no version
 * changed.
 *
 * <h2>Threads</h2>
 * A session is not thread-safe: use it from one thread at a time. Open one per unit of work with
 * {@link SessionFactory#openSession()}; sessions are cheap.
 */
public interface Session extends AutoCloseable {

    /**
     * The entity with this hash key, if it exists (from the identity map if already managed).
     *
     * @param type the entity class
     * @param hashKey the hash key value, of the key field's type (any {@code Number} that fits a
     *     numeric key)
     * @param <T> the entity type
     * @return the managed entity, or empty if there is no such item (or it is pending deletion in
     *     this session)
     * @throws NullPointerException if {@code type} or {@code hashKey} is null
     * @throws IllegalArgumentException if the key cannot be converted to the key field's type, or is
     *     empty
     * @throws MappingException if {@code type} is not an entity, or its table has a range key
     * @throws RetriesExhaustedException if the read failed transiently on every attempt
     * @throws DynamapperException if DynamoDB rejected the read, or the item cannot be read into
     *     {@code type}
     * @throws IllegalStateException if the session is closed
     */
    <T> Optional<T> find(Class<T> type, Object hashKey);

    /**
     * The entity with this hash and range key, if it exists (from the identity map if already managed).
     *
     * @param type the entity class
     * @param hashKey the hash key value
     * @param rangeKey the range key value
     * @param <T> the entity type
     * @return the managed entity, or empty if there is no such item (or it is pending deletion in
     *     this session)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a key cannot be converted to its field's type, or is empty
     * @throws MappingException if {@code type} is not an entity, or its table has no range key
     * @throws RetriesExhaustedException if the read failed transiently on every attempt
     * @throws DynamapperException if DynamoDB rejected the read, or the item cannot be read into
     *     {@code type}
     * @throws IllegalStateException if the session is closed
     */
    <T> Optional<T> find(Class<T> type, Object hashKey, Object rangeKey);

    /**
     * Like {@link #find(Class, Object)}, for an entity that must exist.
     *
     * @param type the entity class
     * @param hashKey the hash key value
     * @param <T> the entity type
     * @return the managed entity
     * @throws ItemNotFoundException if there is no such item
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the key cannot be converted to the key field's type, or is
     *     empty
     * @throws MappingException if {@code type} is not an entity, or its table has a range key
     * @throws RetriesExhaustedException if the read failed transiently on every attempt
     * @throws DynamapperException if DynamoDB rejected the read, or the item cannot be read
     * @throws IllegalStateException if the session is closed
     */
    <T> T get(Class<T> type, Object hashKey);

    /**
     * Like {@link #find(Class, Object, Object)}, for an entity that must exist.
     *
     * @param type the entity class
     * @param hashKey the hash key value
     * @param rangeKey the range key value
     * @param <T> the entity type
     * @return the managed entity
     * @throws ItemNotFoundException if there is no such item
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a key cannot be converted to its field's type, or is empty
     * @throws MappingException if {@code type} is not an entity, or its table has no range key
     * @throws RetriesExhaustedException if the read failed transiently on every attempt
     * @throws DynamapperException if DynamoDB rejected the read, or the item cannot be read
     * @throws IllegalStateException if the session is closed
     */
    <T> T get(Class<T> type, Object hashKey, Object rangeKey);

    /**
     * The entity of a class with a {@link KeyTemplate} whose template fields have these values
     * (hash template fields first, then the range template's, each field once), if it exists:
     * {@code s.find(Order.class, "alice", created, "o1")}. A class whose templates have one or two
     * fields takes them through {@link #find(Class, Object)} and {@link #find(Class, Object, Object)}.
     *
     * @param type the entity class
     * @param first the value of the first template field
     * @param second the value of the second template field
     * @param third the value of the third template field
     * @param more the values of further template fields
     * @param <T> the entity type
     * @return the managed entity, or empty if there is no such item (or it is pending deletion)
     * @throws NullPointerException if an argument or value is null
     * @throws IllegalArgumentException if the number of values is not the number of template fields,
     *     or a value cannot be converted to its field's type
     * @throws MappingException if {@code type} is not an entity with a key template
     * @throws RetriesExhaustedException if the read failed transiently on every attempt
     * @throws DynamapperException if DynamoDB rejected the read, or the item cannot be read
     * @throws IllegalStateException if the session is closed
     */
    <T> Optional<T> find(Class<T> type, Object first, Object second, Object third, Object... more);

    /**
     * Like {@link #find(Class, Object, Object, Object, Object...)}, for an entity that must exist.
     *
     * @param type the entity class
     * @param first the value of the first template field
     * @param second the value of the second template field
     * @param third the value of the third template field
     * @param more the values of further template fields
     * @param <T> the entity type
     * @return the managed entity
     * @throws ItemNotFoundException if there is no such item
     * @throws NullPointerException if an argument or value is null
     * @throws IllegalArgumentException if the number of values is not the number of template fields,
     *     or a value cannot be converted to its field's type
     * @throws MappingException if {@code type} is not an entity with a key template
     * @throws RetriesExhaustedException if the read failed transiently on every attempt
     * @throws DynamapperException if DynamoDB rejected the read, or the item cannot be read
     * @throws IllegalStateException if the session is closed
     */
    <T> T get(Class<T> type, Object first, Object second, Object third, Object... more);

    /**
     * The entities with these keys, in the order of {@code keys}; keys with no item are skipped,
     * and managed entities come from the identity map. Reads in batches of 100 and retries
     * unprocessed keys with backoff. For a class with a {@link KeyTemplate}, each {@link Key} holds
     * the template fields' values, a {@code List} standing for several ({@link Key} shows how); for
     * a polymorphic base, each entity is of the subtype its item names.
     *
     * @param type the entity class
     * @param keys the keys to read; a key given twice yields its entity once
     * @param <T> the entity type
     * @return the managed entities found, in key order
     * @throws NullPointerException if {@code type}, {@code keys} or one of the keys is null
     * @throws IllegalArgumentException if a key does not fit the entity's key schema (a range key
     *     missing or extra, a value of the wrong type, an empty value)
     * @throws MappingException if {@code type} is not an entity
     * @throws RetriesExhaustedException if keys were still unprocessed after every attempt
     * @throws DynamapperException if DynamoDB rejected a read, or an item cannot be read
     * @throws IllegalStateException if the session is closed
     */
    <T> List<T> getAll(Class<T> type, Collection<Key> keys);

    /**
     * A query on a partition of the entity's table or one of its indexes. Nothing is sent until a
     * terminal operation of the query.
     *
     * @param type the entity class
     * @param <T> the entity type
     * @return a new query, bound to this session
     * @throws NullPointerException if {@code type} is null
     * @throws MappingException if {@code type} is not an entity
     * @throws IllegalStateException if the session is closed
     */
    <T> Query<T> query(Class<T> type);

    /**
     * A scan of the entity's table. Nothing is sent until a terminal operation of the scan.
     *
     * @param type the entity class
     * @param <T> the entity type
     * @return a new scan, bound to this session
     * @throws NullPointerException if {@code type} is null
     * @throws MappingException if {@code type} is not an entity
     * @throws IllegalStateException if the session is closed
     */
    <T> Scan<T> scan(Class<T> type);

    /**
     * A query of an item collection: one partition of a table shared by several classes with
     * {@link KeyTemplate}s, each item decoded to the class its type attribute names and managed by
     * this session: {@code s.collection(Customer.class, Order.class).hashKey("alice").list()}.
     * Items of other types are skipped unless {@link CollectionQuery#failOnUnknownTypes()}.
     *
     * @param types the classes to read; at least one, all with a key template on the same table,
     *     hash attribute and type attribute, and different type names
     * @return a query to complete with {@link CollectionQuery#hashKey(Object)}
     * @throws NullPointerException if {@code types} or one of them is null
     * @throws IllegalArgumentException if no class is given
     * @throws MappingException if a class is not an entity with a key template, or the classes do
     *     not share table, hash attribute and type attribute, or two have the same type name
     * @throws IllegalStateException if the session is closed
     */
    CollectionQuery collection(Class<?>... types);

    /**
     * Makes the entity managed, to be written at commit.
     * <ul>
     * <li>An entity whose key the session does not manage and whose version is null or 0 (or that
     *     has no {@link Version}) is new: it is put with a condition that no item has its key.</li>
     * <li>An entity whose key the session does not manage and whose version is set is a detached
     *     copy: all its mapped attributes are updated, on condition the stored version is its
     *     version (other attributes of the item are left alone).</li>
     * <li>A different instance for a managed key replaces the managed one (this is how records are
     *     changed), provided its version is the managed instance's version: a copy of an older (or
     *     newer) version is stale and is rejected, the session unchanged. For mutable classes a
     *     different instance is an error: change the managed instance instead.</li>
     * <li>The managed instance itself: nothing to do; changes are found at commit.</li>
     * </ul>
     *
     * @param entity the entity to write at commit
     * @throws NullPointerException if {@code entity} is null
     * @throws IllegalArgumentException if a key field of the entity is null or empty
     * @throws MappingException if the entity's class is not an entity
     * @throws OptimisticLockException if a record replacing the managed instance has another version
     * @throws DynamapperException if a different mutable instance is already managed for the key, or
     *     the key is managed as another entity class
     * @throws IllegalStateException if the session is closed
     */
    void save(Object entity);

    /**
     * Deletes the entity at commit, on condition its version is unchanged (for an entity without
     * {@link Version}: on condition the item still exists). An entity the session does not manage is
     * deleted by its key, on condition of its version if it has one set.
     *
     * @param entity the entity to delete at commit
     * @throws NullPointerException if {@code entity} is null
     * @throws IllegalArgumentException if a key field of the entity is null or empty
     * @throws MappingException if the entity's class is not an entity
     * @throws OptimisticLockException if a record copy of a managed entity has another version
     * @throws DynamapperException if a different mutable instance is managed for the key, or the key
     *     is managed as another entity class
     * @throws IllegalStateException if the session is closed
     */
    void delete(Object entity);

    /**
     * Deletes the item with this hash key at commit, without reading it. If the session manages the
     * entity, this is {@link #delete(Object)} of the managed instance (conditional on its version);
     * otherwise the delete is unconditional, and deleting a key with no item does nothing.
     *
     * @param type the entity class
     * @param hashKey the hash key value (any {@code Number} that fits a numeric key)
     * @param <T> the entity type
     * @throws NullPointerException if {@code type} or {@code hashKey} is null
     * @throws MappingException if {@code type} is not an entity, or its table has a range key
     * @throws IllegalArgumentException if the key cannot be converted to the key's type, or is empty
     * @throws IllegalStateException if the session is closed
     */
    <T> void delete(Class<T> type, Object hashKey);

    /**
     * Deletes the item with this hash and range key at commit, without reading it. If the session
     * manages the entity, this is {@link #delete(Object)} of the managed instance (conditional on its
     * version); otherwise the delete is unconditional, and deleting a key with no item does nothing.
     *
     * @param type the entity class
     * @param hashKey the hash key value
     * @param rangeKey the range key value
     * @param <T> the entity type
     * @throws NullPointerException if an argument is null
     * @throws MappingException if {@code type} is not an entity, or its table has no range key
     * @throws IllegalArgumentException if a key cannot be converted to its field's type, or is empty
     * @throws IllegalStateException if the session is closed
     */
    <T> void delete(Class<T> type, Object hashKey, Object rangeKey);

    /**
     * Deletes at commit, without reading it, the item of a class with a {@link KeyTemplate} whose
     * template fields have these values (hash template fields first); as
     * {@link #delete(Class, Object, Object)} otherwise.
     *
     * @param type the entity class
     * @param first the value of the first template field
     * @param second the value of the second template field
     * @param third the value of the third template field
     * @param more the values of further template fields
     * @param <T> the entity type
     * @throws NullPointerException if an argument or value is null
     * @throws MappingException if {@code type} is not an entity with a key template
     * @throws IllegalArgumentException if the number of values is not the number of template fields,
     *     or a value cannot be converted to its field's type
     * @throws IllegalStateException if the session is closed
     */
    <T> void delete(Class<T> type, Object first, Object second, Object third, Object... more);

    /**
     * Reads a managed entity again with a strongly consistent read and discards its pending changes
     * (including a pending delete): a mutable entity is updated in place, so references to it see the
     * stored state; for a record, the new instance is returned and managed instead.
     *
     * @param entity the managed instance
     * @param <T> the entity type
     * @return the refreshed entity: {@code entity} itself for a mutable class, the new record otherwise
     * @throws NullPointerException if {@code entity} is null
     * @throws IllegalArgumentException if the session does not manage {@code entity} (a new,
     *     not yet committed entity, another instance with its key, or one it never saw)
     * @throws ItemNotFoundException if the item no longer exists; the entity is then no longer managed
     * @throws MappingException if the stored item does not fit the class
     * @throws DynamapperException if the read fails
     * @throws IllegalStateException if the session is closed
     */
    <T> T refresh(T entity);

    /**
     * Stops managing the entity without writing it: its pending changes (or pending save or delete)
     * are forgotten, and a later read of its key returns a new instance. Does nothing if the session
     * does not manage the entity's key.
     *
     * @param entity the entity to forget
     * @throws NullPointerException if {@code entity} is null
     * @throws MappingException if its class is not an entity
     * @throws IllegalArgumentException if the session manages another instance for its key
     * @throws IllegalStateException if the session is closed
     */
    void detach(Object entity);

    /**
     * Stops managing every entity without writing anything: all pending changes are forgotten and
     * the identity map is empty. The session stays usable.
     *
     * @throws IllegalStateException if the session is closed
     */
    void clear();

    /**
     * The instance the session manages for the entity's key: after a successful {@link #commit()},
     * the committed state with its new version, without another read. For a mutable class that is
     * {@code entity} itself (its version field was updated); for a record it is the new instance the
     * commit created, since the one given to {@link #save} cannot change.
     *
     * <pre>{@code
     * s.save(order.withStatus(SHIPPED));   // a record at version 2
     * s.commit();
     * Order stored = s.current(order);     // version 3, as stored
     * }</pre>
     *
     * @param entity an entity (any instance with the key, such as an older record copy)
     * @param <T> the entity type
     * @return the managed instance for its key
     * @throws NullPointerException if {@code entity} is null
     * @throws MappingException if its class is not an entity
     * @throws IllegalArgumentException if the session manages no entity with its key (never read,
     *     deleted, detached)
     * @throws IllegalStateException if the session is closed
     */
    <T> T current(T entity);

    /**
     * Writes every change of this session in one atomic operation: nothing if nothing changed, a
     * single conditional write for one change (or a one-action transaction, see
     * {@link SessionOptions#withExactlyOnceSingleWrites}), one {@code TransactWriteItems} for 2 to
     * 100. Everything that can be checked before sending is checked first (keys, index keys, sizes,
     * the next version's range). Transient failures are retried within the unit of work's
     * {@link RetryPolicy} budget, idempotently. On success the entities' versions and the session's
     * snapshots are updated (see {@link #current}) and the session stays open for more work.
     *
     * @throws OptimisticLockException if an item was changed (or deleted) by someone else; nothing
     *     was written
     * @throws TransactionTooLargeException if there are more than 100 writes or 4 MB; nothing was sent
     * @throws MappingException if a value cannot be stored or compared (naming class, field and
     *     value), or an index key is empty; nothing was sent
     * @throws RetriesExhaustedException if the retry budget ran out and no attempt was applied
     * @throws CommitOutcomeUnknownException if an attempt may have been applied and nothing proves
     *     whether it was; check the stored items before trying again
     * @throws DynamapperException if DynamoDB rejected the request, or a managed entity's key was
     *     changed; nothing was written
     * @throws IllegalStateException if the session is closed
     */
    void commit();

    /**
     * Discards the pending changes: managed entities are reverted to their last loaded or committed
     * state where they are mutable (records are replaced in the identity map), saved new entities
     * and pending deletes are forgotten. The session stays usable.
     *
     * @throws IllegalStateException if the session is closed
     */
    void rollback();

    /**
     * Whether a commit now would write anything: a saved or deleted entity, or a managed entity that
     * differs from its snapshot.
     *
     * @return true if {@link #commit()} would send a write
     * @throws MappingException if a changed value cannot be stored or compared, naming class, field
     *     and value
     * @throws IllegalStateException if the session is closed
     */
    boolean isDirty();

    /** Closes the session, discarding pending changes. Never throws; closing twice is harmless. */
    @Override
    void close();
}
