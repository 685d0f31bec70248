package io.dynamapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void delaysGrowExponentiallyUpToTheCap() {
        RetryPolicy policy = RetryPolicy.defaults().withDelays(Duration.ofMillis(10), Duration.ofMillis(70));
        assertEquals(Duration.ofMillis(10), policy.delayCap(1));
        assertEquals(Duration.ofMillis(20), policy.delayCap(2));
        assertEquals(Duration.ofMillis(40), policy.delayCap(3));
        assertEquals(Duration.ofMillis(70), policy.delayCap(4));
        assertEquals(Duration.ofMillis(70), policy.delayCap(1_000));
    }

    @Test
    void backoffWaitsARandomDurationUpToTheCapThroughTheSleeper() throws InterruptedException {
        List<Duration> waits = new ArrayList<>();
        RetryPolicy policy = RetryPolicy.defaults().withDelays(Duration.ofMillis(8), Duration.ofSeconds(1)).withSleeper(waits::add);
        for (int i = 0; i < 200; i++) {
            policy.backoff(3);
        }
        assertEquals(200, waits.size());
        assertTrue(waits.stream().allMatch(d -> !d.isNegative() && d.compareTo(Duration.ofMillis(32)) <= 0), waits.toString());
        assertTrue(waits.stream().distinct().count() > 100, "full jitter, not a fixed delay");
        RetryPolicy none = RetryPolicy.none().withSleeper(waits::add);
        none.backoff(1);
        assertEquals(Duration.ZERO, waits.get(200));
    }

    @Test
    void invalidSettingsAreRejectedShowingTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().withMaxAttempts(0))
                .getMessage().contains("was 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.defaults().withDelays(Duration.ofSeconds(2), Duration.ofSeconds(1))).getMessage()
                .contains("PT1S"));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().delayCap(0));
    }
}
