package io.dynamapper.guice;

import io.dynamapper.HashKey;
import io.dynamapper.Table;
import io.dynamapper.Version;

/** The test entity: a named counter with an optimistic version. */
@Table("guice_counters")
public class Counter {
    @HashKey
    public String id;
    public long value;
    @Version
    public Long version;

    public Counter() {
    }

    public Counter(String id, long value) {
        this.id = id;
        this.value = value;
    }

    @Override
    public String toString() {
        return "Counter(" + id + "=" + value + ", v" + version + ")";
    }
}
