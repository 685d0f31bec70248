package io.dynamapper.examples.readme;

// @snippet doom-map
import io.dynamapper.HashKey;
import io.dynamapper.RangeKey;
import io.dynamapper.Table;
import io.dynamapper.Version;
import java.util.HashSet;
import java.util.Set;

@Table("doom_map")
public class DoomMap {
    @HashKey long episode;
    @RangeKey int map;
    String name;
    Set<String> cheats = new HashSet<>(Set.of("Konami"));   // default when the item has no cheats
    Set<String> secrets = new HashSet<>();
    @Version Long version;

    DoomMap() {                                             // for Dynamapper (any visibility)
    }

    public DoomMap(long episode, int map, String name) {
        this.episode = episode;
        this.map = map;
        this.name = name;
    }
}
// @end
