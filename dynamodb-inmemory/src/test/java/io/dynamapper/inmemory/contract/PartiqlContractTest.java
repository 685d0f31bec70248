package io.dynamapper.inmemory.contract;

import static io.dynamapper.inmemory.contract.Dsl.item;
import static io.dynamapper.inmemory.contract.Dsl.list;
import static io.dynamapper.inmemory.contract.Dsl.map;
import static io.dynamapper.inmemory.contract.Dsl.ns;
import static io.dynamapper.inmemory.contract.Dsl.ss;
import static io.dynamapper.inmemory.contract.TableContractTest.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * PartiQL (AWS developer guide, "PartiQL - a SQL-compatible query language for Amazon DynamoDB"):
 * ExecuteStatement with SELECT (key conditions, filters, functions, nested paths, indexes, ORDER BY,
 * Limit and NextToken), INSERT, UPDATE and DELETE (with RETURNING), parameters, and DynamoDB's errors;
 * BatchExecuteStatement with per-statement errors; ExecuteTransaction with cancellation reasons.
 */
final class PartiqlContractTest extends ContractSuite {

    /** "nums" (pk:S, sk:N): partition "a" has sk 1, 2, 10, 20 (v "odd"/"even"); partition "b" has sk 5. */
    static void numbers(Db db) {
        QueryContractTest.numbers(db);
    }

    /** "docs" (pk:S) with one item "d" holding nested values. */
    static void documents(Db db) {
        db.table("docs", "pk:S");
        db.put("docs", item("pk", "d", "n", 5, "s", "hello", "m", map("x", 1, "y", map("z", "deep")),
                "l", list(1, "two", 3), "tags", ss("red", "blue"), "nums", ns(1, 2), "flag", true, "nothing", null));
    }

    static AttributeValue[] params(Object... values) {
        return Arrays.stream(values).map(Dsl::av).toArray(AttributeValue[]::new);
    }

    static List<Map<String, AttributeValue>> run(Db db, String statement, Object... parameters) {
        return db.ddb().executeStatement(r -> r.statement(statement)
                .parameters(parameters.length == 0 ? null : Arrays.asList(params(parameters)))).items();
    }

    /** Runs a SELECT on "nums" and returns the items in the order returned. */
    static ContractCase.Action selectNums(String statement, Object... parameters) {
        return db -> {
            numbers(db);
            return run(db, statement, parameters);
        };
    }

    /** Runs a SELECT on "docs". */
    static ContractCase.Action selectDocs(String statement, Object... parameters) {
        return db -> {
            documents(db);
            return run(db, statement, parameters);
        };
    }

    /** Runs a statement on "nums" and returns the table's contents afterwards. */
    static ContractCase.Action writeNums(String statement, Object... parameters) {
        return db -> {
            numbers(db);
            run(db, statement, parameters);
            return db.contents("nums");
        };
    }

    /** Runs a statement on "docs" and returns its result items. */
    static ContractCase.Action writeDocs(String statement, Object... parameters) {
        return db -> {
            documents(db);
            return run(db, statement, parameters);
        };
    }

    static Map<String, AttributeValue> num(Object sk, String v) {
        return item("pk", "a", "sk", sk, "v", v);
    }

    @Override
    protected void define(Cases c) {
        selectCases(c);
        insertCases(c);
        updateCases(c);
        deleteCases(c);
        batchCases(c);
        transactionCases(c);
    }

