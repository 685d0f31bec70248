package io.dynamapper.engine.internal.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {
    @Test
    void delaysGrowExponentiallyUpToTheCap() {
        RetryPolicy policy = RetryPolicy.defaults().withDelays(Duration.ofMillis(10), Duration.ofMillis(70));
        assertEquals(Duration.ofMillis(10), RetryBudget.delayCap(policy, 1));
        assertEquals(Duration.ofMillis(20), RetryBudget.delayCap(policy, 2));
        assertEquals(Duration.ofMillis(40), RetryBudget.delayCap(policy, 3));
        assertEquals(Duration.ofMillis(70), RetryBudget.delayCap(policy, 4));
        assertEquals(Duration.ofMillis(70), RetryBudget.delayCap(policy, 1_000));
        assertThrows(IllegalArgumentException.class, () -> RetryBudget.delayCap(policy, 0));
    }

    @Test
    void aBudgetAllowsMaxAttemptsMinusOneRetriesWithFullJitterUpToEachCap() throws InterruptedException {
        List<Duration> waits = new ArrayList<>();
        RetryPolicy policy = RetryPolicy.defaults().withMaxAttempts(4)
                .withDelays(Duration.ofMillis(8), Duration.ofSeconds(1)).withSleeper(waits::add);
        RetryBudget budget = new RetryBudget(policy);
        for (int i = 1; i <= 3; i++) {
            assertTrue(budget.canRetry());
            assertTrue(budget.awaitRetry());
            assertTrue(waits.get(i - 1).compareTo(RetryBudget.delayCap(policy, i)) <= 0, waits.toString());
        }
        assertFalse(budget.canRetry());
        assertFalse(budget.awaitRetry());
        assertEquals(3, waits.size(), "no wait when the budget is spent");
        assertEquals(3, budget.retries());
    }

    @Test
    void jitterIsRandom() throws InterruptedException {
        List<Duration> waits = new ArrayList<>();
        RetryPolicy policy = RetryPolicy.defaults().withMaxAttempts(201)
                .withDelays(Duration.ofMillis(8), Duration.ofMillis(8)).withSleeper(waits::add);
        RetryBudget budget = new RetryBudget(policy);
        for (int i = 0; i < 200; i++) {
            assertTrue(budget.awaitRetry());
        }
        assertTrue(waits.stream().distinct().count() > 100, "full jitter, not a fixed delay");
    }

    @Test
    void anInterruptedWaitKeepsTheInterruptFlag() {
        RetryPolicy policy = RetryPolicy.defaults().withSleeper(d -> {
            throw new InterruptedException("stop");
        });
        try {
            assertThrows(InterruptedException.class, new RetryBudget(policy)::awaitRetry);
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void withinMakesTheOutermostBudgetCurrent() {
        RetryBudget own = new RetryBudget(RetryPolicy.defaults());
        RetryBudget outer = new RetryBudget(RetryPolicy.defaults());
        RetryBudget inner = new RetryBudget(RetryPolicy.defaults());
        assertSame(own, RetryBudget.current(own));
        RetryBudget seen = RetryBudget.within(outer, () -> RetryBudget.within(inner, () -> RetryBudget.current(own)));
        assertSame(outer, seen);
        assertSame(own, RetryBudget.current(own));
    }
}
