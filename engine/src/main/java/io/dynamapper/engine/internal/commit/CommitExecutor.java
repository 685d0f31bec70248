package io.dynamapper.engine.internal.commit;

import io.dynamapper.CommitOutcomeUnknownException;
import io.dynamapper.DynamapperException;
import io.dynamapper.OptimisticLockException;
import io.dynamapper.OptimisticLockException.Conflict;
import io.dynamapper.RetriesExhaustedException;
import io.dynamapper.RetryPolicy;
import io.dynamapper.TransactionTooLargeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * Sends a commit plan as one atomic write and retries what is transient.
 *
 * <ul>
 * <li>One write: a single conditional PutItem, UpdateItem or DeleteItem, asking for the old item
 *     when its condition fails ({@code ALL_OLD}). If an earlier attempt's outcome was unknown (I/O
 *     error, timeout, 5xx, or the SDK retried the call itself) and the condition now fails, the old
 *     item tells whether the earlier attempt was applied (then the commit succeeded), or proves it
 *     was not (someone else holds the version it would have produced: a conflict); otherwise the
 *     outcome stays unknown and {@link CommitOutcomeUnknownException} says so.</li>
 * <li>2 to 100 actions: one TransactWriteItems with a ClientRequestToken, the same on every retry, so
 *     DynamoDB applies the transaction at most once. If retries run out after an attempt whose
 *     outcome is unknown, {@link CommitOutcomeUnknownException}: running the unit of work again with
 *     a new token could apply it twice.</li>
 * </ul>
 *
 * <p>The SDK client may keep whatever retry strategy its user configured (the SDK offers no
 * per-request override): it runs inside each attempt made here. Its retries cannot hide an unknown
 * outcome: a transaction carries its token through them, and a single write's condition failure
 * reports {@link SdkException#numAttempts()}, so a failure after an SDK-level retry is checked
 * against the old item like one after our own retry.
 *
 * <p>Stateless apart from its configuration; thread-safe.
 */
public final class CommitExecutor {
    /** The most actions DynamoDB accepts in one transaction. */
    public static final int MAX_ACTIONS = 100;

    private final DynamoDbClient client;
    private final RetryPolicy policy;
    private final Supplier<String> tokens;

    /** An executor using random UUIDs as client request tokens. */
    public CommitExecutor(DynamoDbClient client, RetryPolicy policy) {
        this(client, policy, () -> UUID.randomUUID().toString());
    }

    CommitExecutor(DynamoDbClient client, RetryPolicy policy, Supplier<String> tokens) {
        this.client = client;
        this.policy = policy;
        this.tokens = tokens;
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
            if (w.kind() == Write.Kind.CHECK) {
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
     * Validates and sends the writes, retrying transient failures.
     *
     * @return the number of attempts made (0 if there was nothing to send)
     * @throws OptimisticLockException if a condition failed; nothing was written
     * @throws RetriesExhaustedException if every attempt failed transiently and none was applied
     * @throws CommitOutcomeUnknownException if an attempt may have been applied but no later one could tell
     * @throws TransactionTooLargeException see {@link #validate}
     * @throws DynamapperException if DynamoDB rejected the request
     */
    public int execute(List<Write> writes) {
        validate(writes);
        if (writes.isEmpty()) {
            return 0;
        }
        boolean single = writes.size() == 1 && writes.get(0).idempotent();
        TransactWriteItemsRequest transaction = single ? null : transaction(writes);
        List<Throwable> failures = new ArrayList<>(2);
        boolean outcomeUnknown = false;
        for (int attempt = 1; ; attempt++) {
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
                    boolean earlierMayHaveApplied = single && (outcomeUnknown
                            || e instanceof ConditionalCheckFailedException failed && sdkRetried(failed));
                    if (!earlierMayHaveApplied) {
                        throw withSuppressed(conflict(writes, e), failures);
                    }
                    Map<String, AttributeValue> stored = storedItem((ConditionalCheckFailedException) e);
                    if (writes.get(0).appliedIn(stored)) {
                        return attempt; // an earlier attempt was applied: our own write is what failed the condition
                    }
                    if (writes.get(0).provablyNotAppliedIn(stored)) {
                        throw withSuppressed(conflict(writes, e), failures);
                    }
                    throw withSuppressed(outcomeUnknown(writes, attempt, "a retry found the item changed since "
                            + "(by the first attempt and someone else, or by someone else alone)", e), failures);
                }
                if (kind == Failures.Kind.FATAL) {
                    if (outcomeUnknown) {
                        throw withSuppressed(outcomeUnknown(writes, attempt, "a retry was rejected: "
                                + e.getMessage(), e), failures);
                    }
                    throw withSuppressed(new DynamapperException("DynamoDB rejected the commit of "
                            + describe(writes) + ": " + e.getMessage() + "; nothing was written", e), failures);
                }
                outcomeUnknown |= kind == Failures.Kind.UNKNOWN_OUTCOME;
                if (attempt >= policy.maxAttempts()) {
                    if (outcomeUnknown) {
                        throw withSuppressed(outcomeUnknown(writes, attempt, "all " + attempt
                                + " attempts failed", e), failures);
                    }
                    throw withSuppressed(new RetriesExhaustedException("The commit of " + describe(writes)
                            + " failed transiently on all " + attempt + " attempts; nothing was written: "
                            + e.getMessage(), attempt, e), failures);
                }
                failures.add(e);
                pause(attempt, writes, failures, e, outcomeUnknown);
            }
        }
    }

    private static CommitOutcomeUnknownException outcomeUnknown(List<Write> writes, int attempts, String why,
                                                                RuntimeException last) {
        return new CommitOutcomeUnknownException("The commit of " + describe(writes) + " may or may not have been "
                + "applied: an attempt failed after the request was sent, and " + why + " (" + attempts
                + " attempt" + (attempts == 1 ? "" : "s") + "). It is not retried, since that could apply it twice; "
                + "reload the entities to see what was stored. Last failure: " + last.getMessage(), last);
    }

    private void send(Write w) {
        switch (w.kind()) {
            case PUT -> client.putItem(w.toPutItem());
            case UPDATE -> client.updateItem(w.toUpdateItem());
            case DELETE -> client.deleteItem(w.toDeleteItem());
            default -> throw new IllegalStateException("a condition check is never sent alone: " + w.describe());
        }
    }

    private TransactWriteItemsRequest transaction(List<Write> writes) {
        List<TransactWriteItem> items = new ArrayList<>(writes.size());
        for (Write w : writes) {
            items.add(w.toTransactItem());
        }
        return TransactWriteItemsRequest.builder().transactItems(items).clientRequestToken(tokens.get()).build();
    }

    private void pause(int attempt, List<Write> writes, List<Throwable> failures, RuntimeException last,
                       boolean outcomeUnknown) {
        try {
            policy.backoff(attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failures.remove(failures.size() - 1);
            DynamapperException e = outcomeUnknown
                    ? outcomeUnknown(writes, attempt, "the thread was interrupted while waiting to retry", last)
                    : new DynamapperException("Interrupted while waiting to retry the commit of " + describe(writes)
                            + " after " + attempt + " attempt(s); nothing was written. The last failure was: "
                            + last.getMessage(), last);
            throw withSuppressed(e, failures);
        }
    }

    private static boolean sdkRetried(SdkException e) {
        Integer attempts = e.numAttempts();
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
        return new Conflict(w.entityType(), w.key(), w.reason(), Optional.ofNullable(w.expectedVersion()), actual,
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