    private static void selectCases(Cases c) {
        c.add("SELECT with the partition key is a query in sort key order",
                selectNums("SELECT * FROM nums WHERE pk = 'a'"))
                .expect(list(num(1, "odd"), num(2, "even"), num(10, "even"), num(20, "even")));
        c.add("SELECT with a ? parameter", selectNums("SELECT sk FROM nums WHERE pk = ?", "b"))
                .expect(list(item("sk", 5)));
        c.add("SELECT with a sort key range and a projection",
                selectNums("SELECT sk, v FROM \"nums\" WHERE pk = 'a' AND sk > 2"))
                .expect(list(item("sk", 10, "v", "even"), item("sk", 20, "v", "even")));
        c.add("SELECT with BETWEEN on the sort key", selectNums("SELECT sk FROM nums WHERE pk = 'a' AND sk BETWEEN 2 AND 10"))
                .expect(list(item("sk", 2), item("sk", 10)));
        c.add("SELECT with IN on the sort key", selectNums("SELECT sk FROM nums WHERE pk = 'a' AND sk IN [1, 20, 7]"))
                .expect(list(item("sk", 1), item("sk", 20)));
        c.add("SELECT with <> and a filter", selectNums("SELECT sk FROM nums WHERE pk = 'a' AND sk <> 2 AND v = 'even'"))
                .expect(list(item("sk", 10), item("sk", 20)));
        c.add("SELECT with != is <>", selectNums("SELECT sk FROM nums WHERE pk = 'a' AND sk != 2 AND sk < 15"))
                .expect(list(item("sk", 1), item("sk", 10)));
        c.add("SELECT with OR and NOT", selectNums("SELECT sk FROM nums WHERE pk = 'a' AND (sk = 1 OR NOT v = 'even')"))
                .expect(list(item("sk", 1)));
        c.add("SELECT with IN on the partition key reads both partitions",
                selectNums("SELECT pk, sk FROM nums WHERE pk IN ['b', 'a'] AND sk < 6"))
                .check("returns the items of both partitions", text -> {
                    for (String expected : List.of("\"b\"", "sk: 1", "sk: 2", "sk: 5")) {
                        if (!text.contains(expected)) {
                            throw new AssertionError(text + " lacks " + expected);
                        }
                    }
                });
        c.add("SELECT with OR of partition keys", db -> {
            numbers(db);
            return new Normalizer.Unordered(run(db, "SELECT sk FROM nums WHERE pk = 'b' OR pk = 'a' AND sk = 20"));
        }).expect(Set.of(item("sk", 5), item("sk", 20)));
        c.add("SELECT without a partition key condition is a scan", db -> {
            numbers(db);
            return new Normalizer.Unordered(run(db, "SELECT pk, sk FROM nums WHERE v = 'odd'"));
        }).expect(Set.of(item("pk", "a", "sk", 1), item("pk", "b", "sk", 5)));
        c.add("SELECT without WHERE reads the whole table", db -> {
            numbers(db);
            return run(db, "SELECT * FROM nums").size();
        }).expect(5);
        c.add("SELECT with ORDER BY the sort key DESC",
                selectNums("SELECT sk FROM nums WHERE pk = 'a' ORDER BY sk DESC"))
                .expect(list(item("sk", 20), item("sk", 10), item("sk", 2), item("sk", 1)));
        c.add("SELECT with ORDER BY a non-key attribute is invalid",
                selectNums("SELECT sk FROM nums WHERE pk = 'a' ORDER BY v")).expectError("ValidationException");
        c.add("SELECT with ORDER BY and no partition key condition is invalid",
                selectNums("SELECT sk FROM nums WHERE v = 'odd' ORDER BY sk")).expectError("ValidationException");
        c.add("SELECT functions: begins_with, contains, attribute_type, size",
                selectDocs("SELECT pk FROM docs WHERE begins_with(s, 'he') AND contains(tags, 'red') "
                        + "AND attribute_type(nums, 'NS') AND size(l) = 3")).expect(list(item("pk", "d")));
        c.add("SELECT functions that do not hold", selectDocs("SELECT pk FROM docs WHERE begins_with(s, 'lo') "
                + "OR contains(tags, 'green')")).expect(list());
        c.add("SELECT with IS MISSING and IS NOT MISSING",
                selectDocs("SELECT pk FROM docs WHERE absent IS MISSING AND s IS NOT MISSING")).expect(list(item("pk", "d")));
        c.add("SELECT with IS NULL and IS NOT STRING",
                selectDocs("SELECT pk FROM docs WHERE \"nothing\" IS NULL AND n IS NOT STRING")).expect(list(item("pk", "d")));
        c.add("SELECT with nested paths in the projection and the condition",
                selectDocs("SELECT m.y.z, l[1], \"m\".x FROM docs WHERE m.x = 1 AND l[2] = 3"))
                .expect(list(item("z", "deep", "_2", "two", "x", 1)));
        c.add("SELECT a map key with brackets", selectDocs("SELECT pk FROM docs WHERE m['y']['z'] = 'deep'"))
                .expect(list(item("pk", "d")));
        c.add("SELECT * with other attributes is invalid", selectDocs("SELECT *, pk FROM docs"))
                .expectError("ValidationException");
        c.add("SELECT from an index", db -> {
            QueryContractTest.indexed(db, projection(ProjectionType.ALL));
            return run(db, "SELECT sk, gs FROM \"idx\".\"by_g\" WHERE gk = 'g'");
        }).expect(list(item("sk", 2, "gs", 1), item("sk", 1, "gs", 3)));
        c.add("SELECT from a global index with ConsistentRead is invalid", db -> {
            QueryContractTest.indexed(db, projection(ProjectionType.ALL));
            return db.ddb().executeStatement(r -> r.statement("SELECT * FROM \"idx\".\"by_g\" WHERE gk = 'g'")
                    .consistentRead(true)).items();
        }).expectError("ValidationException");
        c.add("SELECT from an index that does not exist", db -> {
            numbers(db);
            return run(db, "SELECT * FROM \"nums\".\"nope\"");
        }).expectError("ValidationException");
        c.add("SELECT with ConsistentRead on the table", db -> {
            numbers(db);
            return db.ddb().executeStatement(r -> r.statement("SELECT sk FROM nums WHERE pk = 'b'").consistentRead(true))
                    .items();
        }).expect(list(item("sk", 5)));
        c.add("SELECT pages with Limit and NextToken", db -> {
            numbers(db);
            List<Object> pages = new ArrayList<>();
            String token = null;
            do {
                String from = token;
                ExecuteStatementResponse page = db.ddb().executeStatement(r -> r.statement(
                        "SELECT sk FROM nums WHERE pk = 'a' AND v = 'even'").limit(2).nextToken(from));
                pages.add(page.items());
                token = page.nextToken();
            } while (token != null && pages.size() < 10);
            return pages;
        }).expect(list(list(item("sk", 2)), list(item("sk", 10), item("sk", 20)), list()));
        c.add("SELECT pages across the partitions of an IN", db -> {
            numbers(db);
            List<Object> pages = new ArrayList<>();
            String token = null;
            do {
                String from = token;
                ExecuteStatementResponse page = db.ddb().executeStatement(r -> r.statement(
                        "SELECT sk FROM nums WHERE pk IN ['a', 'b']").limit(3).nextToken(from));
                pages.add(page.items());
                token = page.nextToken();
            } while (token != null && pages.size() < 10);
            return pages;
        }).expect(list(list(item("sk", 1), item("sk", 2), item("sk", 10)), list(item("sk", 20), item("sk", 5))));
        c.add("SELECT with a NextToken of another statement is invalid", db -> {
            numbers(db);
            String token = db.ddb().executeStatement(r -> r.statement("SELECT * FROM nums WHERE pk = 'a'").limit(1))
                    .nextToken();
            return db.ddb().executeStatement(r -> r.statement("SELECT * FROM nums WHERE pk = 'b'").nextToken(token))
                    .items();
        }).expectError("ValidationException");
        c.add("SELECT with a NextToken that was never given out is invalid", db -> {
            numbers(db);
            return db.ddb().executeStatement(r -> r.statement("SELECT * FROM nums").nextToken("nope")).items();
        }).expectError("ValidationException");
        c.add("SELECT with Limit 0 is invalid", db -> {
            numbers(db);
            return db.ddb().executeStatement(r -> r.statement("SELECT * FROM nums").limit(0)).items();
        }).expectError("ValidationException");
        c.add("SELECT from a table that does not exist", db -> run(db, "SELECT * FROM nope WHERE pk = 'a'"))
                .expectError("ResourceNotFoundException");
        c.add("a statement that is not well formed", selectNums("SELECT * FROM nums WHERE"))
                .expectError("ValidationException");
        c.add("a statement that is not data manipulation", selectNums("CREATE TABLE x"))
                .expectError("ValidationException");
        c.add("more parameters than placeholders", selectNums("SELECT * FROM nums WHERE pk = ?", "a", "b"))
                .expectError("ValidationException");
        c.add("fewer parameters than placeholders", selectNums("SELECT * FROM nums WHERE pk = ? AND sk = ?", "a"))
                .expectError("ValidationException");
        c.add("MISSING compared with = is invalid", selectDocs("SELECT * FROM docs WHERE s = MISSING"))
                .expectError("ValidationException");
        c.add("an unknown function is invalid", selectDocs("SELECT * FROM docs WHERE nope(s)"))
                .expectError("ValidationException");
        c.add("EXISTS outside a transaction is invalid",
                selectDocs("EXISTS(SELECT * FROM docs WHERE pk = 'd')")).expectError("ValidationException");
    }

