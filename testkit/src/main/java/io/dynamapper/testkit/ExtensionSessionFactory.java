package io.dynamapper.testkit;

import static java.util.Objects.requireNonNull;

import io.dynamapper.Key;
import io.dynamapper.Query;
import io.dynamapper.Scan;
import io.dynamapper.BulkWriteOptions;
import io.dynamapper.BulkWriter;
import io.dynamapper.ItemMapper;
import io.dynamapper.SchemaManager;
import io.dynamapper.Session;
import io.dynamapper.SessionCallback;
import io.dynamapper.SessionConsumer;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link SessionFactory} {@link DynamapperExtension} hands out when its leak check is on: it
 * remembers where every session it opens was opened, until the session is closed. Sessions opened
 * inside {@link #inTransaction} are the engine's own and are always closed by it, so they are not
 * tracked.
 */
final class ExtensionSessionFactory implements SessionFactory {
    private final SessionFactory delegate;
    private final Set<TrackedSession> open = ConcurrentHashMap.newKeySet();

    ExtensionSessionFactory(SessionFactory delegate) {
        this.delegate = requireNonNull(delegate, "delegate == null");
    }

    @Override
    public Session openSession() {
        return track(delegate.openSession());
    }

    @Override
    public Session openSession(SessionOptions options) {
        return track(delegate.openSession(options));
    }

    @Override
    public <R, X extends Exception> R inTransaction(SessionCallback<R, X> work) throws X {
        return delegate.inTransaction(work);
    }

    @Override
    public <X extends Exception> void useTransaction(SessionConsumer<X> work) throws X {
        delegate.useTransaction(work);
    }

    @Override
    public SchemaManager schema() {
        return delegate.schema();
    }

    @Override
    public BulkWriter bulkWriter() {
        return delegate.bulkWriter();
    }

    @Override
    public BulkWriter bulkWriter(BulkWriteOptions options) {
        return delegate.bulkWriter(options);
    }

    @Override
    public ItemMapper mapper() {
        return delegate.mapper();
    }

    private Session track(Session session) {
        TrackedSession tracked = new TrackedSession(session, openedHere());
        open.add(tracked);
        return tracked;
    }

    /** A throwable whose stack trace starts at the caller of {@code openSession}. */
    private static Throwable openedHere() {
        Throwable site = new Throwable("the leaked session was opened here");
        StackTraceElement[] frames = site.getStackTrace();
        int first = 0;
        while (first < frames.length && frames[first].getClassName().startsWith(ExtensionSessionFactory.class.getName())) {
            first++;
        }
        site.setStackTrace(Arrays.copyOfRange(frames, first, frames.length));
        return site;
    }

    /**
     * Closes every session still open and returns where each was opened (the first frame is the
     * caller of {@code openSession}); empty if none was left open.
     */
    List<Throwable> closeLeaked() {
        List<Throwable> sites = new ArrayList<>();
        for (TrackedSession s : List.copyOf(open)) {
            sites.add(s.openedAt);
            s.close();
        }
        return sites;
    }

    /** A session that forgets itself in its factory when closed; everything else is delegated. */
    private final class TrackedSession implements Session {
        private final Session delegate;
        private final Throwable openedAt;

        TrackedSession(Session delegate, Throwable openedAt) {
            this.delegate = delegate;
            this.openedAt = openedAt;
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
            open.remove(this);
            delegate.close();
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
