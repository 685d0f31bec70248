package io.dynamapper.bench;

import io.dynamapper.HashKey;
import io.dynamapper.Table;
import io.dynamapper.Version;
import java.util.List;

/** P3's entity with a collection: seven attributes, one of them a {@code List<String>}. */
@Table("probe_item")
public class ProbeItem {
    @HashKey String id;
    String name;
    String city;
    long n1;
    long n2;
    List<String> tags;
    @Version Long version;

    ProbeItem() {
    }
}
