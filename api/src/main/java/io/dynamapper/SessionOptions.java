package io.dynamapper;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of one session: read consistency, isolation and a retry policy overriding the factory's.
 *
 * <pre>{@code
 * Session s = sessions.openSession(SessionOptions.defaults().withConsistentReads(true));
 * }</pre>
 *
 * @param consistentReads whether every read uses strongly consistent reads
 * @param isolation what the commit checks
 * @param retryPolicy the retry policy for this session, or empty to use the factory's
 */
public record SessionOptions(boolean consistentReads, Isolation isolation, Optional<RetryPolicy> retryPolicy) {
    /**
     * Validates the components.
     *
     * @param consistentReads whether every read uses strongly consistent reads
     * @param isolation what the commit checks
     * @param retryPolicy the retry policy for this session, or empty to use the factory's
     * @throws NullPointerException if {@code isolation} or {@code retryPolicy} is null
     */
    public SessionOptions {
        Objects.requireNonNull(isolation, "isolation == null");
        Objects.requireNonNull(retryPolicy, "retryPolicy == null");
    }

    /**
     * Eventually consistent reads, {@link Isolation#READ_COMMITTED}, the factory's retry policy.
     *
     * @return the default options
     */
    public static SessionOptions defaults() {
        return new SessionOptions(false, Isolation.READ_COMMITTED, Optional.empty());
    }

    /**
     * These options with strongly consistent reads on or off.
     *
     * @param consistent whether every read of the session is strongly consistent
     * @return new options
     */
    public SessionOptions withConsistentReads(boolean consistent) {
        return new SessionOptions(consistent, isolation, retryPolicy);
    }

    /**
     * These options with another isolation.
     *
     * @param newIsolation what the commit checks
     * @return new options
     * @throws NullPointerException if {@code newIsolation} is null
     */
    public SessionOptions withIsolation(Isolation newIsolation) {
        return new SessionOptions(consistentReads, Objects.requireNonNull(newIsolation, "newIsolation == null"),
                retryPolicy);
    }

    /**
     * These options with a retry policy of their own.
     *
     * @param policy the policy of this session's commits, instead of the factory's
     * @return new options
     * @throws NullPointerException if {@code policy} is null
     */
    public SessionOptions withRetryPolicy(RetryPolicy policy) {
        return new SessionOptions(consistentReads, isolation, Optional.of(Objects.requireNonNull(policy, "policy == null")));
    }
}
