package io.dynamapper.engine.internal.keys;

import static java.util.Objects.requireNonNull;

import io.dynamapper.DynamapperException;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.internal.mapping.PropertyModel;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Assigns {@code @AutoIncrement} and {@code @AutoUuid} keys of one session factory. Thread-safe.
 *
 * <p>Auto-increment keys come in blocks (hi/lo): one {@code UpdateItem ADD #s :block} on the
 * table's counter item ({@link EntityModel#sequenceKey()}) returns the new high value {@code hi};
 * the factory then hands out {@code hi - block + 1 .. hi} without further requests. The increment is
 * atomic in DynamoDB, so blocks of different factories (and processes) never overlap.
 */
public final class KeyGenerator {
    /** Seeded on first use (the first {@code @AutoUuid} key), not when a factory is built. */
    private static final class Random {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    private final DynamoDbClient client;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Block> blocks = new ConcurrentHashMap<>();

    /**
     * A generator allocating from the given client, with the system clock for UUIDs.
     *
     * @throws NullPointerException if {@code client} is null
     */
    public KeyGenerator(DynamoDbClient client) {
        this(client, System::currentTimeMillis);
    }

    KeyGenerator(DynamoDbClient client, LongSupplier clock) {
        this.client = requireNonNull(client, "client == null");
        this.clock = requireNonNull(clock, "clock == null");
    }

    /**
     * Sets the entity's unset generated keys (auto-increment: 0 or null; UUID: null). Does nothing
     * for an entity without generated keys.
     *
     * @throws DynamapperException if the counter cannot be updated (no table, no access), naming the table
     */
    public <T> void assign(EntityModel<T> model, T entity) {
        if (model.autoIncrement().isPresent()) {
            PropertyModel key = model.autoIncrement().get();
            if (model.keyUnset(key, entity)) {
                model.assignKey(key, entity, next(model));
            }
        }
        for (PropertyModel key : model.autoUuids()) {
            if (key.read(entity) == null) {
                UUID uuid = uuidV7(clock.getAsLong());
                model.assignKey(key, entity, key.javaType() == String.class ? uuid.toString() : uuid);
            }
        }
    }

    /** The next auto-increment key of the model's table. */
    long next(EntityModel<?> model) {
        Block block = blocks.computeIfAbsent(model.tableName(), t -> new Block());
        synchronized (block) {
            if (block.next > block.last) {
                int size = model.autoIncrementBlockSize();
                long hi = reserve(model, size);
                block.next = hi - size + 1;
                block.last = hi;
            }
            return block.next++;
        }
    }

    private long reserve(EntityModel<?> model, int size) {
        UpdateItemRequest request = UpdateItemRequest.builder().tableName(model.tableName()).key(model.sequenceKey())
                .updateExpression("ADD #s :n").expressionAttributeNames(Map.of("#s", EntityModel.SEQUENCE_ATTRIBUTE))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Integer.toString(size))))
                .returnValues(ReturnValue.UPDATED_NEW).build();
        try {
            String hi = client.updateItem(request).attributes().get(EntityModel.SEQUENCE_ATTRIBUTE).n();
            return new BigInteger(hi).longValueExact();
        } catch (SdkException e) {
            throw new DynamapperException("Cannot allocate @AutoIncrement keys for " + model.type().getSimpleName()
                    + " from the counter item " + model.sequenceKey() + " of table '" + model.tableName() + "': "
                    + e.getMessage() + "; nothing was saved", e);
        } catch (ArithmeticException e) {
            throw new DynamapperException("The @AutoIncrement counter of table '" + model.tableName()
                    + "' has passed Long.MAX_VALUE; no more keys can be allocated", e);
        }
    }

    /**
     * A version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, the version, 74 random bits and the
     * variant.
     */
    static UUID uuidV7(long epochMillis) {
        byte[] random = new byte[10];
        Random.RANDOM.nextBytes(random);
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L | (random[2] & 0x3FL) << 56;
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }

    /** The unused part of a factory's current block of one table: {@code next .. last}. */
    private static final class Block {
        long next = 1;
        long last = 0;
    }
}
