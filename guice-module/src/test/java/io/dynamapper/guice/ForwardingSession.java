package io.dynamapper.guice;

import io.dynamapper.Key;
import io.dynamapper.Query;
import io.dynamapper.Scan;
import io.dynamapper.Session;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A {@link Session} decorator. */
class ForwardingSession implements Session {
    private final Session delegate;

    ForwardingSession(Session delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> Optional<T> find(Class<T> type, Object hashKey) {
        return delegate.find(type, hashKey);
    }

    @Override
    public <T> Optional<T> find(Class<T> type, Object hashKey, Object rangeKey) {
        return delegate.find(type, hashKey, rangeKey);
    }

    @Override
    public <T> T get(Class<T> type, Object hashKey) {
        return delegate.get(type, hashKey);
    }

    @Override
    public <T> T get(Class<T> type, Object hashKey, Object rangeKey) {
        return delegate.get(type, hashKey, rangeKey);
    }

    @Override
    public <T> List<T> getAll(Class<T> type, Collection<Key> keys) {
        return delegate.getAll(type, keys);
    }

    @Override
    public <T> Query<T> query(Class<T> type) {
        return delegate.query(type);
    }

    @Override
    public <T> Scan<T> scan(Class<T> type) {
        return delegate.scan(type);
    }

    @Override
    public void save(Object entity) {
        delegate.save(entity);
    }

    @Override
    public void delete(Object entity) {
        delegate.delete(entity);
    }

    @Override
    public <T> void delete(Class<T> type, Object hashKey) {
        delegate.delete(type, hashKey);
    }

    @Override
    public <T> void delete(Class<T> type, Object hashKey, Object rangeKey) {
        delegate.delete(type, hashKey, rangeKey);
    }

    @Override
    public <T> T refresh(T entity) {
        return delegate.refresh(entity);
    }

    @Override
    public void detach(Object entity) {
        delegate.detach(entity);
    }

    @Override
    public void clear() {
        delegate.clear();
    }

    @Override
    public <T> T current(T entity) {
        return delegate.current(entity);
    }

    @Override
    public void commit() {
        delegate.commit();
    }

    @Override
    public void rollback() {
        delegate.rollback();
    }

    @Override
    public boolean isDirty() {
        return delegate.isDirty();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