    private static void insertCases(Cases c) {
        c.add("INSERT a new item", writeNums("INSERT INTO nums VALUE {'pk': 'c', 'sk': 1, 'v': ?}", "new"))
                .check("the table holds the new item", text -> {
                    if (!text.contains("pk: \"c\"") || !text.contains("v: \"new\"")) {
                        throw new AssertionError(text);
                    }
                });
        c.add("INSERT values of every kind", db -> {
            db.table("docs", "pk:S");
            run(db, "INSERT INTO docs VALUE {'pk': 'k', 'm': {'a': [1, 'x', true, null]}, 'ss': <<'p', 'q'>>, "
                    + "'ns': <<1, 2>>, 'neg': -1.50, 'b': ?}", Dsl.bytes(1, 2));
            return db.get("docs", item("pk", "k"));
        }).expect(item("pk", "k", "m", map("a", list(1, "x", true, null)), "ss", ss("p", "q"), "ns", ns(1, 2),
                "neg", -1.5, "b", Dsl.bytes(1, 2)));
        c.add("INSERT an existing key fails with DuplicateItemException",
                writeNums("INSERT INTO nums VALUE {'pk': 'a', 'sk': 1}")).expectError("DuplicateItemException");
        c.add("INSERT without the sort key is invalid", writeNums("INSERT INTO nums VALUE {'pk': 'c'}"))
                .expectError("ValidationException");
        c.add("INSERT with a key of the wrong type is invalid", writeNums("INSERT INTO nums VALUE {'pk': 'c', 'sk': 'x'}"))
                .expectError("ValidationException");
        c.add("INSERT of something that is not a struct is invalid", writeNums("INSERT INTO nums VALUE ['pk']"))
                .expectError("ValidationException");
        c.add("INSERT with RETURNING is invalid", writeNums("INSERT INTO nums VALUE {'pk': 'c', 'sk': 1} RETURNING ALL OLD *"))
                .expectError("ValidationException");
        c.add("INSERT with an empty bag is invalid", writeNums("INSERT INTO nums VALUE {'pk': 'c', 'sk': 1, 's': <<>>}"))
                .expectError("ValidationException");
    }

