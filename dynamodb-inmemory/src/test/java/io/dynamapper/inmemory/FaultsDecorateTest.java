package io.dynamapper.inmemory;

import static io.dynamapper.inmemory.Fixtures.item;
import static io.dynamapper.inmemory.Fixtures.n;
import static io.dynamapper.inmemory.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** {@link Faults#decorate}: the same fault rules in front of any client, here one reached over HTTP. */
class FaultsDecorateTest {
    private final InMemoryDynamoDb backend = Fixtures.withTable();

    private static PutItemRequest put(String pk) {
        return PutItemRequest.builder().tableName("things").item(item("pk", s(pk), "sk", n("1"))).build();
    }

    @Test
    void aFaultBeforeTheCallNeverReachesTheClientAndIsCounted() {
        Faults faults = Faults.create();
        DynamoDbClient flaky = faults.decorate(backend);
        backend.clearRequests();
        faults.on(Operation.PUT_ITEM).failNext(1, Fault.THROTTLING);
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> flaky.putItem(put("a")));
        assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
        assertEquals(0, backend.requestCount(), "the decorated client was not called");
        flaky.putItem(put("a"));
        assertEquals(1, backend.requestCount());
        assertEquals(1, faults.injected(Operation.PUT_ITEM));
    }

    @Test
    void requestBuilderVariantsGoThroughTheFaultsToo() {
        Faults faults = Faults.create();
        DynamoDbClient flaky = faults.decorate(backend);
        faults.on(Operation.PUT_ITEM).failNext(1, Fault.IO_ERROR_AFTER_APPLY);
        assertThrows(SdkClientException.class,
                () -> flaky.putItem(b -> b.tableName("things").item(item("pk", s("b"), "sk", n("1")))));
        assertTrue(backend.getItem(b -> b.tableName("things").key(item("pk", s("b"), "sk", n("1")))).hasItem(),
                "applied, then the answer was lost");
    }

    @Test
    void seededProbabilityGivesTheSameSequenceOverHttp() {
        List<Boolean> first = run(42);
        assertEquals(first, run(42));
        assertTrue(first.contains(true) && first.contains(false), first::toString);
    }

    private List<Boolean> run(long seed) {
        InMemoryDynamoDb db = Fixtures.withTable();
        db.clearRequests();
        List<Boolean> failed = new ArrayList<>();
        try (InMemoryDynamoDbServer server = db.serve(); DynamoDbClient http = HttpClients.client(server.uri())) {
            Faults faults = Faults.create();
            DynamoDbClient flaky = faults.decorate(http);
            faults.on(Operation.GET_ITEM).failWithProbability(0.5, seed, Fault.INTERNAL_SERVER_ERROR);
            for (int i = 0; i < 20; i++) {
                try {
                    flaky.getItem(b -> b.tableName("things").key(item("pk", s("x"), "sk", n("1"))));
                    failed.add(false);
                } catch (DynamoDbException e) {
                    assertEquals(500, e.statusCode());
                    failed.add(true);
                }
            }
            assertEquals(failed.stream().filter(f -> !f).count(), db.requestCount());
        }
        return failed;
    }

    @Test
    void otherMethodsReachTheClient() {
        DynamoDbClient decorated = Faults.create().decorate(backend);
        assertEquals("dynamodb", decorated.serviceName());
        assertEquals(List.of("things"), decorated.listTablesPaginator().tableNames().stream().toList());
        assertThrows(NullPointerException.class, () -> Faults.create().decorate(null));
    }
}
