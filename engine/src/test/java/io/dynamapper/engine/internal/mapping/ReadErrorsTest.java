package io.dynamapper.engine.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.AttributeCodec;
import io.dynamapper.Codec;
import io.dynamapper.HashKey;
import io.dynamapper.MappingException;
import io.dynamapper.RangeKey;
import io.dynamapper.Table;
import io.dynamapper.engine.testing.TestDynamoDb;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stored attribute that does not fit its field is a MappingException naming the table, the key,
 * the attribute (with its path when nested), the field and both DynamoDB types. Items are written
 * with the raw SDK and read back from the in-memory DynamoDB, as a session would read them.
 */
class ReadErrorsTest {
    private final DynamoDbClient ddb = TestDynamoDb.client();

    @BeforeEach
    @AfterEach
    void clean() {
        TestDynamoDb.deleteAllTables();
    }

    enum Skill { EASY, HARD }

    static class Address {
        String city;
        List<Integer> floors;
    }

    static final class FailingCodec implements AttributeCodec<String> {
        @Override
        public AttributeValue encode(String value) {
            return AttributeValue.fromS(value);
        }

        @Override
        public String decode(AttributeValue value) {
            throw new IllegalStateException("cannot decode " + value.s());
        }
    }

    @Table("player")
    static class Player {
        @HashKey String id;
        @RangeKey int level;
        int score;
        byte small;
        Skill skill;
        UUID uuid;
        Set<Integer> badges;
        Address address;
        List<Address> homes;
        Map<String, Integer> counts;
        @Codec(FailingCodec.class) String custom;
    }

    private MappingException read(Map<String, AttributeValue> attributes) {
        EntityModel<Player> model = EntityModel.of(Player.class);
        if (!ddb.listTables().tableNames().contains("player")) {
            new io.dynamapper.engine.internal.schema.TableManager(ddb).createTable(Player.class, io.dynamapper.Throughput.onDemand());
        }
        Map<String, AttributeValue> item = new java.util.HashMap<>(attributes);
        item.put("id", AttributeValue.fromS("p1"));
        item.put("level", AttributeValue.fromN("7"));
        ddb.putItem(b -> b.tableName("player").item(item));
        Map<String, AttributeValue> stored = ddb.getItem(b -> b.tableName("player").consistentRead(true)
                .key(model.keys().key("p1", 7))).item();
        return assertThrows(MappingException.class, () -> model.fromItem(stored));
    }

    private static void assertMessage(MappingException e, String... parts) {
        for (String part : List.of("'player'", "('p1', 7)")) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing in: " + e.getMessage());
        }
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' missing in: " + e.getMessage());
        }
    }

    @Test
    void stringIntoInt() {
        MappingException e = read(Map.of("score", AttributeValue.fromS("many")));
        assertMessage(e, "attribute 'score'", "Player.score (int)", "expected DynamoDB type N, found S \"many\"");
        assertEquals("Cannot read item ('p1', 7) of table 'player': attribute 'score' does not fit field "
                + "Player.score (int): expected DynamoDB type N, found S \"many\"", e.getMessage());
    }

    @Test
    void numberOutOfRange() {
        assertMessage(read(Map.of("small", AttributeValue.fromN("300"))), "'small'", "Player.small (byte)",
                "300 does not fit Byte");
        assertMessage(read(Map.of("score", AttributeValue.fromN("1.5"))), "'score'", "1.5 does not fit Integer");
    }

    @Test
    void unknownEnumConstantAndBadUuid() {
        assertMessage(read(Map.of("skill", AttributeValue.fromS("NIGHTMARE"))), "'skill'", "Player.skill",
                "\"NIGHTMARE\" is not a constant", "[EASY, HARD]");
        assertMessage(read(Map.of("uuid", AttributeValue.fromS("nope"))), "'uuid'", "\"nope\" is not a UUID");
    }

    @Test
    void wrongSetType() {
        assertMessage(read(Map.of("badges", AttributeValue.fromSs(List.of("a")))), "'badges'",
                "Player.badges (Set<Integer>)", "expected DynamoDB type NS, found SS");
        assertMessage(read(Map.of("badges", AttributeValue.fromNs(List.of("1.5")))), "'badges'", "1.5 does not fit");
    }

    @Test
    void nestedObjectFieldNamesThePath() {
        MappingException e = read(Map.of("address", AttributeValue.fromM(Map.of("city", AttributeValue.fromN("75")))));
        assertMessage(e, "attribute 'address.city'", "Address.city (String)", "expected DynamoDB type S, found N 75");
        assertMessage(read(Map.of("address", AttributeValue.fromS("Paris"))), "attribute 'address'",
                "Player.address", "expected DynamoDB type M, found S \"Paris\"");
    }

    @Test
    void listElementAndMapValueNameTheirPosition() {
        AttributeValue floors = AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromBool(true)));
        AttributeValue homes = AttributeValue.fromL(List.of(
                AttributeValue.fromM(Map.of("city", AttributeValue.fromS("Lyon"))),
                AttributeValue.fromM(Map.of("floors", floors))));
        MappingException e = read(Map.of("homes", homes));
        assertMessage(e, "attribute 'homes[1].floors[1]'", "Address.floors (List<Integer>)",
                "expected DynamoDB type N, found BOOL");
        assertMessage(read(Map.of("counts", AttributeValue.fromM(Map.of("kills", AttributeValue.fromS("x"))))),
                "attribute 'counts.kills'", "Player.counts (Map<String, Integer>)", "expected DynamoDB type N, found S");
    }

    @Test
    void failingUserCodecIsReportedWithItsCause() {
        assertMessage(read(Map.of("custom", AttributeValue.fromS("x"))), "'custom'", "Player.custom",
                "FailingCodec could not decode", "cannot decode x");
    }

    @Test
    void aKeyOfTheWrongTypeIsShownAsStored() {
        MappingException e = assertThrows(MappingException.class, () -> EntityModel.of(Player.class).fromItem(Map.of(
                "id", AttributeValue.fromS("p2"), "level", AttributeValue.fromS("seven"))));
        assertTrue(e.getMessage().contains("'p2'") && e.getMessage().contains("seven") && e.getMessage().contains("attribute 'level'"),
                e.getMessage());
    }
}