    private static void updateCases(Cases c) {
        c.add("UPDATE with SET and REMOVE", db -> {
            documents(db);
            run(db, "UPDATE docs SET s = 'bye' SET m.x = m.x + 1, n = n - 2 REMOVE flag, l[0] WHERE pk = 'd'");
            return db.get("docs", item("pk", "d"));
        }).expect(item("pk", "d", "n", 3, "s", "bye", "m", map("x", 2, "y", map("z", "deep")),
                "l", list("two", 3), "tags", ss("red", "blue"), "nums", ns(1, 2), "nothing", null));
        c.add("UPDATE with list_append, set_add and set_delete", db -> {
            documents(db);
            run(db, "UPDATE docs SET l = list_append(l, [4]) SET tags = set_add(tags, <<'green'>>) "
                    + "SET nums = set_delete(nums, <<1>>) WHERE pk = ?", "d");
            Map<String, AttributeValue> got = new LinkedHashMap<>((Map<String, AttributeValue>) db.get("docs", item("pk", "d")));
            got.keySet().retainAll(Set.of("l", "tags", "nums"));
            return got;
        }).expect(item("l", list(1, "two", 3, 4), "tags", ss("red", "blue", "green"), "nums", ns(2)));
        c.add("UPDATE set_add with a first argument that is not the target is invalid",
                writeDocs("UPDATE docs SET tags = set_add(l, <<'x'>>) WHERE pk = 'd'")).expectError("ValidationException");
        c.add("UPDATE RETURNING ALL OLD *", writeDocs("UPDATE docs SET n = 6 WHERE pk = 'd' AND n = 5 RETURNING ALL OLD *"))
                .check("returns the old item", text -> {
                    if (!text.contains("n: 5") || !text.contains("s: \"hello\"")) {
                        throw new AssertionError(text);
                    }
                });
        c.add("UPDATE RETURNING ALL NEW *", writeDocs("UPDATE docs SET n = 6 WHERE pk = 'd' RETURNING ALL NEW *"))
                .check("returns the new item", text -> {
                    if (!text.contains("n: 6") || !text.contains("s: \"hello\"")) {
                        throw new AssertionError(text);
                    }
                });
        c.add("UPDATE RETURNING MODIFIED OLD *", writeDocs("UPDATE docs SET n = 6, s = 'x' WHERE pk = 'd' "
                + "RETURNING MODIFIED OLD *")).expect(list(item("n", 5, "s", "hello")));
        c.add("UPDATE RETURNING MODIFIED NEW *", writeDocs("UPDATE docs SET n = 6 REMOVE s WHERE pk = 'd' "
                + "RETURNING MODIFIED NEW *")).expect(list(item("n", 6)));
        c.add("UPDATE of a path under a missing map is invalid", writeDocs("UPDATE docs SET nope.x = 1 WHERE pk = 'd'"))
                .expectError("ValidationException");
        c.add("UPDATE of a list element and a nested map", db -> {
            documents(db);
            return run(db, "UPDATE docs SET l[1] = 'deux', m.y.w = <<'a'>> REMOVE m.x WHERE pk = 'd' RETURNING ALL NEW *")
                    .stream().map(i -> list(i.get("l"), i.get("m"))).toList();
        }).expect(list(list(list(1, "deux", 3), map("y", map("z", "deep", "w", ss("a"))))));
        c.add("UPDATE of an item that does not exist fails", writeNums("UPDATE nums SET v = 'x' WHERE pk = 'z' AND sk = 1"))
                .expectError("ConditionalCheckFailedException");
        c.add("UPDATE whose condition is false fails",
                writeNums("UPDATE nums SET v = 'x' WHERE pk = 'a' AND sk = 1 AND v = 'even'"))
                .expectError("ConditionalCheckFailedException");
        c.add("UPDATE whose condition holds", writeNums("UPDATE nums SET v = 'x' WHERE pk = 'b' AND sk = 5 AND v = 'odd'"))
                .check("the item is updated", text -> {
                    if (!text.contains("sk: 5, v: \"x\"")) {
                        throw new AssertionError(text);
                    }
                });
        c.add("UPDATE without the whole key is invalid", writeNums("UPDATE nums SET v = 'x' WHERE pk = 'a'"))
                .expectError("ValidationException");
        c.add("UPDATE without WHERE is invalid", writeNums("UPDATE nums SET v = 'x'")).expectError("ValidationException");
        c.add("UPDATE of a key attribute is invalid", writeNums("UPDATE nums SET sk = 3 WHERE pk = 'a' AND sk = 1"))
                .expectError("ValidationException");
        c.add("UPDATE with two equalities on one key is invalid",
                writeNums("UPDATE nums SET v = 'x' WHERE pk = 'a' AND pk = 'b' AND sk = 1")).expectError("ValidationException");
    }

