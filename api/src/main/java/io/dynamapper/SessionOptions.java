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
    /** Validates the components. */
    public SessionOptions {
        Objects.requireNonNull(isolation, "isolation == null");
        Objects.requireNonNull(retryPolicy, "retryPolicy == null");
    }

    /** Eventually consistent reads, {@link Isolation#READ_COMMITTED}, the factory's retry policy. */
    public static SessionOptions defaults() {
        return new SessionOptions(false, Isolation.READ_COMMITTED, Optional.empty());
    }

    /** These options with strongly consistent reads on or off. */
    public SessionOptions withConsistentReads(boolean consistent) {
        return new SessionOptions(consistent, isolation, retryPolicy);
    }

    /** These options with another isolation. */
    public SessionOptions withIsolation(Isolation newIsolation) {
        return new SessionOptions(consistentReads, newIsolation, retryPolicy);
    }

    /** These options with a retry policy of their own. */
    public SessionOptions withRetryPolicy(RetryPolicy policy) {
        return new SessionOptions(consistentReads, isolation, Optional.of(policy));
    }
}
