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
import io.dynamapper.engine.testing.RecordingClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Transient failures and unknown outcomes, injected around the in-memory DynamoDB. */
class CommitRetryTest extends SessionTestSupport {
    private FaultyClient faulty;

    @BeforeEach
    void faultyClient() {
        faulty = FaultyClient.wrap(LOCAL);
        recording = RecordingClient.wrap(faulty.client());
        sessions = new DefaultSessionFactory(recording.client(), policy, SessionOptions.defaults());
        putRaw("account", Map.of("id", s("a"), "balance", n(1), "version", n(1)));
        putRaw("account", Map.of("id", s("b"), "balance", n(1), "version", n(1)));
    }

    private static Supplier<RuntimeException> transactionConflict() {
        return () -> TransactionCanceledException.builder().message("Transaction cancelled")
                .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build(),
                        CancellationReason.builder().code("None").build())
                .build();
    }

    private static Supplier<RuntimeException> throttled() {
        return () -> ProvisionedThroughputExceededException.builder().message("slow down").statusCode(400).build();
    }

    private static Supplier<RuntimeException> connectionReset() {
        return () -> SdkClientException.create("Connection reset");
    }

    private void changeBoth(Session s) {
        s.get(Account.class, "a").balance += 10;
        s.get(Account.class, "b").balance += 10;
    }

    @Test
    void aTransactionConflictIsRetriedWithTheSameTokenAndBackoff() {
        faulty.fail("transactWriteItems", 2, transactionConflict());
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
        faulty.fail("updateItem", 1, throttled());
        faulty.fail("updateItem", 1, () -> DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build());
        faulty.fail("updateItem", 1, () -> InternalServerErrorException.builder().statusCode(500).message("oops").build());
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
        faulty.applyThenFail("transactWriteItems", connectionReset());
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
        faulty.applyThenFail("updateItem", () -> ApiCallTimeoutException.create(1000));
        try (Session s = sessions.openSession()) {
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
        faulty.applyThenFail("putItem", connectionReset());
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
        faulty.applyThenFail("deleteItem", connectionReset());
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
        faulty.applyThenFail("updateItem", () -> ConditionalCheckFailedException.builder().message("condition")
                .statusCode(400).numAttempts(2).item(getRaw("account", Map.of("id", s("a")))).build());
        try (Session s = sessions.openSession()) {
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
        faulty.fail("updateItem", 1, () -> {
            others.useTransaction(o -> o.get(Account.class, "a").balance += 10);
            return SdkClientException.create("Read timed out");
        });
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
        faulty.fail("transactWriteItems", 1, () -> {
            others.useTransaction(this::changeBoth);
            return SdkClientException.create("Read timed out");
        });
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
        faulty.applyThenFail("transactWriteItems", connectionReset());
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
        SessionFactory clocked = new DefaultSessionFactory(recording.client(), policy, SessionOptions.defaults(),
                () -> now[0]);
        faulty.fail("transactWriteItems", 1, () -> {
            now[0] += Duration.ofMinutes(10).toNanos();
            return connectionReset().get();
        });
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        CommitOutcomeUnknownException e = assertThrows(CommitOutcomeUnknownException.class,
                () -> clocked.useTransaction(s -> {
                    runs.incrementAndGet();
                    changeBoth(s);
                }));
        assertTrue(e.getMessage().contains("token"), e.getMessage());
        assertEquals(1, runs.get());
        assertEquals(1, recording.requests(TransactWriteItemsRequest.class).size(), "no retry after the window");
    }

    @Test
    void aConditionFailureAfterTheTokenWindowIsUnknownNotAConflict() {
        long[] now = {0};
        SessionFactory clocked = new DefaultSessionFactory(recording.client(), policy, SessionOptions.defaults(),
                () -> now[0]);
        // applied, response lost; the retry arrives when DynamoDB may have forgotten the token, so
        // our own applied write fails its condition
        faulty.applyThenFail("transactWriteItems", () -> {
            now[0] += Duration.ofMinutes(5).toNanos();
            return connectionReset().get();
        });
        faulty.fail("transactWriteItems", 1, () -> {
            now[0] += Duration.ofMinutes(5).toNanos();
            return TransactionCanceledException.builder().message("Transaction cancelled")
                    .cancellationReasons(CancellationReason.builder().code("ConditionalCheckFailed").build(),
                            CancellationReason.builder().code("None").build()).build();
        });
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
        faulty.fail("updateItem", 5, () -> SdkClientException.builder().message("Unable to execute HTTP request")
                .cause(new java.net.ConnectException("Connection refused")).build());
        try (Session s = sessions.openSession()) {
            s.get(Account.class, "a").balance = 2;
            RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, s::commit);
            assertFalse(e.getMessage().contains("may or may not"), e.getMessage());
        }
    }

    @Test
    void anUnknownOutcomeFollowedBySomeoneElsesWriteIsStillAConflict() {
        SessionFactory others = new DefaultSessionFactory(LOCAL, policy, SessionOptions.defaults());
        faulty.fail("updateItem", 1, () -> {
            others.useTransaction(o -> o.get(Account.class, "a").balance = 99);
            return SdkClientException.create("Read timed out");
        });
        try (Session s = sessions.openSession()) {
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
        faulty.applyThenFail("updateItem", () -> {
            others.useTransaction(o -> o.get(Account.class, "a").balance += 1000);
            return SdkClientException.create("Connection reset");
        });
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
        for (int i = 0; i < policy.maxAttempts(); i++) {
            faulty.applyThenFail("transactWriteItems", connectionReset());
        }
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
        faulty.applyThenFail("transactWriteItems", connectionReset());
        for (int i = 1; i < policy.maxAttempts(); i++) {
            faulty.fail("transactWriteItems", 1, throttled());
        }
        try (Session s = sessions.openSession()) {
            changeBoth(s);
            assertThrows(io.dynamapper.CommitOutcomeUnknownException.class, s::commit);
            assertTrue(s.isDirty());
            assertEquals(1, s.get(Account.class, "a").version, "no version bumped in memory");
        }
    }

    @Test
    void retriesExhaustedCarryEveryEarlierFailureAndLeaveTheSessionAsItWas() {
        faulty.fail("transactWriteItems", 5, throttled());
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
        faulty.fail("transactWriteItems", 100, transactionConflict());
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
        faulty.fail("updateItem", 1, () -> DynamoDbException.builder().statusCode(400).message("One or more "
                + "parameter values were invalid").awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("ValidationException").build()).build());
        try (Session s = sessions.openSession()) {
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
        faulty.fail("updateItem", 1, throttled());
        try (Session s = sessions.openSession(SessionOptions.defaults().withRetryPolicy(policy.withMaxAttempts(1)))) {
            s.get(Account.class, "a").balance = 2;
            RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, s::commit);
            assertEquals(1, e.attempts());
        }
    }
}
