package io.dynamapper;

import java.time.Duration;

/**
 * Waits between retry attempts. Tests replace {@link #SYSTEM} with one that records the delays and
 * returns at once, so retry paths run without sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread with {@link Thread#sleep}. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    /**
     * Waits for {@code duration}.
     *
     * @param duration how long to wait, not negative
     * @throws InterruptedException if the thread is interrupted while waiting; the retry stops
     */
    void sleep(Duration duration) throws InterruptedException;
}
