package io.dynamapper.inmemory;

import static io.dynamapper.inmemory.Fixtures.item;
import static io.dynamapper.inmemory.Fixtures.n;
import static io.dynamapper.inmemory.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class FaultsTest {
    private final InMemoryDynamoDb ddb = Fixtures.withTable();

    private void put(String pk) {
        ddb.putItem(b -> b.tableName("things").item(item("pk", s(pk), "sk", n("1"))));
    }

    private boolean exists(String pk) {
        return ddb.getItem(b -> b.tableName("things").key(item("pk", s(pk), "sk", n("1")))).hasItem();
    }

    @Test
    void failNextThenSucceedAndCount() {
        ddb.faults().on(Operation.PUT_ITEM).failNext(2, Fault.THROTTLING);
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> put("a"));
        assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
        assertEquals(400, e.statusCode());
        assertThrows(DynamoDbException.class, () -> put("a"));
        assertEquals(false, exists("a"));
        put("a");
        assertTrue(exists("a"));
        assertEquals(2, ddb.faults().injected(Operation.PUT_ITEM));
        assertEquals(0, ddb.faults().injected(Operation.GET_ITEM));
    }

    @Test
    void failEveryThirdCall() {
        ddb.faults().on(Operation.GET_ITEM).failEvery(3, Fault.PROVISIONED_THROUGHPUT_EXCEEDED);
        int failures = 0;
        for (int i = 0; i < 9; i++) {
            try {
                exists("x");
            } catch (ProvisionedThroughputExceededException e) {
                failures++;
            }
        }
        assertEquals(3, failures);
        assertEquals(3, ddb.faults().injected(Operation.GET_ITEM));
    }

    @Test
    void probabilityIsDeterministicForASeed() {
        List<Boolean> first = outcomes(42);
        List<Boolean> second = outcomes(42);
        assertEquals(first, second);
        assertTrue(first.contains(true) && first.contains(false));
    }

    private List<Boolean> outcomes(long seed) {
        InMemoryDynamoDb fresh = Fixtures.withTable();
        fresh.faults().on(Operation.GET_ITEM).failWithProbability(0.5, seed, Fault.INTERNAL_SERVER_ERROR);
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            try {
                fresh.getItem(b -> b.tableName("things").key(item("pk", s("x"), "sk", n("1"))));
                out.add(false);
            } catch (InternalServerErrorException e) {
                assertEquals(500, e.statusCode());
                out.add(true);
            }
        }
        return out;
    }

    @Test
    void ioErrorBeforeSendAppliesNothingAndAfterApplyApplies() {
        ddb.faults().on(Operation.PUT_ITEM).failNext(1, Fault.IO_ERROR_BEFORE_SEND).failNext(1, Fault.IO_ERROR_AFTER_APPLY);
        SdkClientException before = assertThrows(SdkClientException.class, () -> put("a"));
        assertInstanceOf(IOException.class, before.getCause());
        assertEquals(false, exists("a"));
        SdkClientException after = assertThrows(SdkClientException.class, () -> put("a"));
        assertInstanceOf(IOException.class, after.getCause());
        assertTrue(exists("a"));
    }

    @Test
    void transactionConflictHasOneReasonPerAction() {
        ddb.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(1, Fault.TRANSACTION_CONFLICT);
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                () -> ddb.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().put(p -> p.tableName("things").item(item("pk", s("a"), "sk", n("1")))).build(),
                        TransactWriteItem.builder().put(p -> p.tableName("things").item(item("pk", s("b"), "sk", n("1")))).build())));
        assertEquals(List.of("TransactionConflict", "None"), e.cancellationReasons().stream().map(r -> r.code()).toList());
        assertEquals(false, exists("a"));
    }

    @Test
    void latencyUsesTheSleeperAndClearRemovesRules() {
        List<Duration> slept = new ArrayList<>();
        ddb.faults().sleeper(slept::add).on(Operation.GET_ITEM).addLatency(Duration.ofMillis(50));
        exists("a");
        assertEquals(List.of(Duration.ofMillis(50)), slept);
        ddb.faults().on(Operation.GET_ITEM).failNext(1, Fault.TRANSACTION_IN_PROGRESS);
        ddb.faults().clear();
        exists("a");
        assertEquals(1, slept.size());
        assertEquals(0, ddb.faults().injectedTotal());
        assertThrows(IllegalArgumentException.class, () -> ddb.faults().on(Operation.GET_ITEM).failEvery(0, Fault.THROTTLING));
    }

    @Test
    void faultsApplyToPartiqlOperationsOnTheirOwn() {
        ddb.faults().on(Operation.EXECUTE_STATEMENT).failNext(1, Fault.IO_ERROR_AFTER_APPLY);
        assertThrows(SdkClientException.class, () -> ddb.executeStatement(b -> b.statement(
                "INSERT INTO things VALUE {'pk': 'p', 'sk': 1}")));
        assertTrue(exists("p"), "the statement applied before the injected I/O error");
        put("q");
        assertEquals(1, ddb.faults().injected(Operation.EXECUTE_STATEMENT));
        assertEquals(0, ddb.faults().injected(Operation.PUT_ITEM));
    }

    @Test
    void anInjectedConflictCancelsExecuteTransactionWithAReasonPerStatement() {
        ddb.faults().on(Operation.EXECUTE_TRANSACTION).failNext(1, Fault.TRANSACTION_CONFLICT);
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> ddb.executeTransaction(
                b -> b.transactStatements(s -> s.statement("INSERT INTO things VALUE {'pk': 'x', 'sk': 1}"),
                        s -> s.statement("INSERT INTO things VALUE {'pk': 'y', 'sk': 1}"))));
        assertEquals(2, e.cancellationReasons().size());
        assertEquals(false, exists("x"));
    }
}
