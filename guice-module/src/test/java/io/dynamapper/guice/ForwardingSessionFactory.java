package io.dynamapper.guice;

import io.dynamapper.BulkWriteOptions;
import io.dynamapper.BulkWriter;
import io.dynamapper.ItemMapper;
import io.dynamapper.SchemaManager;
import io.dynamapper.Session;
import io.dynamapper.SessionCallback;
import io.dynamapper.SessionConsumer;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;

/** A {@link SessionFactory} decorator whose sessions can be wrapped. */
class ForwardingSessionFactory implements SessionFactory {
    private final SessionFactory delegate;

    ForwardingSessionFactory(SessionFactory delegate) {
        this.delegate = delegate;
    }

    Session wrap(Session session) {
        return session;
    }

    @Override
    public Session openSession() {
        return wrap(delegate.openSession());
    }

    @Override
    public Session openSession(SessionOptions options) {
        return wrap(delegate.openSession(options));
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
}
