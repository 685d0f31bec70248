package io.dynamapper;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void invalidSettingsAreRejectedShowingTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().withMaxAttempts(0))
                .getMessage().contains("was 0"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.defaults().withDelays(Duration.ofSeconds(2), Duration.ofSeconds(1))).getMessage()
                .contains("PT1S"));
    }
}
