package io.dynamapper;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of one session: read consistency, isolation, a retry policy overriding the factory's, and
 * whether a lone write is sent exactly once.
 *
 * <pre>{@code
 * Session s = sessions.openSession(SessionOptions.defaults().withConsistentReads(true));
 * }</pre>
 *
 * @param consistentReads whether every read uses strongly consistent reads
 * @param isolation what the commit checks
 * @param retryPolicy the retry policy for this session, or empty to use the factory's
 * @param exactlyOnceSingleWrites whether a commit of a single write is sent as a one-action
 *     {@code TransactWriteItems} with a {@code ClientRequestToken} (see
 *     {@link #withExactlyOnceSingleWrites(boolean)})
 */
public record SessionOptions(boolean consistentReads, Isolation isolation, Optional<RetryPolicy> retryPolicy,
                             boolean exactlyOnceSingleWrites) {
    /**
     * Validates the components.
     *
     * @param consistentReads whether every read uses strongly consistent reads
     * @param isolation what the commit checks
     * @param retryPolicy the retry policy for this session, or empty to use the factory's
     * @param exactlyOnceSingleWrites whether a commit of a single write is sent as a one-action
     *     {@code TransactWriteItems} with a {@code ClientRequestToken} (see
     *     {@link #withExactlyOnceSingleWrites(boolean)})
     * @throws NullPointerException if {@code isolation} or {@code retryPolicy} is null
     */
    public SessionOptions {
        Objects.requireNonNull(isolation, "isolation == null");
        Objects.requireNonNull(retryPolicy, "retryPolicy == null");
    }

    /**
     * Options with single writes sent as plain conditional writes.
     *
     * @param consistentReads whether every read uses strongly consistent reads
     * @param isolation what the commit checks
     * @param retryPolicy the retry policy for this session, or empty to use the factory's
     * @throws NullPointerException if {@code isolation} or {@code retryPolicy} is null
     */
    public SessionOptions(boolean consistentReads, Isolation isolation, Optional<RetryPolicy> retryPolicy) {
        this(consistentReads, isolation, retryPolicy, false);
    }

    /**
     * Eventually consistent reads, {@link Isolation#READ_COMMITTED}, the factory's retry policy,
     * single writes as plain conditional writes.
     *
     * @return the default options
     */
    public static SessionOptions defaults() {
        return new SessionOptions(false, Isolation.READ_COMMITTED, Optional.empty(), false);
    }

    /**
     * These options with strongly consistent reads on or off.
     *
     * @param consistent whether reads are strongly consistent
     * @return the new options
     */
    public SessionOptions withConsistentReads(boolean consistent) {
        return new SessionOptions(consistent, isolation, retryPolicy, exactlyOnceSingleWrites);
    }

    /**
     * These options with another isolation.
     *
     * @param newIsolation what the commit checks
     * @return the new options
     * @throws NullPointerException if {@code newIsolation} is null
     */
    public SessionOptions withIsolation(Isolation newIsolation) {
        return new SessionOptions(consistentReads, Objects.requireNonNull(newIsolation, "newIsolation == null"),
                retryPolicy, exactlyOnceSingleWrites);
    }

    /**
     * These options with a retry policy of their own.
     *
     * @param policy the session's retry policy
     * @return the new options
     * @throws NullPointerException if {@code policy} is null
     */
    public SessionOptions withRetryPolicy(RetryPolicy policy) {
        return new SessionOptions(consistentReads, isolation, Optional.of(Objects.requireNonNull(policy, "policy == null")),
                exactlyOnceSingleWrites);
    }

    /**
     * These options with exactly-once single writes on or off.
     *
     * <p>Off (the default), a commit of one change is one conditional {@code PutItem},
     * {@code UpdateItem} or {@code DeleteItem}. If its response is lost (an I/O error, a timeout, a
     * 5xx) and the retry finds its condition failed, nothing can prove whether the first attempt was
     * applied (another writer could have made the identical change), so the commit throws
     * {@link CommitOutcomeUnknownException}.
     *
     * <p>On, such a commit is sent as a {@code TransactWriteItems} of one action with a
     * {@code ClientRequestToken}: DynamoDB applies it at most once and answers a retry within 10
     * minutes with the first attempt's outcome, so a lost response is settled by the retry. The cost:
     * a transactional write consumes twice the write capacity of a plain one (2 WCU per KB instead
     * of 1) and is a little slower. Commits of 2 to 100 changes are transactions either way.
     *
     * @param exactlyOnce whether a single write is sent as a one-action transaction
     * @return the new options
     */
    public SessionOptions withExactlyOnceSingleWrites(boolean exactlyOnce) {
        return new SessionOptions(consistentReads, isolation, retryPolicy, exactlyOnce);
    }
}
