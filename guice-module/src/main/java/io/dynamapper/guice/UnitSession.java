package io.dynamapper.guice;

import static java.util.Objects.requireNonNull;

import io.dynamapper.Key;
import io.dynamapper.Query;
import io.dynamapper.Scan;
import io.dynamapper.Session;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The injected {@link Session}: one instance, safe to inject into singletons, that passes every
 * call to the session of the calling thread's unit of work. Outside a unit of work every call
 * throws {@link com.google.inject.OutOfScopeException}.
 */
final class UnitSession implements Session {
    private final ThreadUnitOfWork unit;

    UnitSession(ThreadUnitOfWork unit) {
        this.unit = requireNonNull(unit, "unit == null");
    }

    private Session current() {
        return unit.currentSession();
    }

    @Override
    public <T> Optional<T> find(Class<T> type, Object hashKey) {
        return current().find(type, hashKey);
    }

    @Override
    public <T> Optional<T> find(Class<T> type, Object hashKey, Object rangeKey) {
        return current().find(type, hashKey, rangeKey);
    }

    @Override
    public <T> T get(Class<T> type, Object hashKey) {
        return current().get(type, hashKey);
    }

    @Override
    public <T> T get(Class<T> type, Object hashKey, Object rangeKey) {
        return current().get(type, hashKey, rangeKey);
    }

    @Override
    public <T> List<T> getAll(Class<T> type, Collection<Key> keys) {
        return current().getAll(type, keys);
    }

    @Override
    public <T> Query<T> query(Class<T> type) {
        return current().query(type);
    }

    @Override
    public <T> Scan<T> scan(Class<T> type) {
        return current().scan(type);
    }

    @Override
    public void save(Object entity) {
        current().save(entity);
    }

    @Override
    public void delete(Object entity) {
        current().delete(entity);
    }

    @Override
    public <T> void delete(Class<T> type, Object hashKey) {
        current().delete(type, hashKey);
    }

    @Override
    public <T> void delete(Class<T> type, Object hashKey, Object rangeKey) {
        current().delete(type, hashKey, rangeKey);
    }

    @Override
    public <T> T refresh(T entity) {
        return current().refresh(entity);
    }

    @Override
    public void detach(Object entity) {
        current().detach(entity);
    }

    @Override
    public void clear() {
        current().clear();
    }

    @Override
    public <T> T current(T entity) {
        return current().current(entity);
    }

    @Override
    public void commit() {
        current().commit();
    }

    @Override
    public void rollback() {
        current().rollback();
    }

    @Override
    public boolean isDirty() {
        return current().isDirty();
    }

    /**
     * Always fails: the unit of work owns its session and closes it when it ends.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void close() {
        throw new UnsupportedOperationException("The injected Session belongs to " + unit.name()
                + " and must not be closed: it is closed when the unit of work ends"
                + " (unitOfWork.end(), or when the outermost @Transactional method returns)");
    }

    @Override
    public String toString() {
        return "Session of " + unit.name() + (unit.isActive() ? " (active on this thread)" : " (no unit of work on this thread)");
    }
}
