package io.dynamapper.examples.doommap;

import io.dynamapper.HashKey;
import io.dynamapper.RangeKey;
import io.dynamapper.Table;
import io.dynamapper.Version;
import java.util.HashSet;
import java.util.Set;

/**
 * A map of the game Doom, as in dynamodb-mapper's tutorial: table {@code doom_map}, hash key
 * {@code episode}, range key {@code map}, cheats defaulting to {"Konami"}, and a version for
 * optimistic locking.
 */
@Table("doom_map")
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

    @Override
    public String toString() {
        return "E" + episode + "M" + map + " \"" + name + "\" cheats=" + new java.util.TreeSet<>(cheats)
                + (secrets.isEmpty() ? "" : " secrets=" + new java.util.TreeSet<>(secrets)) + " v" + version;
    }
}
