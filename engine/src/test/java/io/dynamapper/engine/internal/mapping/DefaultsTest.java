package io.dynamapper.engine.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.dynamapper.Default;
import io.dynamapper.HashKey;
import io.dynamapper.Table;
import io.dynamapper.engine.testing.TestDynamoDb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What an entity gets for attributes an item lacks: a mutable class keeps what its initializers and
 * no-argument constructor set; a record gets its {@code @Default} method's value, else null, zero,
 * false, an empty set or an empty Optional.
 */
class DefaultsTest {
    private final DynamoDbClient ddb = TestDynamoDb.client();

    @BeforeEach
    @AfterEach
    void clean() {
        TestDynamoDb.deleteAllTables();
    }

    @Table("doom_map")
    static class DoomMap {
        @HashKey String id;
        String name = "Hangar";
        int skill = 3;
        Integer lives;
        Set<String> cheats = new HashSet<>(Set.of("Konami"));
        Set<String> keys;
        Optional<String> music = Optional.of("E1M1");
        Optional<String> secret;
        List<String> things;
        String fromConstructor;

        DoomMap() {
            fromConstructor = "ctor";
            lives = 5;
        }
    }

    @Table("doom_rec")
    record DoomRec(@HashKey String id,
                   @Default("defaultName") String name,
                   @Default("defaultSkill") int skill,
                   @Default("defaultCheats") Set<String> cheats,
                   String plain,
                   int zero,
                   boolean off,
                   double nothing,
                   Set<Integer> keys,
                   Optional<String> music,
                   List<String> things) {
        static String defaultName() {
            return "Hangar";
        }

        private static int defaultSkill() {
            return 3;
        }

        static Set<String> defaultCheats() {
            return Set.of("Konami");
        }
    }

    private <T> T load(Class<T> type, Map<String, AttributeValue> item) {
        EntityModel<T> model = EntityModel.of(type);
        RoundTripTest.createTable(ddb, model);
        ddb.putItem(b -> b.tableName(model.tableName()).item(item));
        return model.fromItem(ddb.getItem(b -> b.tableName(model.tableName()).consistentRead(true)
                .key(Map.of("id", item.get("id")))).item());
    }

    @Test
    void mutableEntityKeepsInitializerAndConstructorValuesForMissingAttributes() {
        DoomMap m = load(DoomMap.class, Map.of("id", AttributeValue.fromS("e1m1")));
        assertEquals("Hangar", m.name);
        assertEquals(3, m.skill);
        assertEquals(5, m.lives);
        assertEquals("ctor", m.fromConstructor);
        assertEquals(Set.of("Konami"), m.cheats);
        assertEquals(Set.of(), m.keys, "a set without initializer reads as an empty set");
        assertEquals(Optional.of("E1M1"), m.music);
        assertEquals(Optional.empty(), m.secret, "an Optional without initializer reads as empty");
        assertNull(m.things);
    }

    @Test
    void storedAttributesWinOverInitializers() {
        DoomMap m = load(DoomMap.class, Map.of("id", AttributeValue.fromS("e1m2"), "name", AttributeValue.fromS(""),
                "skill", AttributeValue.fromN("0"), "cheats", AttributeValue.fromSs(List.of("idkfa")),
                "music", AttributeValue.fromS("D_RUNNIN")));
        assertEquals("", m.name);
        assertEquals(0, m.skill);
        assertEquals(Set.of("idkfa"), m.cheats);
        assertEquals(Optional.of("D_RUNNIN"), m.music);
    }

    @Test
    void aNullAttributeClearsAFieldWithAnInitializer() {
        DoomMap m = load(DoomMap.class, Map.of("id", AttributeValue.fromS("e1m3"), "name", AttributeValue.fromNul(true),
                "cheats", AttributeValue.fromNul(true), "music", AttributeValue.fromNul(true)));
        assertNull(m.name);
        assertEquals(Set.of(), m.cheats);
        assertEquals(Optional.empty(), m.music);
    }

    /**
     * Documents a consequence of "null and empty are stored as no attribute" together with
     * "a missing attribute keeps the initializer": a cleared field with a non-empty initializer reads
     * back as its initializer. Change deliberately (see docs/type-mapping.md).
     */
    @Test
    void aClearedFieldWithAnInitializerReadsBackAsItsInitializer() {
        EntityModel<DoomMap> model = EntityModel.of(DoomMap.class);
        RoundTripTest.createTable(ddb, model);
        DoomMap m = new DoomMap();
        m.id = "e1m4";
        m.cheats = new HashSet<>();
        m.name = null;
        DoomMap back = RoundTripTest.saveAndLoad(ddb, model, m);
        assertEquals(Set.of("Konami"), back.cheats);
        assertEquals("Hangar", back.name);
    }

    @Test
    void recordGetsDefaultMethodsElseZeroNullOrEmpty() {
        DoomRec r = load(DoomRec.class, Map.of("id", AttributeValue.fromS("r1")));
        assertEquals(new DoomRec("r1", "Hangar", 3, Set.of("Konami"), null, 0, false, 0.0, Set.of(), Optional.empty(),
                null), r);
    }

    @Test
    void recordStoredAttributesWinOverDefaults() {
        DoomRec r = load(DoomRec.class, Map.of("id", AttributeValue.fromS("r2"), "name", AttributeValue.fromS("Toxin"),
                "skill", AttributeValue.fromN("5"), "cheats", AttributeValue.fromSs(List.of("iddqd")),
                "things", AttributeValue.fromL(List.of())));
        assertEquals("Toxin", r.name());
        assertEquals(5, r.skill());
        assertEquals(Set.of("iddqd"), r.cheats());
        assertEquals(new ArrayList<>(), r.things());
    }

    @Test
    void recordRoundTripsWithDefaultsPresent() {
        EntityModel<DoomRec> model = EntityModel.of(DoomRec.class);
        RoundTripTest.createTable(ddb, model);
        DoomRec r = new DoomRec("r3", "Nukage", 1, Set.of("idclip"), "p", 7, true, 2.5, Set.of(1),
                Optional.of("m"), List.of("x"));
        assertEquals(r, RoundTripTest.saveAndLoad(ddb, model, r));
    }
}
