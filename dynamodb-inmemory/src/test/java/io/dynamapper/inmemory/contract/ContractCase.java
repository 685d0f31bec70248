package io.dynamapper.inmemory.contract;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One named behaviour of DynamoDB: an action run against a backend and the expectation its
 * outcome must meet. Built through {@link Cases#add}.
 */
final class ContractCase {

    /** The body of a case: sets up tables and items, performs the operation under test. */
    @FunctionalInterface
    interface Action {
        /** Returns what the case observed (an item, a response, a map of facts); may throw. */
        Object run(Db db) throws Exception;
    }

    private final String name;
    private final Action action;
    private Consumer<Outcome> expectation;
    private String expected;
    private boolean messages;

    ContractCase(String name, Action action) {
        this.name = requireNonNull(name, "name == null");
        this.action = requireNonNull(action, "action == null");
    }

    String name() {
        return name;
    }

    Action action() {
        return action;
    }

    /** Expects success with a value that normalises to the same text as {@code value}. */
    ContractCase expect(Object value) {
        String text = Normalizer.render(value);
        return expectation("returns " + text, outcome -> assertEquals(text, outcome.render(),
                () -> "'" + name + "' returned a different outcome"));
    }

    /**
     * Expects an error with this error code and exactly this message: DynamoDB's wording, for errors whose
     * message DynamoDB keeps stable. The case's outcome then renders the message too (and the messages of
     * cancellation reasons).
     */
    ContractCase expectMessage(String errorCode, String message) {
        this.messages = true;
        return expectation("fails with " + errorCode + ": " + message, outcome -> {
            if (!(outcome instanceof Outcome.Failure failure) || !errorCode.equals(failure.errorCode())
                    || !message.equals(failure.message())) {
                throw failure("'" + name + "' should fail with " + errorCode + " saying \"" + message + "\"", outcome);
            }
        });
    }

    /** Renders failures with their messages (for a case whose action itself checks a message). */
    ContractCase withMessages() {
        this.messages = true;
        return this;
    }

    /** Whether this case's outcome includes error messages. */
    boolean messages() {
        return messages;
    }

    /** Expects an error with this {@code awsErrorDetails().errorCode()}. */
    ContractCase expectError(String errorCode) {
        return expectation("fails with " + errorCode, outcome -> {
            if (!(outcome instanceof Outcome.Failure failure) || !errorCode.equals(failure.errorCode())) {
                throw failure("'" + name + "' should fail with " + errorCode, outcome);
            }
        });
    }

    /** Expects exactly this normalised error, e.g. {@code "error ConditionalCheckFailedException code=... item=..."}. */
    ContractCase expectFailure(String rendered) {
        return expectation("fails as " + rendered, outcome -> assertEquals(rendered, outcome.render(),
                () -> "'" + name + "' should fail otherwise"));
    }

    /** Expects a {@code TransactionCanceledException} whose reasons have these codes, in order. */
    ContractCase expectCancelled(String... reasonCodes) {
        List<String> expectedCodes = Arrays.asList(reasonCodes);
        return expectation("is cancelled with " + expectedCodes, outcome -> {
            if (!(outcome instanceof Outcome.Failure failure)
                    || !(failure.cause() instanceof TransactionCanceledException cancelled)
                    || !expectedCodes.equals(cancelled.cancellationReasons().stream().map(CancellationReason::code).toList())) {
                throw failure("'" + name + "' should be cancelled with reasons " + expectedCodes, outcome);
            }
        });
    }

    /** Expects success with a value that passes an assertion on its rendered text. */
    ContractCase check(String description, Consumer<String> assertion) {
        return expectation(description, outcome -> {
            if (!(outcome instanceof Outcome.Success success)) {
                throw failure("'" + name + "' should succeed", outcome);
            }
            assertion.accept(success.value());
        });
    }

    private ContractCase expectation(String description, Consumer<Outcome> check) {
        if (expectation != null) {
            throw new IllegalStateException("'" + name + "' already expects: " + expected);
        }
        this.expected = description;
        this.expectation = check;
        return this;
    }

    /** Checks the outcome against this case's expectation. */
    void verify(Outcome outcome) {
        if (expectation == null) {
            throw new IllegalStateException("'" + name + "' has no expectation");
        }
        expectation.accept(outcome);
    }

    private static AssertionFailedError failure(String message, Outcome outcome) {
        AssertionFailedError error = new AssertionFailedError(message + " but: " + outcome.render());
        if (outcome instanceof Outcome.Failure f) {
            error.initCause(f.cause());
        }
        return error;
    }
}
