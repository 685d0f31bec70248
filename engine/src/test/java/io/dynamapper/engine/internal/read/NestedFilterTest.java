package io.dynamapper.engine.internal.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dynamapper.Attribute;
import io.dynamapper.Filter;
import io.dynamapper.HashKey;
import io.dynamapper.Table;
import io.dynamapper.engine.internal.mapping.EntityModel;
import io.dynamapper.engine.testing.TestDynamoDb;
import io.dynamapper.engine.testing.RecordingClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Filters on fields inside nested objects, map values and optionals, against the in-memory DynamoDB. */
class NestedFilterTest {
    record Address(String city, @Attribute("post_code") String zip) {
    }

    @Table("players")
    static class Player {
        @HashKey String id;
        Address home;
        Map<String, Integer> counts;
        Optional<Set<String>> badges = Optional.empty();
    }

    static final EntityModel<Player> PLAYERS = EntityModel.of(Player.class);
    final RecordingClient recording = RecordingClient.wrap(TestDynamoDb.client());
    final ReadContext ctx = new Fixtures.Context().over(recording.client());

    @BeforeEach
    void data() {
        TestDynamoDb.deleteAllTables();
        Fixtures.createTable(TestDynamoDb.client(), PLAYERS);
        put("ann", new Address("Paris", "75001"), Map.of("kills", 3), Set.of("gold"));
        put("bob", new Address("Lyon", "69001"), Map.of("kills", 7, "deaths", 1), Set.of());
        put("cid", null, Map.of(), Set.of("gold", "silver"));
    }

    private void put(String id, Address home, Map<String, Integer> counts, Set<String> badges) {
        Player p = new Player();
        p.id = id;
        p.home = home;
        p.counts = counts;
        p.badges = Optional.of(badges);
        Fixtures.put(TestDynamoDb.client(), PLAYERS, p);
    }

    private List<String> scan(Filter filter) {
        return Reads.scan(ctx, PLAYERS).filter(filter).list().stream().map(p -> p.id).sorted().toList();
    }

    @Test
    void filtersOnNestedFieldsMapValuesAndOptionalSets() {
        assertEquals(List.of("ann"), scan(Filter.eq("home.city", "Paris")));
        assertEquals(List.of("bob"), scan(Filter.beginsWith("home.zip", "69")));
        ScanRequest sent = recording.requests(ScanRequest.class).get(1);
        assertTrue(sent.expressionAttributeNames().containsValue("post_code"), sent.toString());
        assertEquals(List.of("bob"), scan(Filter.gt("counts.kills", 5)));
        assertEquals(List.of("bob"), scan(Filter.exists("counts.deaths")));
        assertEquals(List.of("ann", "cid"), scan(Filter.contains("badges", "gold")));
        assertEquals(List.of("cid"), scan(Filter.notExists("home")));
    }

    @Test
    void nestedValuesAreConvertedWithTheNestedFieldsCodec() {
        assertEquals(List.of("bob"), scan(Filter.eq("counts.kills", 7L)));
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> scan(Filter.eq("counts.kills", "seven")));
        assertTrue(wrongType.getMessage().contains("Player.counts.kills"), wrongType.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> scan(Filter.eq("home.street", "x")));
        assertTrue(unknown.getMessage().contains("Address has no persisted field 'street'")
                && unknown.getMessage().contains("[city, zip]"), unknown.getMessage());
    }
}