    private static void deleteCases(Cases c) {
        c.add("DELETE an item", writeNums("DELETE FROM nums WHERE pk = 'a' AND sk = 2 AND v = 'even'"))
                .check("the item is gone", text -> {
                    if (text.contains("sk: 2,")) {
                        throw new AssertionError(text);
                    }
                });
        c.add("DELETE an item that does not exist succeeds", db -> {
            numbers(db);
            return run(db, "DELETE FROM nums WHERE pk = 'z' AND sk = 2 AND v = 'x'");
        }).expect(list());
        c.add("DELETE whose condition is false fails", writeNums("DELETE FROM nums WHERE pk = 'a' AND sk = 2 AND v = 'odd'"))
                .expectError("ConditionalCheckFailedException");
        c.add("DELETE RETURNING ALL OLD *", selectNums("DELETE FROM nums WHERE pk = 'b' AND sk = 5 RETURNING ALL OLD *"))
                .expect(list(item("pk", "b", "sk", 5, "v", "odd")));
        c.add("DELETE RETURNING ALL NEW * is invalid", selectNums("DELETE FROM nums WHERE pk = 'b' AND sk = 5 "
                + "RETURNING ALL NEW *")).expectError("ValidationException");
        c.add("DELETE without the sort key is invalid", writeNums("DELETE FROM nums WHERE pk = 'a'"))
                .expectError("ValidationException");
    }

