package io.dynamapper.engine.internal.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.DynamapperListener;
import io.dynamapper.RetryEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

class ListenersTest {
    private static TransactionCanceledException canceled(String... codes) {
        return TransactionCanceledException.builder().message("cancelled").cancellationReasons(Arrays.stream(codes)
                .map(c -> CancellationReason.builder().code(c).build()).toList()).build();
    }

    @Test
    void retryReasonsFollowTheFailure() {
        assertEquals(RetryEvent.Reason.TRANSACTION_CONFLICT, Listeners.reasonOf(canceled("None", "TransactionConflict")));
        assertEquals(RetryEvent.Reason.TRANSACTION_CONFLICT,
                Listeners.reasonOf(TransactionInProgressException.builder().message("busy").build()));
        assertEquals(RetryEvent.Reason.THROTTLED, Listeners.reasonOf(canceled("ThrottlingError", "None")));
        assertEquals(RetryEvent.Reason.THROTTLED, Listeners.reasonOf(DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build()));
        assertEquals(RetryEvent.Reason.SERVER_OR_NETWORK,
                Listeners.reasonOf(InternalServerErrorException.builder().statusCode(500).message("oops").build()));
        assertEquals(RetryEvent.Reason.SERVER_OR_NETWORK, Listeners.reasonOf(SdkClientException.create("reset")));
    }

    @Test
    void listenersAreCalledInOrderAndOneThatThrowsIsSkipped() {
        List<String> calls = new ArrayList<>();
        DynamapperListener first = new DynamapperListener() {
            @Override
            public void onRetry(RetryEvent event) {
                calls.add("first");
                throw new IllegalStateException("first fails");
            }
        };
        DynamapperListener second = new DynamapperListener() {
            @Override
            public void onRetry(RetryEvent event) {
                calls.add("second " + event.attempt());
            }
        };
        Listeners listeners = Listeners.of(List.of(first, second));
        listeners.retry(RetryEvent.Operation.READ, RetryEvent.Reason.THROTTLED, 2, "t");
        assertEquals(List.of("first", "second 2"), calls);
    }

    @Test
    void noListenersIsTheSharedEmptyInstance() {
        assertTrue(Listeners.of(List.of()).isEmpty());
        assertEquals(Listeners.none(), Listeners.of(List.of()));
        List<DynamapperListener> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> Listeners.of(withNull));
    }
}
