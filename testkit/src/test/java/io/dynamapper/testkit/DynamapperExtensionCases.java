package io.dynamapper.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.dynamapper.HashKey;
import io.dynamapper.IndexHashKey;
import io.dynamapper.IndexRangeKey;
import io.dynamapper.RangeKey;
import io.dynamapper.SessionFactory;
import io.dynamapper.Table;
import io.dynamapper.Version;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The cases every flavour of {@link DynamapperExtension} must pass; each subclass registers one
 * flavour with {@code withEntities(Score.class)}, and {@link Player} comes from the {@link
 * DynamapperExtension.Entities} annotation here. The order makes "a test's data is not seen by the
 * next" deterministic: {@link #writesDataTheNextTestMustNotSee} runs right before
 * {@link #startsWithFreshTables}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DynamapperExtension.Entities(DynamapperExtensionCases.Player.class)
abstract class DynamapperExtensionCases {
    /** A table with a range key, a local index {@code by_points} and a global index {@code by_level}. */
    @Table("ext_scores")
    static class Score {
        @HashKey String player;
        @RangeKey int game;
        @IndexRangeKey("by_points") long points;
        @IndexHashKey("by_level") String level;
        @Version Long version;

        Score() {
        }

        Score(String player, int game, String level, long points) {
            this.player = player;
            this.game = game;
            this.level = level;
            this.points = points;
        }
    }

    /** An entity listed in the class's {@code @Entities} annotation rather than with withEntities. */
    @Table("ext_players")
    static class Player {
        @HashKey String id;
        String name;
        @Version Long version;

        Player() {
        }

        Player(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    private static SessionFactory beforeAllSessions;
    private final SessionFactory constructorSessions;
    private final DynamoDbClient constructorClient;
    private SessionFactory beforeEachSessions;
    private DynamoDbClient beforeEachClient;

    DynamapperExtensionCases(SessionFactory sessions, DynamoDbClient client) {
        this.constructorSessions = sessions;
        this.constructorClient = client;
    }

    /** The extension the subclass registered. */
    abstract DynamapperExtension db();

    @BeforeAll
    static void injectIntoBeforeAll(SessionFactory sessions) {
        beforeAllSessions = sessions;
    }

    @BeforeEach
    void injectIntoBeforeEach(SessionFactory sessions, DynamoDbClient client) {
        beforeEachSessions = sessions;
        beforeEachClient = client;
    }

    @Test
    @Order(1)
    void injectsTheSameObjectsIntoBeforeAllConstructorsBeforeEachAndTests(SessionFactory sessions, DynamoDbClient client) {
        assertSame(db().sessions(), sessions);
        assertSame(db().client(), client);
        assertSame(sessions, beforeAllSessions);
        assertSame(sessions, constructorSessions);
        assertSame(client, constructorClient);
        assertSame(sessions, beforeEachSessions);
        assertSame(client, beforeEachClient);
    }

    @Test
    @Order(2)
    void writesDataTheNextTestMustNotSee(SessionFactory sessions, DynamoDbClient client) {
        sessions.useTransaction(s -> {
            s.save(new Score("alice", 1, "E1M1", 100));
            s.save(new Player("alice", "Alice"));
        });
        client.createTable(b -> b.tableName("ext_scratch")
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));

        assertEquals(1L, count(sessions, Score.class));
        assertEquals(Set.of("ext_players", "ext_scores", "ext_scratch"), tables(client));
    }

    @Test
    @Order(3)
    void startsWithFreshTables(SessionFactory sessions, DynamoDbClient client) {
        assertEquals(Set.of("ext_players", "ext_scores"), tables(client));
        assertEquals(0L, count(sessions, Score.class));
        assertEquals(0L, count(sessions, Player.class));
    }

    @Test
    @Order(4)
    void createsTheEntitiesTablesWithTheirIndexes(SessionFactory sessions) {
        TableDescription table = sessions.schema().describe(Score.class);
        assertEquals(List.of("by_level"),
                table.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).toList());
        assertEquals(List.of("by_points"),
                table.localSecondaryIndexes().stream().map(LocalSecondaryIndexDescription::indexName).toList());
        assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());

        sessions.useTransaction(s -> {
            s.save(new Score("alice", 1, "E1M1", 100));
            s.save(new Score("alice", 2, "E1M2", 50));
            s.save(new Score("bob", 1, "E1M1", 70));
        });
        assertEquals(List.of("alice", "bob"), sessions.inTransaction(s -> s.query(Score.class).index("by_level")
                .hashKey("E1M1").list().stream().map(x -> x.player).sorted().toList()));
        assertEquals(List.of(2, 1), sessions.inTransaction(s -> s.query(Score.class).index("by_points")
                .hashKey("alice").list().stream().map(x -> x.game).toList()));
    }

    @Test
    @Order(5)
    void createsTheTablesOfEntitiesListedInTheAnnotation(SessionFactory sessions) {
        sessions.useTransaction(s -> s.save(new Player("bob", "Bob")));
        assertEquals("Bob", sessions.inTransaction(s -> s.get(Player.class, "bob").name));
    }

    @Test
    @Order(6)
    void closedSessionsAndTransactionsPassTheLeakCheck(SessionFactory sessions) {
        try (var s = sessions.openSession()) {
            s.save(new Player("carol", "Carol"));
            s.commit();
        }
        sessions.useTransaction(s -> s.get(Player.class, "carol").name = "Caroline");
        assertEquals("Caroline", sessions.inTransaction(s -> s.get(Player.class, "carol").name));
    }

    /** How many items of {@code type} a scan finds. */
    static long count(SessionFactory sessions, Class<?> type) {
        long n = sessions.inTransaction(s -> s.scan(type).count());
        return n;
    }

    static Set<String> tables(DynamoDbClient client) {
        return new TreeSet<>(client.listTables().tableNames());
    }
}
