package io.dynamapper.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Cursor;
import io.dynamapper.Filter;
import io.dynamapper.HashKey;
import io.dynamapper.IndexHashKey;
import io.dynamapper.Key;
import io.dynamapper.KeyCondition;
import io.dynamapper.MappingException;
import io.dynamapper.RangeKey;
import io.dynamapper.RetryPolicy;
import io.dynamapper.Session;
import io.dynamapper.SessionFactory;
import io.dynamapper.SessionOptions;
import io.dynamapper.Table;
import io.dynamapper.Throughput;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The contract stated in {@code io.dynamapper}'s package description, call by call, for every
 * public entry point of the engine: a null argument is a {@link NullPointerException} naming the
 * parameter, a bad value an {@link IllegalArgumentException}, misuse of state an
 * {@link IllegalStateException}, an unmappable use a {@link MappingException}. Each row also proves
 * that nothing was sent: the factory's client fails any request with an {@link AssertionError}.
 */
class ArgumentContractTest {

    @Table("contract_maps")
    static class Map2 {
        @HashKey long episode;
        @RangeKey int map;
        @IndexHashKey("by_name") String name;
    }

    @Table("contract_accounts")
    static class Account {
        @HashKey String id;
        long balance;
    }

    /** A client that fails every request: the contract's errors come before any request. */
    private static final DynamoDbClient NO_REQUESTS = (DynamoDbClient) Proxy.newProxyInstance(
            ArgumentContractTest.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "serviceName" -> "dynamodb";
                case "close" -> null;
                case "toString" -> "NoRequestsClient";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new AssertionError("a request was sent: " + method.getName());
            });

    private static final SessionFactory SESSIONS = Dynamapper.builder().client(NO_REQUESTS).build();

    private static Arguments npe(String call, String message, Executable executable) {
        return Arguments.of(call, NullPointerException.class, message, executable);
    }

    private static Arguments iae(String call, String inMessage, Executable executable) {
        return Arguments.of(call, IllegalArgumentException.class, inMessage, executable);
    }

    private static Arguments ise(String call, String inMessage, Executable executable) {
        return Arguments.of(call, IllegalStateException.class, inMessage, executable);
    }

    private static Arguments mapping(String call, String inMessage, Executable executable) {
        return Arguments.of(call, MappingException.class, inMessage, executable);
    }

    /** Runs {@code action} on a fresh open session, closing it afterwards. */
    private static Executable inSession(Consumer<Session> action) {
        return () -> {
            try (Session s = SESSIONS.openSession()) {
                action.accept(s);
            }
        };
    }

    private static Executable closed(Consumer<Session> action) {
        return () -> {
            Session s = SESSIONS.openSession();
            s.close();
            action.accept(s);
        };
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static Stream<Arguments> calls() {
        List<Arguments> rows = new ArrayList<>();
        // ---- null arguments: NullPointerException naming the parameter
        rows.add(npe("builder.client(null)", "dynamoDbClient == null", () -> Dynamapper.builder().client(null)));
        rows.add(npe("builder.retryPolicy(null)", "policy == null", () -> Dynamapper.builder().retryPolicy(null)));
        rows.add(npe("builder.sessionOptions(null)", "options == null", () -> Dynamapper.builder().sessionOptions(null)));
        rows.add(npe("openSession(null)", "options == null", () -> SESSIONS.openSession(null)));
        rows.add(npe("inTransaction(null)", "work == null", () -> SESSIONS.inTransaction(null)));
        rows.add(npe("useTransaction(null)", "work == null", () -> SESSIONS.useTransaction(null)));
        rows.add(npe("createTable(null, t)", "entityType == null",
                () -> SESSIONS.schema().createTable(null, Throughput.onDemand())));
        rows.add(npe("createTable(type, null)", "throughput == null",
                () -> SESSIONS.schema().createTable(Map2.class, null)));
        rows.add(npe("createTableIfNotExists(null, t)", "entityType == null",
                () -> SESSIONS.schema().createTableIfNotExists(null, Throughput.onDemand())));
        rows.add(npe("deleteTable(null)", "entityType == null", () -> SESSIONS.schema().deleteTable(null)));
        rows.add(npe("describe(null)", "entityType == null", () -> SESSIONS.schema().describe(null)));
        rows.add(npe("find(null, h)", "type == null", inSession(s -> s.find(null, 1))));
        rows.add(npe("find(type, null)", "hashKey == null", inSession(s -> s.find(Account.class, null))));
        rows.add(npe("find(type, null, r)", "hashKey == null", inSession(s -> s.find(Map2.class, null, 1))));
        rows.add(npe("find(type, h, null)", "rangeKey == null", inSession(s -> s.find(Map2.class, 1, null))));
        rows.add(npe("get(null, h)", "type == null", inSession(s -> s.get(null, 1))));
        rows.add(npe("get(type, null)", "hashKey == null", inSession(s -> s.get(Account.class, null))));
        rows.add(npe("get(type, h, null)", "rangeKey == null", inSession(s -> s.get(Map2.class, 1, null))));
        rows.add(npe("getAll(null, keys)", "type == null", inSession(s -> s.getAll(null, List.of(Key.of(1, 1))))));
        rows.add(npe("getAll(type, null)", "keys == null", inSession(s -> s.getAll(Map2.class, null))));
        rows.add(npe("getAll(type, [k, null])", "keys[1] == null (getAll(Map2))",
                inSession(s -> s.getAll(Map2.class, Arrays.asList(Key.of(1, 1), null)))));
        rows.add(npe("query(null)", "type == null", inSession(s -> s.query(null))));
        rows.add(npe("scan(null)", "type == null", inSession(s -> s.scan(null))));
        rows.add(npe("save(null)", "entity == null", inSession(s -> s.save(null))));
        rows.add(npe("delete(null)", "entity == null", inSession(s -> s.delete(null))));
        rows.add(npe("delete(type, null)", "hashKey == null", inSession(s -> s.delete(Account.class, null))));
        rows.add(npe("delete(type, h, null)", "rangeKey == null", inSession(s -> s.delete(Map2.class, 1, null))));
        rows.add(npe("delete(null, h)", "type == null", inSession(s -> s.delete((Class<?>) null, 1))));
        rows.add(npe("refresh(null)", "entity == null", inSession(s -> s.refresh(null))));
        rows.add(npe("detach(null)", "entity == null", inSession(s -> s.detach(null))));
        rows.add(npe("current(null)", "entity == null", inSession(s -> s.current(null))));
        rows.add(npe("query.hashKey(null)", "value == null", inSession(s -> s.query(Map2.class).hashKey(null))));
        rows.add(npe("query.rangeKey(null)", "condition == null", inSession(s -> s.query(Map2.class).rangeKey(null))));
        rows.add(npe("query.index(null)", "indexName == null", inSession(s -> s.query(Map2.class).index(null))));
        rows.add(npe("query.filter(null)", "filter == null", inSession(s -> s.query(Map2.class).filter(null))));
        rows.add(npe("query.page(n, null)", "after == null (use Optional.empty() for the first page)",
                inSession(s -> s.query(Map2.class).hashKey(1).page(10, null))));
        rows.add(npe("scan.filter(null)", "filter == null", inSession(s -> s.scan(Map2.class).filter(null))));

        // ---- bad values: IllegalArgumentException naming the value
        rows.add(iae("find(type, wrong type, r)", "hash key Map2.episode",
                inSession(s -> s.find(Map2.class, "one", 1))));
        rows.add(iae("find(type, \"\")", "empty string", inSession(s -> s.find(Account.class, ""))));
        rows.add(iae("getAll(type, [hash only])", "key #0 (1) is invalid",
                inSession(s -> s.getAll(Map2.class, List.of(Key.of(1))))));
        rows.add(iae("save(entity without key)", "Key field Account.id", inSession(s -> s.save(new Account()))));
        rows.add(iae("delete(entity without key)", "Key field Account.id", inSession(s -> s.delete(new Account()))));
        rows.add(iae("delete(type, wrong type)", "hash key Account.id", inSession(s -> s.delete(Account.class, 42))));
        rows.add(iae("current(an entity the session does not manage)", "manages no Account",
                inSession(s -> {
                    Account a = new Account();
                    a.id = "a";
                    s.current(a);
                })));
        rows.add(iae("query.limit(0)", "limit must be positive, was 0", inSession(s -> s.query(Map2.class).limit(0))));
        rows.add(iae("scan.limit(-1)", "limit must be positive, was -1", inSession(s -> s.scan(Map2.class).limit(-1))));
        rows.add(iae("scan.segments(0)", "segments must be 1 to", inSession(s -> s.scan(Map2.class).segments(0))));
        rows.add(iae("query.page(0, empty)", "page size must be positive, was 0",
                inSession(s -> s.query(Map2.class).hashKey(1).page(0, Optional.empty()))));
        rows.add(iae("query.hashKey(wrong type).list()", "hash key Map2.episode",
                inSession(s -> s.query(Map2.class).hashKey("one").list())));
        rows.add(iae("query.rangeKey(beginsWith on a number)", "is a number",
                inSession(s -> s.query(Map2.class).hashKey(1).rangeKey(KeyCondition.beginsWith("1")).list())));
        rows.add(iae("query.rangeKey on a hash-only table", "has no range key",
                inSession(s -> s.query(Account.class).hashKey("a").rangeKey(KeyCondition.eq(1)).list())));
        rows.add(iae("query.filter(unknown field)", "has no persisted field 'nope'",
                inSession(s -> s.query(Map2.class).hashKey(1).filter(Filter.eq("nope", 1)).list())));
        rows.add(iae("query.filter(key attribute)", "cannot use the key attributes",
                inSession(s -> s.query(Map2.class).hashKey(1).filter(Filter.eq("map", 1)).list())));
        rows.add(iae("scan.filter(value of the wrong type)", "balance",
                inSession(s -> s.scan(Account.class).filter(Filter.eq("balance", "lots")).list())));
        rows.add(iae("page(cursor of another table)", "expected [episode, map]",
                inSession(s -> s.query(Map2.class).hashKey(1)
                        .page(10, Optional.of(Cursor.of(Map.of("id", AttributeValue.fromS("a"))))))));
        rows.add(iae("page(cursor of another partition)", "it is from partition episode = 2, this query reads episode = 1",
                inSession(s -> s.query(Map2.class).hashKey(1)
                        .page(10, Optional.of(Cursor.of(Map.of("episode", n("2"), "map", n("3"))))))));
        rows.add(iae("page(cursor with a key of another type)", "'map' is of type S, expected N",
                inSession(s -> s.query(Map2.class).hashKey(1).page(10, Optional.of(
                        Cursor.of(Map.of("episode", n("1"), "map", AttributeValue.fromS("3"))))))));
        rows.add(iae("page(cursor of the table, query of an index)", "index 'by_name'",
                inSession(s -> s.query(Map2.class).index("by_name").hashKey("Hangar")
                        .page(10, Optional.of(Cursor.of(Map.of("episode", n("1"), "map", n("3"))))))));
        rows.add(iae("createTable(throughput of an unknown index)", "no such index",
                () -> SESSIONS.schema().createTable(Map2.class, Throughput.provisioned(1, 1).withIndex("nope", 1, 1))));

        // ---- misuse of state: IllegalStateException
        rows.add(ise("builder.client twice", "client was already set",
                () -> Dynamapper.builder().client(NO_REQUESTS).client(NO_REQUESTS)));
        rows.add(ise("builder.retryPolicy twice", "retryPolicy was already set",
                () -> Dynamapper.builder().retryPolicy(RetryPolicy.none()).retryPolicy(RetryPolicy.none())));
        rows.add(ise("builder.sessionOptions twice", "sessionOptions was already set", () -> Dynamapper.builder()
                .sessionOptions(SessionOptions.defaults()).sessionOptions(SessionOptions.defaults())));
        rows.add(ise("builder.build() without a client", "a client is required", () -> Dynamapper.builder().build()));
        rows.add(ise("query.hashKey twice", "hashKey was already set to 1",
                inSession(s -> s.query(Map2.class).hashKey(1).hashKey(2))));
        rows.add(ise("query.rangeKey twice", "rangeKey was already set", inSession(s -> s.query(Map2.class)
                .rangeKey(KeyCondition.gt(1)).rangeKey(KeyCondition.lt(5)))));
        rows.add(ise("query.index twice", "index was already set to 'by_name'",
                inSession(s -> s.query(Map2.class).index("by_name").index("by_name"))));
        rows.add(ise("query.list() without a hash key", "needs a hash key", inSession(s -> s.query(Map2.class).list())));
        rows.add(ise("query.count() without a hash key", "needs a hash key", inSession(s -> s.query(Map2.class).count())));
        rows.add(ise("query of a global index with consistentRead", "global secondary index",
                inSession(s -> s.query(Map2.class).index("by_name").hashKey("Hangar").consistentRead().list())));
        rows.add(ise("find on a closed session", "is closed", closed(s -> s.find(Account.class, "a"))));
        rows.add(ise("save on a closed session", "is closed", closed(s -> s.save(new Account()))));
        rows.add(ise("query on a closed session", "is closed", closed(s -> s.query(Account.class))));
        rows.add(ise("commit on a closed session", "is closed", closed(Session::commit)));
        rows.add(ise("isDirty on a closed session", "is closed", closed(Session::isDirty)));

        // ---- a type used in a way its mapping does not allow: MappingException
        rows.add(mapping("find(not an entity)", "is not an entity", inSession(s -> s.find(String.class, "a"))));
        rows.add(mapping("find(hash only) on a table with a range key", "use find/get with both hash and range key",
                inSession(s -> s.find(Map2.class, 1))));
        rows.add(mapping("find(hash, range) on a hash-only table", "has no range key",
                inSession(s -> s.find(Account.class, "a", 1))));
        rows.add(mapping("query.index(unknown)", "declares no index 'nope'",
                inSession(s -> s.query(Map2.class).index("nope"))));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void reportsMistakesAsTheContractSays(String call, Class<? extends Throwable> expected, String message,
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
}
