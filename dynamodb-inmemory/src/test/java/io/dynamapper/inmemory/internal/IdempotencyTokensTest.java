package io.dynamapper.inmemory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;

class IdempotencyTokensTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Fingerprint A = new Fingerprint(1, 2);
    private static final Fingerprint B = new Fingerprint(1, 3);

    private final IdempotencyTokens tokens = new IdempotencyTokens();

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** What the fake does for one tokened transaction: a retry, or remember it. */
    private boolean use(String token, Fingerprint request, Instant now) {
        if (tokens.isRetry(token, request, now)) {
            return true;
        }
        tokens.remember(token, request, now);
        return false;
    }

    @Test
    void sameRequestIsARetryWithinTenMinutesAndAnotherRequestIsRefused() {
        assertFalse(use("t", A, T0));
        assertTrue(use("t", A, at(9)));
        assertTrue(use("t", A, T0.plus(Duration.ofMinutes(10)).minusNanos(1)));
        assertThrows(IdempotentParameterMismatchException.class, () -> use("t", B, at(5)));
        assertFalse(use("t", B, at(10)), "forgotten exactly 10 minutes after first use");
        assertTrue(use("t", B, at(19)));
        assertThrows(IdempotentParameterMismatchException.class, () -> use("t", A, at(19)));
    }

    @Test
    void aRetryDoesNotExtendTheWindow() {
        use("t", A, T0);
        assertTrue(use("t", A, at(9)));
        assertFalse(use("t", A, at(10)));
    }

    @Test
    void tokensExpireOneByOneAsTheClockMovesForward() {
        for (int i = 0; i < 10; i++) {
            use("t" + i, A, at(i));
        }
        assertEquals(10, tokens.size());
        assertFalse(use("new", A, at(13)));
        assertEquals(7, tokens.size(), "t0..t3 dropped, t4..t9 and new kept");
        assertThrows(IdempotentParameterMismatchException.class, () -> use("t4", B, at(13)));
        assertFalse(use("t3", B, at(13)));
        assertFalse(use("later", A, at(100)));
        assertEquals(1, tokens.size());
    }

    @Test
    void clockMovedBackwardKeepsTheRuleNowBeforeFirstUsePlusTenMinutes() {
        use("first", A, at(20));
        assertFalse(use("second", A, at(5)), "clock moved back 15 minutes");
        assertTrue(use("first", A, at(5)), "still within first's window (expires at 30)");
        assertTrue(use("second", A, at(14)));
        assertFalse(use("other", A, at(15)));
        assertEquals(2, tokens.size(), "second expired at 15 although inserted after first");
        assertFalse(use("second", B, at(15)));
        assertTrue(use("first", A, at(29)));
        assertFalse(use("first", B, at(30)));
    }

    @Test
    void expiredTokensStayForgottenWhenTheClockMovesBack() {
        use("t", A, T0);
        assertFalse(use("u", A, at(11)));
        assertFalse(use("t", B, at(1)), "t was dropped at 11; moving back does not revive it");
    }

    @Test
    void clearForgetsEverything() {
        use("t", A, T0);
        tokens.clear();
        assertEquals(0, tokens.size());
        assertFalse(use("t", B, T0));
    }

    @Test
    void aTokenUsedNearTheEndOfTimeIsRememberedUntilInstantMax() {
        assertFalse(use("t", A, Instant.MAX.minusSeconds(60)));
        assertTrue(use("t", A, Instant.MAX.minusSeconds(1)));
    }
}
