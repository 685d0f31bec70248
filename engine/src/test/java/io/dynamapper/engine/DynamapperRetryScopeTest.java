package io.dynamapper.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.RetryPolicy;
import io.dynamapper.RetryScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamapperRetryScopeTest {
    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy threeAttempts = RetryPolicy.defaults().withMaxAttempts(3).withSleeper(waits::add);

    @Test
    void aScopeGrantsMaxAttemptsMinusOneRetriesThroughThePolicysSleeper() throws InterruptedException {
        List<Boolean> granted = Dynamapper.inRetryScope(threeAttempts, scope -> {
            List<Boolean> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(scope.awaitRetry());
            }
            assertEquals(2, scope.retries());
            return answers;
        });
        assertEquals(List.of(true, true, false), granted);
        assertEquals(2, waits.size());
    }

    @Test
    void aNestedScopeSharesTheEnclosingBudgetAndIgnoresItsPolicy() throws InterruptedException {
        RetryPolicy many = RetryPolicy.defaults().withMaxAttempts(50).withSleeper(waits::add);
        Dynamapper.inRetryScope(threeAttempts, outer -> {
            assertTrue(outer.awaitRetry());
            RetryScope inner = Dynamapper.inRetryScope(many, scope -> {
                assertTrue(scope.awaitRetry());
                assertFalse(scope.awaitRetry(), "the enclosing budget of 2 retries is spent");
                return scope;
            });
            assertSame(outer, inner);
            return null;
        });
        RetryScope afterwards = Dynamapper.inRetryScope(threeAttempts, scope -> scope);
        assertEquals(0, afterwards.retries(), "a later unit of work starts with a fresh budget");
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> Dynamapper.inRetryScope(null, scope -> 1));
        assertThrows(NullPointerException.class, () -> Dynamapper.inRetryScope(threeAttempts, null));
    }
}
