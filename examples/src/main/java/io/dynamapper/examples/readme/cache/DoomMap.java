package io.dynamapper.examples.readme.cache;

import io.dynamapper.Cached;
import io.dynamapper.HashKey;
import io.dynamapper.RangeKey;
import io.dynamapper.Table;
import io.dynamapper.Version;
import java.time.temporal.ChronoUnit;

// @snippet cached-entity
@Cached(expireAfterWrite = 30, unit = ChronoUnit.SECONDS, maximumSize = 50_000)
@Table("doom_map")
public class DoomMap {
    @HashKey long episode;
    @RangeKey int map;
    String name;
    @Version Long version;
}
// @end
