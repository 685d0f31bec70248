package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.DynamapperException;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.Session;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.session.TestEntities.Account;
import io.dynamapper.inmemory.Fault;
import io.dynamapper.inmemory.Operation;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.AdditionalAnswers;
import org.mockito.Mockito;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Reads change nothing, so every transient failure of one is retried, with backoff and no sleeping. */
class ReadRetryTest extends SessionTestSupport {
    @BeforeEach
    void anAccount() {
        putRaw("account", Map.of("id", s("a"), "balance", n(5), "version", n(1)));
    }

    @Test
    void aThrottledOrFailingGetIsRetried() {
        recording.faults().on(Operation.GET_ITEM).failNext(1, Fault.PROVISIONED_THROUGHPUT_EXCEEDED)
                .failNext(1, Fault.INTERNAL_SERVER_ERROR);
        try (Session s = sessions.openSession()) {
            assertEquals(5, s.get(Account.class, "a").balance);
        }
        assertEquals(3, recording.requests(GetItemRequest.class).size());
        assertEquals(2, sleeps.size(), "two backoffs through the policy's sleeper");
    }

    @Test
    void aQueryPageIsRetriedToo() {
        recording.faults().on(Operation.QUERY).failNext(2, Fault.PROVISIONED_THROUGHPUT_EXCEEDED);
        try (Session s = sessions.openSession()) {
            assertEquals(1, s.query(Account.class).hashKey("a").list().size());
        }
        assertEquals(3, recording.requests(QueryRequest.class).size());
    }

    @Test
    void aReadThatKeepsFailingReportsEveryAttemptAndARejectedOneIsNotRetried() {
        recording.faults().on(Operation.GET_ITEM).failNext(policy.maxAttempts(), Fault.PROVISIONED_THROUGHPUT_EXCEEDED);
        try (Session s = sessions.openSession()) {
            RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, () -> s.find(Account.class, "a"));
            assertEquals(policy.maxAttempts(), e.attempts());
            assertEquals(policy.maxAttempts() - 1, e.getSuppressed().length);
            assertTrue(e.getCause() instanceof ProvisionedThroughputExceededException, String.valueOf(e.getCause()));
            assertTrue(e.getMessage().contains("GetItem on table 'account'"), e.getMessage());
        }
        // Mockito: a ValidationException for a valid request is a fault the fake cannot produce
        DynamoDbClient rejecting = Mockito.mock(DynamoDbClient.class, AdditionalAnswers.delegatesTo(LOCAL));
        Mockito.doThrow(DynamoDbException.builder().message("bad").statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build())
                .doAnswer(AdditionalAnswers.delegatesTo(LOCAL))
                .when(rejecting).getItem(Mockito.any(GetItemRequest.class));
        try (Session s = new DefaultSessionFactory(rejecting, policy, SessionOptions.defaults()).openSession()) {
            assertThrows(DynamapperException.class, () -> s.find(Account.class, "a"));
        }
        Mockito.verify(rejecting, Mockito.times(1)).getItem(Mockito.any(GetItemRequest.class));
    }
}
