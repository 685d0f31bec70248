package io.dynamapper.examples.doommap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.Guice;
import io.dynamapper.ItemNotFoundException;
import io.dynamapper.RetryPolicy;
import io.dynamapper.SessionFactory;
import io.dynamapper.Throughput;
import io.dynamapper.guice.DynamapperModule;
import io.dynamapper.inmemory.Fault;
import io.dynamapper.inmemory.InMemoryDynamoDb;
import io.dynamapper.inmemory.Operation;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The Guice-injected {@link MapService}, unit-tested on the testkit's in-memory DynamoDB. */
class MapServiceTest {
    private final InMemoryDynamoDb db = InMemoryDynamoDb.create();
    private MapService maps;

    @BeforeEach
    void setUp() {
        var injector = Guice.createInjector(DynamapperModule.builder()
                .client(db)
                .retryPolicy(RetryPolicy.defaults().withSleeper(d -> { }))
                .build());
        injector.getInstance(SessionFactory.class).schema().createTable(DoomMap.class, Throughput.onDemand());
        maps = injector.getInstance(MapService.class);
        maps.addMap(1, 1, "Hangar", "blue key");
        maps.addMap(1, 2, "Nuclear Plant", "chainsaw");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Map<String, AttributeValue> stored(int map) {
        return db.getItem(b -> b.tableName("doom_map").consistentRead(true)
                .key(Map.of("episode", AttributeValue.fromN("1"), "map", AttributeValue.fromN(Integer.toString(map)))))
                .item();
    }

    @Test
    void renameCommitsTheNewNameAndVersion() {
        maps.renameMap(1, 1, "The Hangar");
        assertEquals("The Hangar", stored(1).get("name").s());
        assertEquals("2", stored(1).get("version").n());
    }

    @Test
    void moveSecretWritesBothMapsInOneTransaction() {
        maps.moveSecret(1, 2, 1, "chainsaw");
        assertEquals(Set.of("blue key", "chainsaw"), maps.secretsOf(1, 1));
        assertEquals(Set.of(), maps.secretsOf(1, 2));
        assertEquals(null, stored(2).get("secrets"), "an empty set is stored as no attribute");
    }

    @Test
    void aFailedMoveWritesNothing() {
        assertThrows(IllegalArgumentException.class, () -> maps.moveSecret(1, 2, 1, "BFG"));
        assertEquals(Set.of("blue key"), maps.secretsOf(1, 1));
        assertEquals("1", stored(1).get("version").n());
        assertThrows(ItemNotFoundException.class, () -> maps.moveSecret(1, 2, 9, "chainsaw"));
        assertEquals(Set.of("chainsaw"), maps.secretsOf(1, 2));
    }

    @Test
    void transactionConflictsAreRetriedAndTheMoveHappensOnce() {
        db.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(2, Fault.TRANSACTION_CONFLICT);
        maps.moveSecret(1, 2, 1, "chainsaw");
        assertEquals(2, db.faults().injected(Operation.TRANSACT_WRITE_ITEMS));
        assertEquals(Set.of("blue key", "chainsaw"), maps.secretsOf(1, 1));
        assertEquals("2", stored(1).get("version").n());
    }

    @Test
    void anUnknownOutcomeIsAppliedExactlyOnce() {
        db.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(1, Fault.IO_ERROR_AFTER_APPLY);
        maps.moveSecret(1, 2, 1, "chainsaw");
        assertEquals(1, db.faults().injected(Operation.TRANSACT_WRITE_ITEMS));
        assertEquals(Set.of("blue key", "chainsaw"), maps.secretsOf(1, 1));
        assertEquals("2", stored(1).get("version").n(), "the retry with the same token did not apply it again");
        assertEquals("2", stored(2).get("version").n());
    }
}
