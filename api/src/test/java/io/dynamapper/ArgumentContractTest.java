package io.dynamapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The contract of this package's description for the API's own values: a null argument (or a null
 * element of a collection or array argument) is a {@link NullPointerException} whose message names
 * it, a bad value an {@link IllegalArgumentException}, misuse of state an
 * {@link IllegalStateException}. The engine's entry points are checked by the engine's
 * {@code ArgumentContractTest}.
 */
class ArgumentContractTest {

    private static Arguments npe(String call, String message, Executable executable) {
        return Arguments.of(call, NullPointerException.class, message, executable);
    }

    private static Arguments iae(String call, String inMessage, Executable executable) {
        return Arguments.of(call, IllegalArgumentException.class, inMessage, executable);
    }

    private static Arguments ise(String call, String inMessage, Executable executable) {
        return Arguments.of(call, IllegalStateException.class, inMessage, executable);
    }

    static Stream<Arguments> calls() {
        Map<String, AttributeValue> withNull = new HashMap<>();
        withNull.put("id", null);
        return Stream.of(
                npe("Key.of(null)", "hashKey == null", () -> Key.of(null)),
                npe("Key.of(h, null)", "rangeKey == null", () -> Key.of(1, null)),
                npe("Key.of(null, r)", "hashKey == null", () -> Key.of(null, 1)),
                npe("KeyCondition.eq(null)", "value == null", () -> KeyCondition.eq(null)),
                npe("KeyCondition.gt(null)", "value == null", () -> KeyCondition.gt(null)),
                npe("KeyCondition.between(null, h)", "low == null", () -> KeyCondition.between(null, 2)),
                npe("KeyCondition.between(l, null)", "high == null", () -> KeyCondition.between(1, null)),
                npe("KeyCondition.beginsWith(null)", "prefix == null", () -> KeyCondition.beginsWith(null)),
                npe("new KeyCondition(op, [null])", "values[0] == null",
                        () -> new KeyCondition(KeyCondition.Operator.EQ, Collections.singletonList(null))),
                npe("Filter.eq(null, v)", "field == null", () -> Filter.eq(null, 1)),
                npe("Filter.eq(f, null)", "value == null (use Filter.notExists for a missing attribute)",
                        () -> Filter.eq("name", null)),
                npe("Filter.between(f, null, h)", "low == null", () -> Filter.between("n", null, 2)),
                npe("Filter.in(f, (Object[]) null)", "values == null", () -> Filter.in("n", (Object[]) null)),
                npe("Filter.in(f, 1, null)", "values[1] == null", () -> Filter.in("n", 1, null)),
                npe("Filter.beginsWith(f, null)", "prefix == null", () -> Filter.beginsWith("n", null)),
                npe("Filter.contains(f, null)", "value == null", () -> Filter.contains("n", null)),
                npe("Filter.exists(null)", "field == null", () -> Filter.exists(null)),
                npe("Filter.and((Filter[]) null)", "filters == null", () -> Filter.and((Filter[]) null)),
                npe("Filter.and(f, null)", "filters[1] == null", () -> Filter.and(Filter.exists("a"), null)),
                npe("Filter.or(null, f)", "filters[0] == null", () -> Filter.or(null, Filter.exists("a"))),
                npe("Filter.not(null)", "filter == null", () -> Filter.not(null)),
                npe("SessionOptions.withIsolation(null)", "newIsolation == null",
                        () -> SessionOptions.defaults().withIsolation(null)),
                npe("SessionOptions.withRetryPolicy(null)", "policy == null",
                        () -> SessionOptions.defaults().withRetryPolicy(null)),
                npe("Throughput.withIndex(null, r, w)", "index == null",
                        () -> Throughput.provisioned(1, 1).withIndex(null, 1, 1)),
                npe("Throughput.forIndex(null)", "index == null", () -> Throughput.provisioned(1, 1).forIndex(null)),
                npe("Cursor.of(null)", "lastEvaluatedKey == null", () -> Cursor.of(null)),
                npe("Cursor.of({id: null})", "lastEvaluatedKey['id'] == null", () -> Cursor.of(withNull)),
                npe("Cursor.parse(null)", "text == null", () -> Cursor.parse(null)),
                npe("new Page(null, next)", "items == null", () -> new Page<>(null, Optional.empty())),
                npe("new Page(items, null)", "next == null", () -> new Page<>(List.of(), null)),
                npe("new ItemNotFoundException(null, t, k)", "entityType == null",
                        () -> new ItemNotFoundException(null, "t", Key.of(1))),

                iae("Filter.in(f) without values", "IN takes 1 to 100 values, got 0", () -> Filter.in("n")),
                iae("Filter.and() without filters", "and() needs at least one filter", () -> Filter.and()),
                iae("Filter.or() without filters", "or() needs at least one filter", () -> Filter.or()),
                iae("new KeyCondition(BETWEEN, [1])", "BETWEEN takes 2 value(s)",
                        () -> new KeyCondition(KeyCondition.Operator.BETWEEN, List.of(1))),
                iae("Throughput.provisioned(0, 1)", "must be positive", () -> Throughput.provisioned(0, 1)),
                iae("Cursor.of({})", "lastEvaluatedKey is empty", () -> Cursor.of(Map.of())),
                iae("Cursor.of({id: list})", "must be a string, number or binary",
                        () -> Cursor.of(Map.of("id", AttributeValue.fromL(List.of())))),
                iae("Cursor.parse(garbage)", "not a Dynamapper cursor", () -> Cursor.parse("%%%")),

                ise("Throughput.onDemand().withIndex(...)", "an on-demand table has no per-index capacity",
                        () -> Throughput.onDemand().withIndex("by_name", 1, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void reportsMistakesAsThePackageDescriptionSays(String call, Class<? extends Throwable> expected, String message,
                                                    Executable executable) {
        Throwable thrown = assertThrows(Throwable.class, executable, call);
        assertEquals(expected, thrown.getClass(), () -> call + " threw " + thrown);
        if (expected == NullPointerException.class) {
            assertEquals(message, thrown.getMessage(), call);
        } else {
            assertTrue(thrown.getMessage().contains(message), () -> call + ": '" + message + "' not in: "
                    + thrown.getMessage());
        }
    }

    /** Lists given as arguments are copied: a later change by the caller does not reach the value. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("copies")
    void copiesCollectionArguments(String value, Runnable change, Executable unchanged) throws Throwable {
        change.run();
        unchanged.execute();
    }

    static Stream<Arguments> copies() {
        List<Object> values = Arrays.asList(1, 2);
        Filter in = new Filter.In("n", values);
        List<Filter> filters = Arrays.asList(Filter.exists("a"), Filter.exists("b"));
        Filter and = new Filter.And(filters);
        return Stream.of(
                Arguments.of("Filter.In", (Runnable) () -> values.set(0, 9),
                        (Executable) () -> assertEquals(List.of(1, 2), ((Filter.In) in).values())),
                Arguments.of("Filter.And", (Runnable) () -> filters.set(0, Filter.exists("z")),
                        (Executable) () -> assertEquals(Filter.exists("a"), ((Filter.And) and).filters().get(0))));
    }
}
