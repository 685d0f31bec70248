package io.dynamapper.inmemory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** {@link PartiqlParser}: the expressions it writes and DynamoDB's messages for what it rejects. */
class PartiqlParserTest {

    private static PartiqlStatement parse(String statement, AttributeValue... parameters) {
        return PartiqlParser.parse(statement, List.of(parameters), true);
    }

    private static String message(String statement, AttributeValue... parameters) {
        return assertThrows(DynamoDbException.class, () -> PartiqlParser.parse(statement, List.of(parameters), false))
                .awsErrorDetails().errorMessage();
    }

    @Test
    void whereClausesBecomeConditionExpressionsWithMinimalParentheses() {
        PartiqlStatement.Select s = (PartiqlStatement.Select) parse(
                "SELECT a.b, c[1] FROM \"t\".\"i\" WHERE k = ? AND (x <> 'y' OR NOT begins_with(a.b, 'z')) "
                        + "AND v IS NOT MISSING", AttributeValue.fromN("1"));
        assertEquals("t", s.table());
        assertEquals("i", s.index());
        assertEquals("#p0 = :v0 AND (#p1 <> :v1 OR NOT begins_with(#p2.#p3, :v2)) AND attribute_exists(#p4)",
                PartiqlStatement.render(s.where()));
        assertEquals(Map.of("#p0", "k", "#p1", "x", "#p2", "a", "#p3", "b", "#p4", "v"), s.names());
        assertEquals(AttributeValue.fromN("1"), s.values().get(":v0"));
        assertEquals(List.of("b", "_2"), s.projection().stream().map(PartiqlStatement.Projection::alias).toList());
    }

    @Test
    void aComparisonWithTheValueFirstIsRecognisedAsAKeyCondition() {
        PartiqlStatement.Select s = (PartiqlStatement.Select) parse("SELECT * FROM t WHERE 5 > sk");
        PartiqlStatement.Atom atom = assertInstanceOf(PartiqlStatement.Atom.class, s.where());
        assertEquals("sk", atom.attribute());
        assertEquals("<", atom.op());
        assertNull(s.projection());
    }

    @Test
    void updatesBecomeUpdateExpressions() {
        PartiqlStatement.Update u = (PartiqlStatement.Update) parse("UPDATE t SET a = a + 1 SET s = set_add(s, <<'x'>>) "
                + "REMOVE b WHERE k = 'z' RETURNING MODIFIED NEW *");
        assertEquals("SET #p0 = #p0 + :v0 REMOVE #p2 ADD #p1 :v1", u.update());
        assertEquals(AttributeValue.fromSs(List.of("x")), u.values().get(":v1"));
        assertEquals("MODIFIED NEW", u.returning());
    }

    @Test
    void malformedStatementsGetDynamoDbsMessages() {
        assertEquals("Statement wasn't well formed, can't be processed: Expected data manipulation",
                message("DROP TABLE t"));
        assertEquals("Statement wasn't well formed, can't be processed: Unexpected keyword",
                message("SELECT * FROM t WHERE AND"));
        assertEquals("Number of parameters in request and statement don't match.",
                message("SELECT * FROM t WHERE k = ?"));
        assertEquals("Where clause does not contain a mandatory equality on all key attributes",
                message("DELETE FROM t"));
        assertEquals("Invalid returning clause: RETURNING MODIFIED OLD *. Only RETURNING ALL OLD * is allowed in "
                + "DELETE statements.", message("DELETE FROM t WHERE k = 1 RETURNING MODIFIED OLD *"));
        assertEquals("EXISTS can only be used in ExecuteTransaction write requests.",
                message("EXISTS(SELECT * FROM t WHERE k = 1)"));
        assertEquals("Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags",
                message("INSERT INTO t VALUE {'k': <<1, 'x'>>}"));
    }

    @Test
    void quotesAreEscapedByDoubling() {
        PartiqlStatement.Insert i = (PartiqlStatement.Insert) parse("INSERT INTO \"my-table\" VALUE {'k': 'it''s'}");
        assertEquals("my-table", i.table());
        assertEquals(AttributeValue.fromS("it's"), i.item().get("k"));
    }
}
