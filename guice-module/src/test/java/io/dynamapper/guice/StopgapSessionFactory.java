package io.dynamapper.guice;

import io.dynamapper.ItemNotFoundException;
import io.dynamapper.Key;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.Query;
import io.dynamapper.Scan;
import io.dynamapper.SchemaManager;
import io.dynamapper.Session;
import io.dynamapper.SessionCallback;
import io.dynamapper.SessionConsumer;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * A stand-in for the engine's sessions until they land: real versioned, conditional writes to
 * DynamoDB Local, for {@link Counter} only. Remove when the engine's {@code openSession()} works.
 */
final class StopgapSessionFactory implements SessionFactory {
    private final DynamoDbClient client;

    StopgapSessionFactory(DynamoDbClient client) {
        this.client = client;
    }

    @Override
    public Session openSession() {
        return new StopgapSession(client);
    }

    @Override
    public Session openSession(SessionOptions options) {
        return openSession();
    }

    @Override
    public <R, X extends Exception> R inTransaction(SessionCallback<R, X> work) throws X {
        throw new UnsupportedOperationException();
    }

    @Override
    public <X extends Exception> void useTransaction(SessionConsumer<X> work) throws X {
        throw new UnsupportedOperationException();
    }

    @Override
    public SchemaManager schema() {
        throw new UnsupportedOperationException();
    }

    private static final class StopgapSession implements Session {
        private final DynamoDbClient client;
        private final Map<String, Entry> managed = new LinkedHashMap<>();
        private boolean closed;

        StopgapSession(DynamoDbClient client) {
            this.client = client;
        }

        private static final class Entry {
            final Counter entity;
            long loadedValue;
            boolean isNew;

            Entry(Counter entity, boolean isNew) {
                this.entity = entity;
                this.loadedValue = entity.value;
                this.isNew = isNew;
            }

            boolean dirty() {
                return isNew || entity.value != loadedValue;
            }
        }

        private void open() {
            if (closed) {
                throw new IllegalStateException("session is closed");
            }
        }

        @Override
        public <T> Optional<T> find(Class<T> type, Object hashKey) {
            open();
            String id = (String) hashKey;
            Entry entry = managed.get(id);
            if (entry == null) {
                Map<String, AttributeValue> item = client.getItem(b -> b.tableName(LocalDynamoDb.TABLE)
                        .consistentRead(true).key(Map.of("id", AttributeValue.fromS(id)))).item();
                if (item == null || item.isEmpty()) {
                    return Optional.empty();
                }
                Counter c = new Counter(id, Long.parseLong(item.get("value").n()));
                c.version = Long.parseLong(item.get("version").n());
                entry = new Entry(c, false);
                managed.put(id, entry);
            }
            return Optional.of(type.cast(entry.entity));
        }

        @Override
        public <T> Optional<T> find(Class<T> type, Object hashKey, Object rangeKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T get(Class<T> type, Object hashKey) {
            return find(type, hashKey).orElseThrow(
                    () -> new ItemNotFoundException(type, LocalDynamoDb.TABLE, Key.of(hashKey)));
        }

        @Override
        public <T> T get(Class<T> type, Object hashKey, Object rangeKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> List<T> getAll(Class<T> type, Collection<Key> keys) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Query<T> query(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Scan<T> scan(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void save(Object entity) {
            open();
            Counter c = (Counter) entity;
            Entry entry = managed.get(c.id);
            if (entry == null) {
                managed.put(c.id, new Entry(c, c.version == null || c.version == 0));
            } else if (entry.entity != c) {
                throw new IllegalStateException("another instance is managed for " + c.id);
            }
        }

        @Override
        public void delete(Object entity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void commit() {
            open();
            for (Entry entry : managed.values()) {
                if (!entry.dirty()) {
                    continue;
                }
                Counter c = entry.entity;
                long next = c.version == null ? 1 : c.version + 1;
                PutItemRequest.Builder put = PutItemRequest.builder().tableName(LocalDynamoDb.TABLE)
                        .item(Map.of("id", AttributeValue.fromS(c.id),
                                "value", AttributeValue.fromN(Long.toString(c.value)),
                                "version", AttributeValue.fromN(Long.toString(next))));
                if (entry.isNew) {
                    put.conditionExpression("attribute_not_exists(id)");
                } else {
                    put.conditionExpression("version = :v")
                            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(c.version))));
                }
                try {
                    client.putItem(put.build());
                } catch (ConditionalCheckFailedException e) {
                    throw new OptimisticLockException(List.of(new OptimisticLockException.Conflict(Counter.class,
                            Key.of(c.id), entry.isNew ? "expected no item" : "expected version " + c.version,
                            Optional.ofNullable(c.version), Optional.empty(), Optional.empty())), e);
                }
                c.version = next;
                entry.loadedValue = c.value;
                entry.isNew = false;
            }
        }

        @Override
        public void rollback() {
            open();
            managed.values().removeIf(e -> e.isNew);
            managed.values().forEach(e -> e.entity.value = e.loadedValue);
        }

        @Override
        public boolean isDirty() {
            return managed.values().stream().anyMatch(Entry::dirty);
        }

        @Override
        public void close() {
            closed = true;
            managed.clear();
        }
    }
}
