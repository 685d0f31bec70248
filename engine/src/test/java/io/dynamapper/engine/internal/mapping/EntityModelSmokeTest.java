package io.dynamapper.engine.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.HashKey;
import io.dynamapper.MappingException;
import io.dynamapper.RangeKey;
import io.dynamapper.Table;
import io.dynamapper.Version;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class EntityModelSmokeTest {
    @Table("doom_map")
    static class DoomMap {
        @HashKey long episode;
        @RangeKey int map;
        String name;
        Set<String> cheats = new HashSet<>(Set.of("Konami"));
        @Version Long version;
    }

    @Table("doom_rec")
    record Rec(@HashKey String id, int count, @Version long version) {
    }

    @Test
    void roundTripsMutableAndDetectsChanges() {
        EntityModel<DoomMap> model = EntityModel.of(DoomMap.class);
        DoomMap m = new DoomMap();
        m.episode = 1;
        m.map = 2;
        m.name = "Hangar";
        Map<String, AttributeValue> item = model.toItem(m);
        assertEquals(AttributeValue.fromN("1"), item.get("episode"));
        assertEquals(AttributeValue.fromSs(List.of("Konami")), item.get("cheats"));
        DoomMap back = model.fromItem(item);
        assertNotSame(m, back);
        assertEquals("Hangar", back.name);
        assertEquals(Set.of("Konami"), back.cheats);

        Snapshot snapshot = model.dirty().snapshot(back);
        assertTrue(model.dirty().unchanged(snapshot, back));
        back.cheats.add("idkfa");
        back.name = "Nuclear";
        assertEquals(List.of("name", "cheats"), model.dirty().changed(snapshot, back).stream().map(PropertyModel::fieldName).toList());
        assertEquals(Map.of("episode", AttributeValue.fromN("1"), "map", AttributeValue.fromN("2")), model.keys().key(1, 2L));
    }

    @Test
    void recordsGetNewVersionsAsCopies() {
        EntityModel<Rec> model = EntityModel.of(Rec.class);
        Rec r = new Rec("a", 3, 1);
        Rec bumped = model.withVersion(r, 2);
        assertEquals(new Rec("a", 3, 2), bumped);
        assertEquals(new Rec("a", 0, 0), model.fromItem(Map.of("id", AttributeValue.fromS("a"))));
    }

    @Test
    void readErrorNamesTableKeyAttributeAndTypes() {
        MappingException e = assertThrows(MappingException.class, () -> EntityModel.of(DoomMap.class).fromItem(Map.of(
                "episode", AttributeValue.fromN("1"), "map", AttributeValue.fromS("one"))));
        assertTrue(e.getMessage().contains("doom_map") && e.getMessage().contains("'map'")
                && e.getMessage().contains("DoomMap.map") && e.getMessage().contains("expected DynamoDB type N, found S"),
                e.getMessage());
    }

    @Table("players")
    static class Player {
        @HashKey String team;
        @RangeKey int number;
    }

    @Test
    void aNullKeyIsReportedWithTheFieldAndTheOtherKeyNotTheIdentityHash() {
        Player p = new Player();
        p.number = 7;
        io.dynamapper.DynamapperException e = assertThrows(io.dynamapper.DynamapperException.class,
                () -> EntityModel.of(Player.class).toItem(p));
        assertTrue(e.getMessage().contains("Player.team is null") && e.getMessage().contains("number=7")
                && !e.getMessage().contains("@"), e.getMessage());
        io.dynamapper.DynamapperException record = assertThrows(io.dynamapper.DynamapperException.class,
                () -> EntityModel.of(Rec.class).toItem(new Rec("", 1, 1)));
        assertTrue(record.getMessage().contains("Rec[id=, count=1, version=1]"), record.getMessage());
    }
}
