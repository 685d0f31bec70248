package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.CommitOutcomeUnknownException;
import io.dynamapper.DynamapperException;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.Session;
import io.dynamapper.engine.internal.retry.RetryBudget;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.session.TestEntities.Account;
import io.dynamapper.inmemory.Fault;
import io.dynamapper.inmemory.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.AdditionalAnswers;
import org.mockito.Mockito;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Transient failures and unknown outcomes, injected into the in-memory DynamoDB ({@code recording.faults()});
 * its request log shows every attempt sent, failed ones included.
 *
 * <p>Mockito only where the fake cannot produce the fault: an exception it never throws for a valid
 * request ({@code ApiCallTimeoutException}, a {@code ConnectException}, a {@code ValidationException},
 * a condition failure reporting SDK-level retries), or a failure during which something else happens
 * (another writer commits, the clock passes the token window). The mock passes every other call to
 * the fake ({@link #delegatingToTheFake()}).
 */
class CommitRetryTest extends SessionTestSupport {
    @BeforeEach
    void twoAccounts() {
        putRaw("account", Map.of("id", s("a"), "balance", n(1), "version", n(1)));
        putRaw("account", Map.of("id", s("b"), "balance", n(1), "version", n(1)));
    }

    /** A client passing every call to the fake, until a test stubs a fault into one method. */
    private static DynamoDbClient delegatingToTheFake() {
        return Mockito.mock(DynamoDbClient.class, AdditionalAnswers.delegatesTo(LOCAL));
    }

    private static SdkClientException connectionReset() {
        return SdkClientException.create("Connection reset");
    }

    private void changeBoth(Session s) {
        s.get(Account.class, "a").balance += 10;
        s.get(Account.class, "b").balance += 10;
    }

    @Test
    void aTransactionConflictIsRetriedWithTheSameTokenAndBackoff() {
        recording.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(2, Fault.TRANSACTION_CONFLICT);
        try (Session s = sessions.openSession()) {
            changeBoth(s);
            s.commit();
            assertEquals(2, s.get(Account.class, "a").version);
        }
        List<TransactWriteItemsRequest> sent = recording.requests(TransactWriteItemsRequest.class);
        assertEquals(3, sent.size());
        assertEquals(1, sent.stream().map(TransactWriteItemsRequest::clientRequestToken).distinct().count());
        assertEquals(2, sleeps.size());
        assertTrue(sleeps.get(0).compareTo(RetryBudget.delayCap(policy, 1)) <= 0);
        assertTrue(sleeps.get(1).compareTo(RetryBudget.delayCap(policy, 2)) <= 0);
        assertEquals(n(11), getRaw("account", Map.of("id", s("a"))).get("balance"));
    }

    @Test
    void throttlingOfASingleWriteIsRetried() {
        recording.faults().on(Operation.UPDATE_ITEM).failNext(1, Fault.PROVISIONED_THROUGHPUT_EXCEEDED)
                .failNext(1, Fault.THROTTLING).failNext(1, Fault.INTERNAL_SERVER_ERROR);
        try (Session s = sessions.openSession()) {
            s.get(Account.class, "a").balance = 5;
            s.commit();
        }
        assertEquals(4, recording.requests(UpdateItemRequest.class).size());
        assertEquals(3, sleeps.size());
        assertEquals(n(5), getRaw("account", Map.of("id", s("a"))).get("balance"));
    }

    @Test
    void aTransactionWhoseResponseWasLostIsAppliedExactlyOnce() {
        recording.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(1, Fault.IO_ERROR_AFTER_APPLY);
        try (Session s = sessions.openSession()) {
            changeBoth(s);
            s.commit(); // the retry with the same token succeeds without applying again
            assertEquals(2, s.get(Account.class, "a").version);
        }
        List<TransactWriteItemsRequest> sent = recording.requests(TransactWriteItemsRequest.class);
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).clientRequestToken(), sent.get(1).clientRequestToken());
        assertEquals(n(11), getRaw("account", Map.of("id", s("a"))).get("balance"));
        assertEquals(n(2), getRaw("account", Map.of("id", s("a"))).get("version"));
    }

    @Test
    void aSingleUpdateWhoseResponseWasLostIsUnknownEvenWhenTheItemHoldsItsValues() {
        // equal values are no proof: another writer could have made the identical change
        DynamoDbClient client = delegatingToTheFake(); // Mockito: the fake never times out
        Mockito.doAnswer(call -> {
            LOCAL.updateItem(call.<UpdateItemRequest>getArgument(0));
            throw ApiCallTimeoutException.create(1000);
        }).doAnswer(AdditionalAnswers.delegatesTo(LOCAL)).when(client).updateItem(Mockito.any(UpdateItemRequest.class));
        try (Session s = new DefaultSessionFactory(client, policy, SessionOptions.defaults()).openSession()) {
            Account a = s.get(Account.class, "a");
            a.balance = 7;
            assertThrows(CommitOutcomeUnknownException.class, s::commit);
            assertEquals(1, a.version, "the session is unchanged");
            assertTrue(s.isDirty());
        }
        assertEquals(2, recording.requests(UpdateItemRequest.class).size());
    }

    @Test
    void aSinglePutWhoseResponseWasLostIsUnknown() {
        recording.faults().on(Operation.PUT_ITEM).failNext(1, Fault.IO_ERROR_AFTER_APPLY);
        try (Session s = sessions.openSession()) {
            Account c = new Account("c", 3);
            s.save(c);
            assertThrows(CommitOutcomeUnknownException.class, s::commit);
            assertEquals(0, c.version);
        }
        assertEquals(2, recording.requests(PutItemRequest.class).size());
    }

    @Test
    void aSingleDeleteWhoseResponseWasLostIsUnknown() {
        recording.faults().on(Operation.DELETE_ITEM).failNext(1, Fault.IO_ERROR_AFTER_APPLY);
        try (Session s = sessions.openSession()) {
            Account a = s.get(Account.class, "a");
            s.delete(a);
            assertThrows(CommitOutcomeUnknownException.class, s::commit);
            assertTrue(s.isDirty(), "the delete is still pending");
        }
        assertEquals(2, recording.requests(DeleteItemRequest.class).size());
    }

    @Test
    void aWriteRetriedInsideTheSdkWhoseConditionFailsIsUnknown() {
        // the SDK's own retry hid the first attempt: the condition failure reports 2 attempts
        DynamoDbClient client = delegatingToTheFake(); // Mockito: the fake reports no SDK-level attempts
        Mockito.doAnswer(call -> {
            LOCAL.updateItem(call.<UpdateItemRequest>getArgument(0));
            throw ConditionalCheckFailedException.builder().message("condition")
                    .statusCode(400).numAttempts(2).item(getRaw("account", Map.of("id", s("a")))).build();
        }).doAnswer(AdditionalAnswers.delegatesTo(LOCAL)).when(client).updateItem(Mockito.any(UpdateItemRequest.class));
        try (Session s = new DefaultSessionFactory(client, policy, SessionOptions.defaults()).openSession()) {
            Account a = s.get(Account.class, "a");
            a.balance = 8;
            assertThrows(CommitOutcomeUnknownException.class, s::commit);
            assertEquals(1, a.version);
        }
        assertEquals(1, recording.requests(UpdateItemRequest.class).size());
    }

    @Test
    void anIdenticalConcurrentDepositAfterALostSingleWriteIsNotReportedAsOurs() {
        // our first attempt never lands; meanwhile someone makes the very same deposit from the same
        // version: the stored item then equals what we meant to write, yet our deposit was not applied
        SessionFactory others = new DefaultSessionFactory(LOCAL, policy, SessionOptions.defaults());
        DynamoDbClient client = delegatingToTheFake(); // Mockito: another writer commits during the failure
        Mockito.doAnswer(call -> {
            others.useTransaction(o -> o.get(Account.class, "a").balance += 10);
            throw SdkClientException.create("Read timed out");
        }).doAnswer(AdditionalAnswers.delegatesTo(LOCAL)).when(client).updateItem(Mockito.any(UpdateItemRequest.class));
        SessionFactory sessions = new DefaultSessionFactory(client, policy, SessionOptions.defaults());
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        assertThrows(CommitOutcomeUnknownException.class, () -> sessions.useTransaction(s -> {
            runs.incrementAndGet();
            s.get(Account.class, "a").balance += 10;
        }));
        assertEquals(1, runs.get());
        assertEquals(n(11), getRaw("account", Map.of("id", s("a"))).get("balance"), "only the other deposit is stored");
    }

    @Test
    void anIdenticalConcurrentTransactionAfterALostRequestIsAConflictProvedByTheToken() {
        SessionFactory others = new DefaultSessionFactory(LOCAL, policy, SessionOptions.defaults());
        DynamoDbClient client = delegatingToTheFake(); // Mockito: another writer commits during the failure
        Mockito.doAnswer(call -> {
            others.useTransaction(this::changeBoth);
            throw SdkClientException.create("Read timed out");
        }).doAnswer(AdditionalAnswers.delegatesTo(LOCAL))
                .when(client).transactWriteItems(Mockito.any(TransactWriteItemsRequest.class));
        SessionFactory sessions = new DefaultSessionFactory(client, policy, SessionOptions.defaults());
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        sessions.useTransaction(s -> {
            runs.incrementAndGet();
            changeBoth(s);
        });
        assertEquals(2, runs.get(), "the token proves the first attempt was not applied: re-run");
        assertEquals(n(21), getRaw("account", Map.of("id", s("a"))).get("balance"), "both deposits stored");
        assertEquals(n(21), getRaw("account", Map.of("id", s("b"))).get("balance"));
    }

    @Test
    void exactlyOnceSingleWritesSettleALostResponseWithTheToken() {
        recording.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(1, Fault.IO_ERROR_AFTER_APPLY);
        try (Session s = sessions.openSession(SessionOptions.defaults().withExactlyOnceSingleWrites(true))) {
            Account a = s.get(Account.class, "a");
            a.balance += 10;
            s.commit();
            assertEquals(2, a.version);
        }
        List<TransactWriteItemsRequest> sent = recording.requests(TransactWriteItemsRequest.class);
        assertEquals(2, sent.size());
        assertEquals(1, sent.get(0).transactItems().size(), "one action");
        assertEquals(sent.get(0).clientRequestToken(), sent.get(1).clientRequestToken());
        assertEquals(0, recording.requests(UpdateItemRequest.class).size());
        assertEquals(n(11), getRaw("account", Map.of("id", s("a"))).get("balance"), "applied exactly once");
    }

    @Test
    void noRetryIsSentOnceTheTokenWindowMayHavePassed() {
        long[] now = {0};
        DynamoDbClient client = delegatingToTheFake(); // Mockito: the clock passes the token window during the failure
        Mockito.doAnswer(call -> {
            now[0] += Duration.ofMinutes(10).toNanos();
            throw connectionReset();
        }).doAnswer(AdditionalAnswers.delegatesTo(LOCAL))
                .when(client).transactWriteItems(Mockito.any(TransactWriteItemsRequest.class));
        SessionFactory clocked = new DefaultSessionFactory(client, policy, SessionOptions.defaults(), () -> now[0]);
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        CommitOutcomeUnknownException e = assertThrows(CommitOutcomeUnknownException.class,
                () -> clocked.useTransaction(s -> {
                    runs.incrementAndGet();
                    changeBoth(s);
                }));
        assertTrue(e.getMessage().contains("token"), e.getMessage());
        assertEquals(1, runs.get());
        Mockito.verify(client, Mockito.times(1).description("no retry after the window"))
                .transactWriteItems(Mockito.any(TransactWriteItemsRequest.class));
    }

    @Test
    void aConditionFailureAfterTheTokenWindowIsUnknownNotAConflict() {
        long[] now = {0};
        // applied, response lost; the retry arrives when DynamoDB may have forgotten the token, so
        // our own applied write fails its condition (Mockito: the clock moves during each failure)
        DynamoDbClient client = delegatingToTheFake();
        Mockito.doAnswer(call -> {
            LOCAL.transactWriteItems(call.<TransactWriteItemsRequest>getArgument(0));
            now[0] += Duration.ofMinutes(5).toNanos();
            throw connectionReset();
        }).doAnswer(call -> {
            now[0] += Duration.ofMinutes(5).toNanos();
            throw TransactionCanceledException.builder().message("Transaction cancelled")
                    .cancellationReasons(CancellationReason.builder().code("ConditionalCheckFailed").build(),
                            CancellationReason.builder().code("None").build()).build();
        }).doAnswer(AdditionalAnswers.delegatesTo(LOCAL))
                .when(client).transactWriteItems(Mockito.any(TransactWriteItemsRequest.class));
        SessionFactory clocked = new DefaultSessionFactory(client, policy, SessionOptions.defaults(), () -> now[0]);
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        assertThrows(CommitOutcomeUnknownException.class, () -> clocked.useTransaction(s -> {
            runs.incrementAndGet();
            changeBoth(s);
        }));
        assertEquals(1, runs.get(), "not re-run: that would apply the deposit twice");
        assertEquals(n(11), getRaw("account", Map.of("id", s("a"))).get("balance"));
    }

    @Test
    void aConnectionNeverMadeIsRetriedAsNothingWasSent() {
        DynamoDbClient client = delegatingToTheFake(); // Mockito: the fake's I/O faults are not a ConnectException
        Mockito.doAnswer(call -> {
            throw SdkClientException.builder().message("Unable to execute HTTP request")
                    .cause(new java.net.ConnectException("Connection refused")).build();
        }).when(client).updateItem(Mockito.any(UpdateItemRequest.class));
        try (Session s = new DefaultSessionFactory(client, policy, SessionOptions.defaults()).openSession()) {
            s.get(Account.class, "a").balance = 2;
            RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, s::commit);
            assertFalse(e.getMessage().contains("may or may not"), e.getMessage());
        }
    }

    @Test
    void anUnknownOutcomeFollowedBySomeoneElsesWriteIsStillAConflict() {
        SessionFactory others = new DefaultSessionFactory(LOCAL, policy, SessionOptions.defaults());
        DynamoDbClient client = delegatingToTheFake(); // Mockito: another writer commits during the failure
        Mockito.doAnswer(call -> {
            others.useTransaction(o -> o.get(Account.class, "a").balance = 99);
            throw SdkClientException.create("Read timed out");
        }).doAnswer(AdditionalAnswers.delegatesTo(LOCAL)).when(client).updateItem(Mockito.any(UpdateItemRequest.class));
        try (Session s = new DefaultSessionFactory(client, policy, SessionOptions.defaults()).openSession()) {
            Account a = s.get(Account.class, "a");
            a.balance = 7;
            OptimisticLockException e = assertThrows(OptimisticLockException.class, s::commit);
            assertEquals(Optional.of(2L), e.conflicts().get(0).actualVersion());
            assertEquals(1, e.getSuppressed().length, "the transient failure is attached");
            assertEquals(1, a.version);
        }
        assertEquals(n(99), getRaw("account", Map.of("id", s("a"))).get("balance"));
    }

    @Test
    void anUnknownOutcomeThenAWriteBeyondOursLeavesTheOutcomeUnknownAndInTransactionDoesNotReRun() {
        SessionFactory others = new DefaultSessionFactory(LOCAL, policy, SessionOptions.defaults());
        // our update is applied (version 2), the response is lost, someone else then writes version 3
        DynamoDbClient client = delegatingToTheFake(); // Mockito: another writer commits during the failure
        Mockito.doAnswer(call -> {
            LOCAL.updateItem(call.<UpdateItemRequest>getArgument(0));
            others.useTransaction(o -> o.get(Account.class, "a").balance += 1000);
            throw connectionReset();
        }).doAnswer(AdditionalAnswers.delegatesTo(LOCAL)).when(client).updateItem(Mockito.any(UpdateItemRequest.class));
        SessionFactory sessions = new DefaultSessionFactory(client, policy, SessionOptions.defaults());
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        io.dynamapper.CommitOutcomeUnknownException e = assertThrows(io.dynamapper.CommitOutcomeUnknownException.class,
                () -> sessions.useTransaction(s -> {
                    runs.incrementAndGet();
                    s.get(Account.class, "a").balance += 50;
                }));
        assertEquals(1, runs.get(), "not re-run: that could apply the deposit twice");
        assertTrue(e.getMessage().contains("may or may not have been applied"), e.getMessage());
        assertEquals(n(1051), getRaw("account", Map.of("id", s("a"))).get("balance"), "each deposit exactly once");
    }

    @Test
    void aTransactionWhoseEveryResponseIsLostIsNotRunAgain() {
        recording.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(policy.maxAttempts(), Fault.IO_ERROR_AFTER_APPLY);
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        io.dynamapper.CommitOutcomeUnknownException e = assertThrows(io.dynamapper.CommitOutcomeUnknownException.class,
                () -> sessions.useTransaction(s -> {
                    runs.incrementAndGet();
                    changeBoth(s);
                }));
        assertEquals(1, runs.get());
        assertEquals(policy.maxAttempts() - 1, e.getSuppressed().length, "every earlier failure is attached");
        assertEquals(1, recording.requests(TransactWriteItemsRequest.class).stream()
                .map(TransactWriteItemsRequest::clientRequestToken).distinct().count(), "one token for every attempt");
        assertEquals(n(11), getRaw("account", Map.of("id", s("a"))).get("balance"), "applied exactly once");
        assertEquals(n(2), getRaw("account", Map.of("id", s("a"))).get("version"));
    }

    @Test
    void aSessionWhoseCommitOutcomeIsUnknownKeepsItsChanges() {
        recording.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(1, Fault.IO_ERROR_AFTER_APPLY)
                .failNext(policy.maxAttempts() - 1, Fault.PROVISIONED_THROUGHPUT_EXCEEDED);
        try (Session s = sessions.openSession()) {
            changeBoth(s);
            assertThrows(io.dynamapper.CommitOutcomeUnknownException.class, s::commit);
            assertTrue(s.isDirty());
            assertEquals(1, s.get(Account.class, "a").version, "no version bumped in memory");
        }
    }

    @Test
    void retriesExhaustedCarryEveryEarlierFailureAndLeaveTheSessionAsItWas() {
        recording.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(5, Fault.PROVISIONED_THROUGHPUT_EXCEEDED);
        try (Session s = sessions.openSession()) {
            changeBoth(s);
            RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, s::commit);
            assertEquals(5, e.attempts());
            assertTrue(e.getCause() instanceof ProvisionedThroughputExceededException);
            assertEquals(4, e.getSuppressed().length);
            for (Throwable earlier : e.getSuppressed()) {
                assertTrue(earlier instanceof ProvisionedThroughputExceededException);
                assertTrue(earlier != e.getCause());
            }
            assertEquals(4, sleeps.size(), "backoff through the policy's sleeper, no real sleeping");
            assertEquals(1, s.get(Account.class, "a").version);
            assertTrue(s.isDirty());
            s.commit(); // the faults are used up: the same pending changes now commit
            assertEquals(2, s.get(Account.class, "a").version);
        }
    }

    @Test
    void inTransactionSharesOneBudgetAndDoesNotReRunWhenItIsSpent() {
        recording.faults().on(Operation.TRANSACT_WRITE_ITEMS).failNext(100, Fault.TRANSACTION_CONFLICT);
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, () -> sessions.useTransaction(s -> {
            runs.incrementAndGet();
            changeBoth(s);
        }));
        assertEquals(1, runs.get(), "the budget is spent: no re-run");
        assertEquals(policy.maxAttempts(), recording.requests(TransactWriteItemsRequest.class).size(),
                "5 requests in all, not 5 commit attempts times 5 runs");
        assertEquals(policy.maxAttempts() - 1, sleeps.size());
        assertEquals(policy.maxAttempts() - 1, e.getSuppressed().length);
        assertEquals(n(1), getRaw("account", Map.of("id", s("a"))).get("balance"));
    }

    @Test
    void aRejectedRequestIsNotRetried() {
        DynamoDbClient client = delegatingToTheFake(); // Mockito: the engine sends the fake no invalid request
        Mockito.doThrow(DynamoDbException.builder().statusCode(400).message("One or more "
                + "parameter values were invalid").awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("ValidationException").build()).build())
                .doAnswer(AdditionalAnswers.delegatesTo(LOCAL)).when(client).updateItem(Mockito.any(UpdateItemRequest.class));
        try (Session s = new DefaultSessionFactory(client, policy, SessionOptions.defaults()).openSession()) {
            Account a = s.get(Account.class, "a");
            a.balance = 2;
            DynamapperException e = assertThrows(DynamapperException.class, s::commit);
            assertSame(DynamapperException.class, e.getClass());
            assertTrue(e.getMessage().contains("update Account ('a')"), e.getMessage());
            assertEquals(0, sleeps.size());
            assertEquals(1, a.version);
        }
    }

    @Test
    void theFactoryPolicyCanBeOverriddenPerSession() {
        recording.faults().on(Operation.UPDATE_ITEM).failNext(1, Fault.PROVISIONED_THROUGHPUT_EXCEEDED);
        try (Session s = sessions.openSession(SessionOptions.defaults().withRetryPolicy(policy.withMaxAttempts(1)))) {
            s.get(Account.class, "a").balance = 2;
            RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, s::commit);
            assertEquals(1, e.attempts());
        }
    }
}
