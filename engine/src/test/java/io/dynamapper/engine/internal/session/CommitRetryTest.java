package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.DynamapperException;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.session.TestEntities.Account;
import io.dynamapper.engine.testing.RecordingClient;
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
        assertTrue(sleeps.get(0).compareTo(policy.delayCap(1)) <= 0);
        assertTrue(sleeps.get(1).compareTo(policy.delayCap(2)) <= 0);
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
    void aSingleUpdateWhoseResponseWasLostIsRecognisedAsAppliedFromTheOldItem() {
        faulty.applyThenFail("updateItem", () -> ApiCallTimeoutException.create(1000));
        try (Session s = sessions.openSession()) {
            Account a = s.get(Account.class, "a");
            a.balance = 7;
            s.commit(); // the retry's condition fails on our own write: ALL_OLD shows version 2 and balance 7
            assertEquals(2, a.version);
            assertTrue(!s.isDirty());
        }
        assertEquals(2, recording.requests(UpdateItemRequest.class).size());
        assertEquals(n(2), getRaw("account", Map.of("id", s("a"))).get("version"));
    }

    @Test
    void aSinglePutWhoseResponseWasLostIsRecognisedAsApplied() {
        faulty.applyThenFail("putItem", connectionReset());
        try (Session s = sessions.openSession()) {
            Account c = new Account("c", 3);
            s.save(c);
            s.commit();
            assertEquals(1, c.version);
        }
        assertEquals(2, recording.requests(PutItemRequest.class).size());
    }

    @Test
    void aSingleDeleteWhoseResponseWasLostIsRecognisedAsApplied() {
        faulty.applyThenFail("deleteItem", connectionReset());
        try (Session s = sessions.openSession()) {
            s.delete(s.get(Account.class, "a"));
            s.commit();
            assertTrue(s.find(Account.class, "a").isEmpty());
        }
        assertEquals(2, recording.requests(DeleteItemRequest.class).size());
        assertNull(getRaw("account", Map.of("id", s("a"))));
    }

    @Test
    void aWriteRetriedInsideTheSdkIsRecognisedAsApplied() {
        // the SDK's own retry hid the first attempt: the condition failure reports 2 attempts
        faulty.applyThenFail("updateItem", () -> ConditionalCheckFailedException.builder().message("condition")
                .statusCode(400).numAttempts(2).item(getRaw("account", Map.of("id", s("a")))).build());
        try (Session s = sessions.openSession()) {
            Account a = s.get(Account.class, "a");
            a.balance = 8;
            s.commit();
            assertEquals(2, a.version);
        }
        assertEquals(1, recording.requests(UpdateItemRequest.class).size());
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
    void inTransactionReRunsTheWorkWhenACommitExhaustedItsRetries() {
        faulty.fail("transactWriteItems", policy.maxAttempts(), transactionConflict());
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        sessions.useTransaction(s -> {
            runs.incrementAndGet();
            changeBoth(s);
        });
        assertEquals(2, runs.get());
        assertEquals(policy.maxAttempts() + 1, recording.requests(TransactWriteItemsRequest.class).size());
        assertEquals(2, recording.requests(TransactWriteItemsRequest.class).stream()
                .map(TransactWriteItemsRequest::clientRequestToken).distinct().count(), "a new token per commit");
        assertEquals(policy.maxAttempts(), sleeps.size(), "4 commit backoffs and 1 before the re-run");
        assertEquals(n(11), getRaw("account", Map.of("id", s("a"))).get("balance"));
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
