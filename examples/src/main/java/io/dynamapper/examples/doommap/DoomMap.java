package io.dynamapper.examples.doommap;

import io.dynamapper.HashKey;
import io.dynamapper.Migrate;
import io.dynamapper.RangeKey;
import io.dynamapper.SchemaVersion;
import io.dynamapper.Table;
import io.dynamapper.Version;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A map of the game Doom, as in dynamodb-mapper's tutorial: table {@code doom_map}, hash key
 * {@code episode}, range key {@code map}, cheats defaulting to {"Konami"}, and a version for
 * optimistic locking.
 *
 * <p>Schema version 2: the first version of the application stored the cheats as one string,
 * {@code "idkfa,iddqd"}; {@link #cheatsStringToSet} lifts such items to a string set when they are
 * read, and the next commit writes them back.
 */
@Table("doom_map")
@SchemaVersion(2)
public class DoomMap {
    @HashKey long episode;
    @RangeKey int map;
    String name;
    Set<String> cheats = new HashSet<>(Set.of("Konami"));
    Set<String> secrets = new HashSet<>();
    @Version Long version;

    DoomMap() {
    }

    DoomMap(long episode, int map, String name, String... cheats) {
        this.episode = episode;
        this.map = map;
        this.name = name;
        if (cheats.length > 0) {
            this.cheats = new HashSet<>(Set.of(cheats));
        }
    }

    /** Schema version 1 to 2: cheats from a comma-separated string to a string set. */
    @Migrate(from = 1)
    static Map<String, AttributeValue> cheatsStringToSet(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> lifted = new HashMap<>(item);
        AttributeValue cheats = item.get("cheats");
        if (cheats != null && cheats.s() != null) {
            lifted.put("cheats", AttributeValue.fromSs(List.of(cheats.s().split(","))));
        }
        return lifted;
    }

    @Override
    public String toString() {
        return "E" + episode + "M" + map + " \"" + name + "\" cheats=" + new java.util.TreeSet<>(cheats)
                + (secrets.isEmpty() ? "" : " secrets=" + new java.util.TreeSet<>(secrets)) + " v" + version;
    }
}