    static BatchStatementRequest statement(String statement, Object... parameters) {
        return BatchStatementRequest.builder().statement(statement)
                .parameters(parameters.length == 0 ? null : Arrays.asList(params(parameters))).build();
    }

    /** Each response of a batch as {table, item} or {table, error code}. */
    static List<Object> outcomes(List<BatchStatementResponse> responses) {
        List<Object> out = new ArrayList<>();
        for (BatchStatementResponse r : responses) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", r.tableName());
            if (r.error() != null) {
                m.put("error", r.error().codeAsString());
            } else if (r.hasItem()) {
                m.put("item", r.item());
            }
            out.add(m);
        }
        return out;
    }

    private static void batchCases(Cases c) {
        c.add("BatchExecuteStatement reads by key, each with its own outcome", db -> {
            numbers(db);
            return outcomes(db.ddb().batchExecuteStatement(r -> r.statements(
                    statement("SELECT sk, v FROM nums WHERE pk = ? AND sk = ?", "a", 1),
                    statement("SELECT * FROM nums WHERE pk = 'z' AND sk = 1"),
                    statement("SELECT * FROM nums WHERE pk = 'a'"),
                    statement("SELECT * FROM nope WHERE pk = 'a' AND sk = 1"))).responses());
        }).expect(list(map("table", "nums", "item", item("sk", 1, "v", "odd")), map("table", "nums"),
                map("table", "nums", "error", "ValidationError"), map("table", "nope", "error", "ResourceNotFound")));
        c.add("BatchExecuteStatement writes, each with its own outcome", db -> {
            numbers(db);
            List<Object> outcomes = outcomes(db.ddb().batchExecuteStatement(r -> r.statements(
                    statement("INSERT INTO nums VALUE {'pk': 'c', 'sk': 1}"),
                    statement("INSERT INTO nums VALUE {'pk': 'a', 'sk': 1}"),
                    statement("UPDATE nums SET v = 'x' WHERE pk = 'z' AND sk = 1"),
                    statement("DELETE FROM nums WHERE pk = 'b' AND sk = 5"),
                    statement("UPDATE nums SET v = 'x' WHERE pk = 'a'"))).responses());
            return list(outcomes, db.contents("nums").size());
        }).expect(list(list(map("table", "nums"), map("table", "nums", "error", "DuplicateItem"),
                map("table", "nums", "error", "ConditionalCheckFailed"), map("table", "nums"),
                map("table", "nums", "error", "ValidationError")), 5));
        c.add("BatchExecuteStatement with reads and writes is invalid", db -> {
            numbers(db);
            return outcomes(db.ddb().batchExecuteStatement(r -> r.statements(
                    statement("SELECT * FROM nums WHERE pk = 'a' AND sk = 1"),
                    statement("DELETE FROM nums WHERE pk = 'b' AND sk = 5"))).responses());
        }).expectError("ValidationException");
        c.add("BatchExecuteStatement with more than 25 statements is invalid", db -> {
            numbers(db);
            List<BatchStatementRequest> many = new ArrayList<>();
            for (int i = 0; i < 26; i++) {
                many.add(statement("SELECT * FROM nums WHERE pk = 'a' AND sk = ?", i));
            }
            return outcomes(db.ddb().batchExecuteStatement(r -> r.statements(many)).responses());
        }).expectError("ValidationException");
    }

    static ParameterizedStatement tx(String statement, Object... parameters) {
        return ParameterizedStatement.builder().statement(statement)
                .parameters(parameters.length == 0 ? null : Arrays.asList(params(parameters))).build();
    }

    /** Runs a write transaction on "nums" and returns the contents afterwards. */
    static ContractCase.Action transaction(ParameterizedStatement... statements) {
        return db -> {
            numbers(db);
            db.ddb().executeTransaction(r -> r.transactStatements(statements));
            return db.contents("nums");
        };
    }

    private static void transactionCases(Cases c) {
        c.add("ExecuteTransaction applies every write", transaction(
                tx("INSERT INTO nums VALUE {'pk': 'c', 'sk': 1}"),
                tx("UPDATE nums SET v = 'x' WHERE pk = 'a' AND sk = 1"),
                tx("DELETE FROM nums WHERE pk = 'b' AND sk = 5"),
                tx("EXISTS(SELECT * FROM nums WHERE pk = 'a' AND sk = 2 AND v = 'even')")))
                .expect(Set.of(item("pk", "c", "sk", 1), num(1, "x"), num(2, "even"), num(10, "even"), num(20, "even")));
        c.add("ExecuteTransaction is cancelled by a failed condition", transaction(
                tx("UPDATE nums SET v = 'x' WHERE pk = 'a' AND sk = 1"),
                tx("UPDATE nums SET v = 'x' WHERE pk = 'a' AND sk = 2 AND v = 'odd'")))
                .expectCancelled("None", "ConditionalCheckFailed");
        c.add("ExecuteTransaction is cancelled by an UPDATE of a missing item", transaction(
                tx("UPDATE nums SET v = 'x' WHERE pk = 'z' AND sk = 1")))
                .expectCancelled("ConditionalCheckFailed");
        c.add("ExecuteTransaction is cancelled by a duplicate INSERT", transaction(
                tx("DELETE FROM nums WHERE pk = 'b' AND sk = 5"),
                tx("INSERT INTO nums VALUE {'pk': 'a', 'sk': ?}", 1)))
                .expectCancelled("None", "DuplicateItem");
        c.add("ExecuteTransaction is cancelled by EXISTS that does not hold", transaction(
                tx("EXISTS(SELECT * FROM nums WHERE pk = 'a' AND sk = 3)"),
                tx("DELETE FROM nums WHERE pk = 'b' AND sk = 5")))
                .expectCancelled("ConditionalCheckFailed", "None");
        c.add("a cancelled ExecuteTransaction writes nothing", db -> {
            numbers(db);
            Db.attempt(() -> db.ddb().executeTransaction(r -> r.transactStatements(
                    tx("DELETE FROM nums WHERE pk = 'b' AND sk = 5"),
                    tx("INSERT INTO nums VALUE {'pk': 'a', 'sk': 1}"))));
            return db.contents("nums").size();
        }).expect(5);
        c.add("ExecuteTransaction reads by key", db -> {
            numbers(db);
            return db.ddb().executeTransaction(r -> r.transactStatements(
                    tx("SELECT sk FROM nums WHERE pk = 'a' AND sk = 10"),
                    tx("SELECT * FROM nums WHERE pk = 'z' AND sk = 1"))).responses().stream()
                    .map(i -> i.hasItem() ? i.item() : Normalizer.NO_ITEM).toList();
        }).expect(list(item("sk", 10), Normalizer.NO_ITEM));
        c.add("ExecuteTransaction with reads and writes is invalid", transaction(
                tx("SELECT * FROM nums WHERE pk = 'a' AND sk = 10"),
                tx("DELETE FROM nums WHERE pk = 'b' AND sk = 5"))).expectError("ValidationException");
        c.add("ExecuteTransaction with a read without the whole key is invalid", db -> {
            numbers(db);
            return db.ddb().executeTransaction(r -> r.transactStatements(tx("SELECT * FROM nums WHERE pk = 'a'")))
                    .responses().size();
        }).expectError("ValidationException");
        c.add("ExecuteTransaction with two statements on one item is invalid", transaction(
                tx("UPDATE nums SET v = 'x' WHERE pk = 'a' AND sk = 1"),
                tx("DELETE FROM nums WHERE pk = 'a' AND sk = 1"))).expectError("ValidationException");
        c.add("ExecuteTransaction without statements is invalid", db -> {
            numbers(db);
            return db.ddb().executeTransaction(r -> r.transactStatements(List.of())).responses();
        }).expectError("ValidationException");
    }
}
