package io.dynamapper.engine.internal.commit;

import io.dynamapper.CommitOutcomeUnknownException;
import io.dynamapper.DynamapperException;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.OptimisticLockException.Conflict;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.TransactionTooLargeException;
import io.dynamapper.engine.internal.retry.RetryBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Sends a commit plan as one atomic write and retries what is transient, drawing every retry from
 * the unit of work's {@link RetryBudget}.
 *
 * <p>A commit is reported as applied only with proof that this commit applied it: the response to
 * one of its requests, or a {@code ClientRequestToken} DynamoDB honoured. Equal values are no proof
 * (another writer can make the identical change from the same version), so the stored item is never
 * compared with what the commit meant to write to decide that it was applied.
 *
 * <ul>
 * <li>One write (by default): a single conditional PutItem, UpdateItem or DeleteItem, asking for
 *     the old item when its condition fails ({@code ALL_OLD}). If an earlier attempt's outcome was
 *     unknown (I/O error, timeout, 5xx, or the SDK retried the call itself) and the condition now
 *     fails, the old item can prove the earlier attempt was not applied (someone else holds, with
 *     other values, the very version this write would have produced: a conflict); otherwise
 *     {@link CommitOutcomeUnknownException}.</li>
 * <li>2 to 100 actions, or one write when exactly-once single writes are asked for: one
 *     TransactWriteItems with a ClientRequestToken, the same on every retry, so DynamoDB applies it
 *     at most once, and a retry within DynamoDB's 10-minute token window that finds a condition
 *     failed proves the earlier attempt was not applied. After the window (measured from the first
 *     attempt whose outcome is unknown, with a minute of margin) a token proves nothing: a retry is
 *     not sent then, and a condition failure is an unknown outcome, not a conflict.</li>
 * </ul>
 *
 * <p>The SDK client may keep whatever retry strategy its user configured (the SDK offers no
 * per-request override): it runs inside each attempt made here. Its retries cannot hide an unknown
 * outcome: a transaction carries its token through them, and a single write's condition failure
 * reports {@link SdkException#numAttempts()}, so a failure after an SDK-level retry is treated like
 * one after our own retry.
 *
 * <p>Stateless apart from its configuration; thread-safe.
 */
public final class CommitExecutor {
    /** The most actions DynamoDB accepts in one transaction. */
    public static final int MAX_ACTIONS = 100;
    /**
     * How long after an attempt a retry with its token is still trusted to be deduplicated:
     * DynamoDB's 10 minutes less a minute of margin.
     */
    static final long TOKEN_WINDOW_NANOS = TimeUnit.MINUTES.toNanos(9);

    private final DynamoDbClient client;
    private final Supplier<String> tokens;
    private final LongSupplier nanoClock;
    private final RetryObserver observer;

    /** Told of each retry of a commit's request; called on the committing thread. */
    @FunctionalInterface
    public interface RetryObserver {
        /** Nobody listens. */
        RetryObserver NONE = (attempt, failure, writes) -> { };

        /**
         * Attempt {@code attempt} (1-based) failed with {@code failure}, the backoff is over, and the
         * same request is sent again now.
         */
        void retrying(int attempt, RuntimeException failure, List<Write> writes);
    }

    /**
     * An executor using random UUIDs as client request tokens.
     *
     * @param client the DynamoDB client
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}), for the token window
     */
    public CommitExecutor(DynamoDbClient client, LongSupplier nanoClock) {
        this(client, nanoClock, RetryObserver.NONE);
    }

    /**
     * An executor using random UUIDs as client request tokens, telling {@code observer} of retries.
     *
     * @param client the DynamoDB client
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}), for the token window
     * @param observer told before each retry
     */
    public CommitExecutor(DynamoDbClient client, LongSupplier nanoClock, RetryObserver observer) {
        this(client, () -> UUID.randomUUID().toString(), nanoClock, observer);
    }

    CommitExecutor(DynamoDbClient client, Supplier<String> tokens, LongSupplier nanoClock) {
        this(client, tokens, nanoClock, RetryObserver.NONE);
    }

    private CommitExecutor(DynamoDbClient client, Supplier<String> tokens, LongSupplier nanoClock,
                           RetryObserver observer) {
        this.client = client;
        this.tokens = tokens;
        this.nanoClock = nanoClock;
        this.observer = observer;
    }

    /**
     * Checks the limits DynamoDB would otherwise reject the request for: at most 100 actions, no
     * item over 400 KB, at most 4 MB in all.
     *
     * @throws TransactionTooLargeException if there are too many actions or bytes
     * @throws DynamapperException if one item is too large
     */
    public static void validate(List<Write> writes) {
        int checks = 0;
        long total = 0;
        for (Write w : writes) {
            if (w instanceof Write.Check) {
                checks++;
            }
            if (w.size() > ItemSize.MAX_ITEM_BYTES) {
                throw new DynamapperException("Cannot " + w.describe() + ": the item is " + w.size()
                        + " bytes, more than DynamoDB's limit of " + ItemSize.MAX_ITEM_BYTES + " bytes (400 KB); "
                        + "nothing was sent");
            }
            total += w.size();
        }
        if (writes.size() > MAX_ACTIONS) {
            throw new TransactionTooLargeException("A commit has " + writes.size() + " actions ("
                    + (writes.size() - checks) + " writes and " + checks + " SERIALIZABLE read checks), more than the "
                    + MAX_ACTIONS + " DynamoDB allows in one transaction; nothing was sent. Commit in smaller units "
                    + "of work" + (checks > 0 ? ", or use Isolation.READ_COMMITTED" : "") + ".");
        }
        if (writes.size() > 1 && total > ItemSize.MAX_TRANSACTION_BYTES) {
            throw new TransactionTooLargeException("A commit of " + writes.size() + " actions writes " + total
                    + " bytes, more than the " + ItemSize.MAX_TRANSACTION_BYTES + " bytes (4 MB) DynamoDB allows in "
                    + "one transaction; nothing was sent. Commit in smaller units of work.");
        }
    }

    /**
     * Validates and sends the writes, retrying transient failures while {@code budget} lasts.
     *
     * @param exactlyOnce whether a single write is sent as a one-action transaction with a token (a
     *     write that is not {@linkplain Write#idempotent() idempotent} always is)
     * @return the number of attempts made (0 if there was nothing to send)
     * @throws OptimisticLockException if a condition failed; nothing was written
     * @throws RetriesExhaustedException if the budget ran out and no attempt was applied
     * @throws CommitOutcomeUnknownException if an attempt may have been applied and nothing proves
     *     whether it was
     * @throws TransactionTooLargeException see {@link #validate}
     * @throws DynamapperException if DynamoDB rejected the request
     */
    public int execute(List<Write> writes, RetryBudget budget, boolean exactlyOnce) {
        validate(writes);
        if (writes.isEmpty()) {
            return 0;
        }
        boolean single = writes.size() == 1 && !exactlyOnce && writes.get(0).idempotent();
        TransactWriteItemsRequest transaction = single ? null : transaction(writes);
        List<Throwable> failures = new ArrayList<>(2);
        boolean outcomeUnknown = false;
        long firstUnknownStart = 0;
        for (int attempt = 1; ; attempt++) {
            long sent = nanoClock.getAsLong();
            if (outcomeUnknown && !single && sent - firstUnknownStart >= TOKEN_WINDOW_NANOS) {
                RuntimeException last = (RuntimeException) failures.remove(failures.size() - 1);
                throw withSuppressed(outcomeUnknown(writes, attempt - 1, "its idempotency token may have expired "
                        + "before the retry (DynamoDB keeps one for 10 minutes), so a retry could apply it twice",
                        last), failures);
            }
            try {
                if (single) {
                    send(writes.get(0));
                } else {
                    client.transactWriteItems(transaction);
                }
                return attempt;
            } catch (RuntimeException e) {
                Failures.Kind kind = Failures.classify(e);
                if (kind == Failures.Kind.CONDITION_FAILED) {
                    throw withSuppressed(conditionFailed(writes, single, e, attempt, outcomeUnknown,
                            outcomeUnknown ? firstUnknownStart : sent), failures);
                }
                if (kind == Failures.Kind.FATAL) {
                    if (outcomeUnknown) {
                        throw withSuppressed(outcomeUnknown(writes, attempt, "a retry was rejected: "
                                + e.getMessage(), e), failures);
                    }
                    throw withSuppressed(new DynamapperException("DynamoDB rejected the commit of "
                            + describe(writes) + ": " + e.getMessage() + "; nothing was written", e), failures);
                }
                if (kind == Failures.Kind.UNKNOWN_OUTCOME && !outcomeUnknown) {
                    outcomeUnknown = true;
                    firstUnknownStart = sent;
                }
                failures.add(e);
                if (!pause(budget, attempt, writes, failures, e, outcomeUnknown)) {
                    failures.remove(failures.size() - 1);
                    if (outcomeUnknown) {
                        throw withSuppressed(outcomeUnknown(writes, attempt, "the unit of work's retry budget ("
                                + budget.policy().maxAttempts() + " attempts) is spent", e), failures);
                    }
                    throw withSuppressed(new RetriesExhaustedException("The commit of " + describe(writes)
                            + " failed transiently on all " + attempt + " attempt(s) the unit of work's retry budget ("
                            + budget.policy().maxAttempts() + " attempts) allowed; nothing was written: "
                            + e.getMessage(), attempt, e), failures);
                }
                observer.retrying(attempt, e, writes);
            }
        }
    }

    /**
     * What a failed condition means. Without an earlier unknown outcome: a conflict. After one, a
     * conflict only with proof that the earlier attempt was not applied; else an unknown outcome.
     */
    private RuntimeException conditionFailed(List<Write> writes, boolean single, RuntimeException e, int attempt,
                                             boolean outcomeUnknown, long firstAttemptStart) {
        if (single) {
            boolean earlierMayHaveApplied = outcomeUnknown
                    || e instanceof ConditionalCheckFailedException failed && sdkRetried(failed);
            if (!earlierMayHaveApplied) {
                return conflict(writes, e);
            }
            Map<String, AttributeValue> stored = storedItem((ConditionalCheckFailedException) e);
            if (writes.get(0).provablyNotAppliedIn(stored)) {
                return conflict(writes, e);
            }
            return outcomeUnknown(writes, attempt, "a retry found its condition failed, which its own earlier "
                    + "attempt would cause as well as someone else's write; equal values would prove nothing, since "
                    + "another writer can make the same change", e);
        }
        boolean tokenMayHaveExpired = nanoClock.getAsLong() - firstAttemptStart >= TOKEN_WINDOW_NANOS;
        if (tokenMayHaveExpired && (outcomeUnknown || sdkRetried(e))) {
            return outcomeUnknown(writes, attempt, "a retry found a condition failed more than 9 minutes after the "
                    + "first attempt, when DynamoDB may have forgotten the idempotency token that would otherwise "
                    + "prove the first attempt was not applied", e);
        }
        return conflict(writes, e); // within the window DynamoDB honours the token: a failed condition is a conflict
    }

    private static CommitOutcomeUnknownException outcomeUnknown(List<Write> writes, int attempts, String why,
                                                                RuntimeException last) {
        return new CommitOutcomeUnknownException("The commit of " + describe(writes) + " may or may not have been "
                + "applied: an attempt failed in a way that does not tell whether DynamoDB received and applied it "
                + "(an I/O error, a timeout, a 5xx), and " + why + " (" + attempts
                + " attempt" + (attempts == 1 ? "" : "s") + "). It is not retried, since that could apply it twice; "
                + "the session keeps its changes: reload the entities in a new session to see what was stored. "
                + "Last failure: " + last.getMessage(), last);
    }

    private void send(Write w) {
        if (w instanceof Write.Put put) {
            client.putItem(put.toPutItem());
        } else if (w instanceof Write.Update update) {
            client.updateItem(update.toUpdateItem());
        } else if (w instanceof Write.Delete delete) {
            client.deleteItem(delete.toDeleteItem());
        } else {
            throw new IllegalStateException("a condition check is never sent alone: " + w.describe());
        }
    }

    private TransactWriteItemsRequest transaction(List<Write> writes) {
        List<TransactWriteItem> items = new ArrayList<>(writes.size());
        for (Write w : writes) {
            items.add(w.toTransactItem());
        }
        return TransactWriteItemsRequest.builder().transactItems(items).clientRequestToken(tokens.get()).build();
    }

    /** Waits before a retry; false if the budget is spent. */
    private static boolean pause(RetryBudget budget, int attempt, List<Write> writes, List<Throwable> failures,
                                 RuntimeException last, boolean outcomeUnknown) {
        try {
            return budget.awaitRetry();
        } catch (InterruptedException interrupted) {
            failures.remove(failures.size() - 1);
            DynamapperException e = outcomeUnknown
                    ? outcomeUnknown(writes, attempt, "the thread was interrupted while waiting to retry", last)
                    : new DynamapperException("Interrupted while waiting to retry the commit of " + describe(writes)
                            + " after " + attempt + " attempt(s); nothing was written. The last failure was: "
                            + last.getMessage(), last);
            throw withSuppressed(e, failures);
        }
    }

    private static boolean sdkRetried(RuntimeException e) {
        if (!(e instanceof SdkException sdk)) {
            return false;
        }
        Integer attempts = sdk.numAttempts();
        return attempts != null && attempts > 1;
    }

    private static Map<String, AttributeValue> storedItem(ConditionalCheckFailedException e) {
        return e.hasItem() && !e.item().isEmpty() ? e.item() : null;
    }

    private static OptimisticLockException conflict(List<Write> writes, RuntimeException e) {
        List<Conflict> conflicts = new ArrayList<>();
        if (e instanceof ConditionalCheckFailedException failed) {
            conflicts.add(conflictOf(writes.get(0), storedItem(failed)));
        } else if (e instanceof TransactionCanceledException canceled) {
            List<CancellationReason> reasons = canceled.cancellationReasons();
            for (int i = 0; i < reasons.size() && i < writes.size(); i++) {
                CancellationReason reason = reasons.get(i);
                if ("ConditionalCheckFailed".equals(reason.code())) {
                    conflicts.add(conflictOf(writes.get(i),
                            reason.hasItem() && !reason.item().isEmpty() ? reason.item() : null));
                }
            }
        }
        if (conflicts.isEmpty()) { // should not happen: DynamoDB names the failed actions
            for (Write w : writes) {
                conflicts.add(conflictOf(w, null));
            }
        }
        return new OptimisticLockException(conflicts, e);
    }

    private static Conflict conflictOf(Write w, Map<String, AttributeValue> stored) {
        Optional<Long> actual = Optional.empty();
        if (stored != null && w.versionAttribute() != null) {
            AttributeValue v = stored.get(w.versionAttribute());
            if (v != null && v.n() != null) {
                try {
                    actual = Optional.of(new java.math.BigDecimal(v.n()).longValueExact());
                } catch (ArithmeticException | NumberFormatException ignored) {
                    actual = Optional.empty();
                }
            }
        }
        String reason = w.reason();
        List<String> differing = w.differingAttributes(stored);
        if (!differing.isEmpty()) {
            reason += "; changed since by someone else: " + String.join(", ", differing);
        }
        return new Conflict(w.entityType(), w.key(), reason, Optional.ofNullable(w.expectedVersion()), actual,
                Optional.of(stored != null));
    }

    private static <E extends RuntimeException> E withSuppressed(E e, List<Throwable> failures) {
        for (Throwable f : failures) {
            e.addSuppressed(f);
        }
        return e;
    }

    /** "3 actions (update DoomMap (1, 1), put DoomMap (1, 2), ...)". */
    static String describe(List<Write> writes) {
        StringBuilder sb = new StringBuilder();
        sb.append(writes.size()).append(writes.size() == 1 ? " action (" : " actions (");
        int shown = Math.min(writes.size(), 5);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(writes.get(i).describe());
        }
        if (shown < writes.size()) {
            sb.append(", ...");
        }
        return sb.append(')').toString();
    }
}
