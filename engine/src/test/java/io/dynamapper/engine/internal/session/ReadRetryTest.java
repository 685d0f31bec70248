package io.dynamapper.engine.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.DynamapperException;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.Session;
import io.dynamapper.SessionOptions;
import io.dynamapper.engine.internal.session.TestEntities.Account;
import io.dynamapper.engine.testing.RecordingClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Reads change nothing, so every transient failure of one is retried, with backoff and no sleeping. */
class ReadRetryTest extends SessionTestSupport {
    private FaultyClient faulty;

    @BeforeEach
    void faultyClient() {
        faulty = FaultyClient.wrap(LOCAL);
        recording = RecordingClient.wrap(faulty.client());
        sessions = new DefaultSessionFactory(recording.client(), policy, SessionOptions.defaults());
        putRaw("account", Map.of("id", s("a"), "balance", n(5), "version", n(1)));
    }

    @Test
    void aThrottledOrFailingGetIsRetried() {
        faulty.fail("getItem", 1, () -> ProvisionedThroughputExceededException.builder().message("slow down").statusCode(400).build());
        faulty.fail("getItem", 1, () -> InternalServerErrorException.builder().message("oops").statusCode(500).build());
        try (Session s = sessions.openSession()) {
            assertEquals(5, s.get(Account.class, "a").balance);
        }
        assertEquals(3, recording.requests(GetItemRequest.class).size());
        assertEquals(2, sleeps.size(), "two backoffs through the policy's sleeper");
    }

    @Test
    void aQueryPageIsRetriedToo() {
        faulty.fail("query", 2, () -> ProvisionedThroughputExceededException.builder().message("slow down").statusCode(400).build());
        try (Session s = sessions.openSession()) {
            assertEquals(1, s.query(Account.class).hashKey("a").list().size());
        }
        assertEquals(3, recording.requests(QueryRequest.class).size());
    }

    @Test
    void aReadThatKeepsFailingReportsEveryAttemptAndARejectedOneIsNotRetried() {
        faulty.fail("getItem", policy.maxAttempts(),
                () -> ProvisionedThroughputExceededException.builder().message("slow down").statusCode(400).build());
        try (Session s = sessions.openSession()) {
            RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, () -> s.find(Account.class, "a"));
            assertEquals(policy.maxAttempts(), e.attempts());
            assertEquals(policy.maxAttempts() - 1, e.getSuppressed().length);
            assertTrue(e.getMessage().contains("GetItem on table 'account'"), e.getMessage());
        }
        recording.clear();
        faulty.fail("getItem", 1, () -> DynamoDbException.builder().message("bad").statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build());
        try (Session s = sessions.openSession()) {
            assertThrows(DynamapperException.class, () -> s.find(Account.class, "a"));
        }
        assertEquals(1, recording.requests(GetItemRequest.class).size());
    }
}
